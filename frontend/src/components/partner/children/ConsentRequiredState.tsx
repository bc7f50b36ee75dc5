import { useState } from 'react';
import { Link } from 'react-router';
import { MailCheck, ShieldAlert } from 'lucide-react';
import { ConsentRequestConfirm } from '@/components/partner/sponsorships/ConsentRequestConfirm';
import { formatNumber } from '@/lib/format';
import { useRequestConsent } from '@/services/partner/consent';
import { useProgram } from '@/services/partner/programs';
import { usePartnerPermissions } from '@/services/partner/team';
import type { ChildConsentStatus, ProgramStatus } from '@/types/partner';

const WHY: Record<ChildConsentStatus, string> = {
  not_requested: 'No parent or guardian has been asked yet. Ask them, and this view opens once one of them agrees.',
  pending: 'The child’s parent or guardian has been asked and has not answered yet.',
  declined: 'The child’s parent or guardian declined to share this child’s learning data.',
  revoked: 'The child’s parent or guardian withdrew their consent, so this child’s learning data was hidden at once.',
  given: 'Consent was given; reload the page to see the data.',
  expired: 'The child’s parent or guardian did not answer before the request expired. You can ask again.',
  program_not_active: 'A guardian agreed, but children’s data is shown only while the program is approved and running (active or paused).',
};

/** Why guardians cannot be asked yet: the server asks them only while the program is active. */
const NOT_YET: Partial<Record<ProgramStatus, string>> = {
  DRAFT: 'The program is still a draft. Guardians can be asked once it is submitted and an admin approves it.',
  PENDING_APPROVAL: 'The program is waiting for an admin’s approval. Guardians can be asked once it is approved.',
  PAUSED: 'The program is paused. Resume it to ask guardians.',
};

export interface ConsentRequiredStateProps {
  childId: string;
  /** The child's program: guardians are asked only while it is active. */
  programId: string;
  childName: string;
  consentStatus: ChildConsentStatus | null;
  /** The server's words (403 consent_required detail). */
  message?: string;
  /** The child's status; consent can only be requested while the child waits for it. */
  canRequest?: boolean;
}

/**
 * The 403 consent_required answer of a child view, explained: why the data is hidden (guardian not asked,
 * not answered, declined, withdrew) and a button to ask the guardians, which first shows the same preview as a
 * program-wide request: who will be asked and what they will read.
 */
export function ConsentRequiredState({ childId, programId, childName, consentStatus, message, canRequest = true }: ConsentRequiredStateProps) {
  const request = useRequestConsent();
  const result = request.data;
  // Only owners and program managers may ask guardians; the others see why the data is hidden, without the button.
  const mayRequest = canRequest && usePartnerPermissions().changePrograms;
  const [confirming, setConfirming] = useState(false);
  // Offered only when it can work: a button that can only be refused is no guidance. If the program cannot be read,
  // the button stays and the server's answer explains.
  const program = useProgram(programId);
  const programStatus = program.data?.status;
  const notYet = programStatus && programStatus !== 'ACTIVE' ? NOT_YET[programStatus] : undefined;
  const canAsk = mayRequest && (programStatus === 'ACTIVE' || program.isError);
  return (
    <div className="flex flex-col items-center gap-4 rounded-xl border border-dashed border-amber-500/40 bg-amber-500/5 px-6 py-12 text-center" data-testid="consent-required" role="region" aria-label="Consent required">
      <span className="grid size-12 place-items-center rounded-full bg-amber-500/10 text-amber-300 ring-1 ring-amber-500/30" aria-hidden="true">
        <ShieldAlert className="size-5" />
      </span>
      <div className="max-w-lg">
        <h2 className="text-base font-semibold text-fg">{childName}’s learning data is hidden until a guardian consents</h2>
        <p className="mt-2 text-sm text-fg-muted" data-testid="consent-why">
          {consentStatus ? WHY[consentStatus] : (message ?? 'A parent or guardian has not given consent.')}
        </p>
        <p className="mt-2 text-xs text-fg-subtle">
          Until then you see only first name, last initial, grade and county. Children without consent are not billed.
        </p>
      </div>
      {result ? (
        <p className="max-w-md rounded-lg border border-line bg-elevated px-3 py-2 text-sm text-fg" role="status" data-testid="consent-request-result">
          {result.requested > 0
            ? `Asked ${formatNumber(result.requested)} guardian${result.requested === 1 ? '' : 's'}. You will see the data once one agrees.`
            : result.alreadyPending > 0
              ? 'A request is already waiting for the guardian’s answer.'
              : result.withoutGuardian.length > 0
                ? 'This child has no guardian account to ask; the school needs to link a parent first.'
                : 'Nobody new to ask.'}
        </p>
      ) : mayRequest && notYet ? (
        <p className="max-w-md text-sm text-fg-muted" data-testid="consent-not-yet">
          {notYet}{' '}
          <Link to={`/dashboard/partner/sponsorships/${programId}`} className="font-medium text-brand-text underline">
            Open the program
          </Link>
        </p>
      ) : (
        canAsk && (
          <button
            type="button"
            className="btn-primary"
            onClick={() => {
              request.reset();
              setConfirming(true);
            }}
            data-testid="request-child-consent"
          >
            <MailCheck className="size-4" aria-hidden="true" />
            Request consent
          </button>
        )
      )}
      <ConsentRequestConfirm
        open={confirming}
        target={{ sponsoredChildId: childId }}
        description={`Each parent or guardian of ${childName} who has not been asked yet gets a request in their parent dashboard.`}
        busy={request.isPending}
        error={request.isError ? request.error : undefined}
        onClose={() => {
          setConfirming(false);
          request.reset();
        }}
        onConfirm={() => request.mutate({ sponsoredChildId: childId }, { onSuccess: () => setConfirming(false) })}
      />
    </div>
  );
}
