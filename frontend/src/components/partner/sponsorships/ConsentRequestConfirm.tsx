import { Loader2 } from 'lucide-react';
import { formatNumber } from '@/lib/format';
import { useConsentRequestPreview, type ConsentRequestTarget } from '@/services/partner/consent';
import { ConfirmDialog } from './ConfirmDialog';
import { explainActionError } from './program-actions';

export interface ConsentRequestConfirmProps {
  open: boolean;
  /** A whole program's waiting children, or one child (the child's page). */
  target: ConsentRequestTarget;
  /** Says whom the request goes to. */
  description: string;
  busy: boolean;
  error?: unknown;
  onConfirm: () => void;
  onClose: () => void;
}

const plural = (n: number, one: string, many: string) => `${formatNumber(n)} ${n === 1 ? one : many}`;

/**
 * Before guardians are asked: how many children and guardians (from the server's preview, which counts as the request
 * will), the children nobody can be asked for, and the consent text the guardians will read.
 */
export function ConsentRequestConfirm({ open, target, description, busy, error, onConfirm, onClose }: ConsentRequestConfirmProps) {
  const preview = useConsentRequestPreview(target, open);
  const p = preview.data;
  const nothingToSend = p !== undefined && p.guardiansToAsk === 0;
  const failure = error ?? (preview.isError ? preview.error : undefined);

  return (
    <ConfirmDialog
      open={open}
      title="Ask guardians for consent?"
      description={description}
      confirmLabel={p ? `Send ${plural(p.guardiansToAsk, 'request', 'requests')}` : 'Send requests'}
      confirmDisabled={!p || nothingToSend}
      busy={busy}
      error={failure ? explainActionError(failure) : undefined}
      onConfirm={onConfirm}
      onClose={onClose}
      size="lg"
      testId="consent-confirm"
    >
      {preview.isPending ? (
        <p className="flex items-center gap-2 text-sm text-fg-muted" role="status">
          <Loader2 className="size-4 animate-spin" aria-hidden="true" /> Counting who would be asked…
        </p>
      ) : p ? (
        <div className="flex flex-col gap-3 text-sm">
          <p data-testid="consent-preview-summary">
            {plural(p.guardiansToAsk, 'guardian', 'guardians')} of {plural(p.childrenToAsk, 'child', 'children')} will be asked
            {p.alreadyPending > 0 ? `; ${plural(p.alreadyPending, 'request is', 'requests are')} already open and will not be sent again` : ''}.
          </p>
          {nothingToSend && <p data-testid="consent-preview-nothing">There is nobody new to ask: every guardian who can be asked already has a request.</p>}
          {p.withoutGuardian.length > 0 && (
            <div className="rounded-lg border border-amber-500/30 bg-amber-500/10 p-3 text-xs text-amber-200" data-testid="consent-preview-without">
              <p className="font-medium">
                {plural(p.withoutGuardian.length, 'child has', 'children have')} no guardian account and cannot be asked yet:
              </p>
              <ul className="mt-1 list-disc pl-4">
                {p.withoutGuardian.map((c) => (
                  <li key={c.id}>{c.displayName}</li>
                ))}
              </ul>
              <p className="mt-1">Their school needs to link a parent or guardian first.</p>
            </div>
          )}
          <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
            <TermList title="You will see, once they agree" items={p.partnerSees} testId="consent-preview-sees" />
            <TermList title="You will never see" items={p.partnerDoesNotSee} testId="consent-preview-not-sees" />
          </div>
          <details className="rounded-lg border border-line bg-elevated px-3 py-2">
            <summary className="cursor-pointer text-xs font-medium text-fg-muted">The consent text guardians read (version {p.consentTextVersion})</summary>
            <p className="mt-2 whitespace-pre-line text-xs text-fg-muted" data-testid="consent-preview-text">
              {p.sampleText.trim()}
            </p>
          </details>
          {/* Each guardian reads and signs in the language they choose; the record keeps which (signed_language). */}
          <details className="rounded-lg border border-line bg-elevated px-3 py-2">
            <summary className="cursor-pointer text-xs font-medium text-fg-muted">The same text in Kiswahili, for guardians who read in Kiswahili</summary>
            <p lang="sw" className="mt-2 whitespace-pre-line text-xs text-fg-muted" data-testid="consent-preview-text-sw">
              {p.sampleTextSw.trim()}
            </p>
          </details>
        </div>
      ) : null}
    </ConfirmDialog>
  );
}

function TermList({ title, items, testId }: { title: string; items: string[]; testId: string }) {
  return (
    <div className="rounded-lg border border-line px-3 py-2" data-testid={testId}>
      <p className="text-xs font-medium text-fg-muted">{title}</p>
      <ul className="mt-1 list-disc pl-4 text-xs text-fg">
        {items.map((i) => (
          <li key={i}>{i}</li>
        ))}
      </ul>
    </div>
  );
}
