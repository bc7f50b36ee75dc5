import { useState, type ReactNode } from 'react';
import { CheckCircle2, CircleSlash, Undo2 } from 'lucide-react';
import type { ParentConsent } from '@/types/partner';
import { firstName, formatNairobiDateTime } from './consent-display';
import { WithdrawConsentDialog } from './WithdrawConsentDialog';

function Row({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div className="flex flex-col gap-0.5 sm:flex-row sm:gap-4">
      <dt className="text-sm text-fg-subtle sm:w-36 sm:shrink-0">{label}</dt>
      <dd className="text-[15px] text-fg" data-testid={testId}>
        {children}
      </dd>
    </div>
  );
}

/**
 * The answered request as it stands: the signature (name, Nairobi date and time) for a consent given,
 * the date declined, or the withdrawal; and, while consent stands, the way to withdraw it.
 */
export function ConsentRecord({ consent, onWithdrawn }: { consent: ParentConsent; onWithdrawn?: (consent: ParentConsent) => void }) {
  const [withdrawing, setWithdrawing] = useState(false);
  const child = firstName(consent.childName);
  const signed = consent.status === 'given' || consent.status === 'revoked';

  return (
    <section aria-labelledby="consent-record-title" className="card p-4 sm:p-5" data-testid="consent-record" data-status={consent.status}>
      <div className="flex items-start gap-3">
        {consent.status === 'given' && <CheckCircle2 className="mt-0.5 size-6 shrink-0 text-ok" aria-hidden="true" />}
        {consent.status === 'declined' && <CircleSlash className="mt-0.5 size-6 shrink-0 text-fg-muted" aria-hidden="true" />}
        {consent.status === 'revoked' && <Undo2 className="mt-0.5 size-6 shrink-0 text-fg-muted" aria-hidden="true" />}
        <div className="min-w-0">
          <h2 id="consent-record-title" className="text-base font-semibold text-fg">
            {consent.status === 'given' && 'Your signed consent'}
            {consent.status === 'declined' && 'You declined this request'}
            {consent.status === 'revoked' && 'You withdrew your consent'}
          </h2>
          <p className="mt-1 text-sm text-fg-muted">
            {consent.status === 'given' && `${consent.partnerName} can follow ${child}’s learning while your consent stands.`}
            {consent.status === 'declined' && `${consent.partnerName} does not see ${child}’s learning.`}
            {consent.status === 'revoked' && `${consent.partnerName} no longer sees ${child}’s learning.`}
          </p>
        </div>
      </div>

      <dl className="mt-4 flex flex-col gap-3 border-t border-line pt-4">
        {signed && consent.signedName && (
          <Row label="Signed by" testId="consent-signed-by">
            {consent.signedName}
          </Row>
        )}
        {consent.consentedAt && (
          <Row label={signed ? 'Signed on' : 'Declined on'} testId="consent-signed-at">
            {formatNairobiDateTime(consent.consentedAt)} <span className="text-fg-subtle">(Nairobi time)</span>
          </Row>
        )}
        {consent.revokedAt && (
          <Row label="Withdrawn on" testId="consent-revoked-at">
            {formatNairobiDateTime(consent.revokedAt)} <span className="text-fg-subtle">(Nairobi time)</span>
          </Row>
        )}
        {consent.status === 'revoked' && (
          <Row label="Your reason" testId="consent-revocation-reason">
            {consent.revocationReason ?? <span className="text-fg-subtle">No reason given</span>}
          </Row>
        )}
        <Row label="Text version">{consent.consentTextVersion}</Row>
      </dl>

      {consent.status === 'given' && (
        <div className="mt-5 border-t border-line pt-4">
          <button type="button" className="btn-secondary min-h-12 w-full text-base sm:w-auto" onClick={() => setWithdrawing(true)} data-testid="consent-withdraw">
            <Undo2 className="size-4" aria-hidden="true" /> Withdraw consent
          </button>
          <WithdrawConsentDialog
            consent={consent}
            open={withdrawing}
            onClose={() => setWithdrawing(false)}
            onWithdrawn={(updated) => {
              setWithdrawing(false);
              onWithdrawn?.(updated);
            }}
          />
        </div>
      )}
    </section>
  );
}
