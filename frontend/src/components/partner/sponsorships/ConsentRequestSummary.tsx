import { PartnerModal } from '@/components/partner/shared';
import { formatNumber } from '@/lib/format';
import type { ConsentRequestResult } from '@/types/partner';

export interface ConsentRequestSummaryProps {
  result: ConsentRequestResult | null;
  onClose: () => void;
  /** Names of sponsored children by id, to name those without a guardian account. */
  names?: Map<string, string>;
}

/** What a consent request did: guardians asked, requests already open, and children nobody can be asked for. */
export function ConsentRequestSummary({ result, onClose, names }: ConsentRequestSummaryProps) {
  return (
    <PartnerModal
      open={result !== null}
      onClose={onClose}
      title="Consent requested"
      description="Guardians answer in their parent dashboard with a ticked box and their typed full name. You will see a child’s learning data once one of them agrees."
      size="sm"
      testId="consent-result"
      footer={
        <button type="button" className="btn-primary" onClick={onClose}>
          Done
        </button>
      }
    >
      {result && (
        <div className="flex flex-col gap-3">
          <dl className="grid grid-cols-2 gap-2">
            <Figure label="Children waiting for consent" value={result.children} testId="consent-children" />
            <Figure label="Guardians asked now" value={result.requested} testId="consent-requested" />
            <Figure label="Requests already open" value={result.alreadyPending} testId="consent-already" />
            <Figure label="Children without a guardian account" value={result.withoutGuardian.length} testId="consent-without" />
          </dl>
          {result.children === 0 && <p>No child of this program is waiting for consent.</p>}
          {result.withoutGuardian.length > 0 && (
            <div className="rounded-lg border border-amber-500/30 bg-amber-500/10 p-3 text-xs text-amber-200">
              <p className="font-medium">No guardian account to ask for:</p>
              <ul className="mt-1 list-disc pl-4">
                {result.withoutGuardian.map((id) => (
                  <li key={id}>{names?.get(id) ?? id}</li>
                ))}
              </ul>
              <p className="mt-1">Their school needs to link a parent or guardian before consent can be asked.</p>
            </div>
          )}
        </div>
      )}
    </PartnerModal>
  );
}

function Figure({ label, value, testId }: { label: string; value: number; testId: string }) {
  return (
    <div className="rounded-lg border border-line bg-elevated px-3 py-2">
      <dt className="text-[11px] text-fg-subtle">{label}</dt>
      <dd className="text-lg font-semibold tabular-nums text-fg" data-testid={testId}>
        {formatNumber(value)}
      </dd>
    </div>
  );
}
