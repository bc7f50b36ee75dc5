import { useState, type ReactNode } from 'react';
import { CheckCircle2, CircleSlash, Undo2 } from 'lucide-react';
import type { ParentConsent } from '@/types/partner';
import { firstName, formatNairobiDateTime } from './consent-display';
import { WithdrawConsentDialog } from './WithdrawConsentDialog';
import { useTranslation } from '@/i18n/use-translation';

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
  const { t } = useTranslation();
  const partner = consent.partnerName;

  return (
    <section aria-labelledby="consent-record-title" className="card p-4 sm:p-5" data-testid="consent-record" data-status={consent.status}>
      <div className="flex items-start gap-3">
        {consent.status === 'given' && <CheckCircle2 className="mt-0.5 size-6 shrink-0 text-ok" aria-hidden="true" />}
        {consent.status === 'declined' && <CircleSlash className="mt-0.5 size-6 shrink-0 text-fg-muted" aria-hidden="true" />}
        {consent.status === 'revoked' && <Undo2 className="mt-0.5 size-6 shrink-0 text-fg-muted" aria-hidden="true" />}
        <div className="min-w-0">
          <h2 id="consent-record-title" className="text-base font-semibold text-fg">
            {consent.status === 'given' && t('consent.signedConsent')}
            {consent.status === 'declined' && t('consent.youDeclined')}
            {consent.status === 'revoked' && t('consent.youWithdrew')}
          </h2>
          <p className="mt-1 text-sm text-fg-muted">
            {consent.status === 'given' && t('consent.canFollow', { partner, child })}
            {consent.status === 'declined' && t('consent.doesNotSee', { partner, child })}
            {consent.status === 'revoked' && t('consent.noLongerSees', { partner, child })}
          </p>
        </div>
      </div>

      <dl className="mt-4 flex flex-col gap-3 border-t border-line pt-4">
        {signed && consent.signedName && (
          <Row label={t('consent.signedBy')} testId="consent-signed-by">
            {consent.signedName}
          </Row>
        )}
        {consent.consentedAt && (
          <Row label={signed ? t('consent.signedOn') : t('consent.declinedOnLabel')} testId="consent-signed-at">
            {formatNairobiDateTime(consent.consentedAt)} <span className="text-fg-subtle">{t('common.nairobiTime')}</span>
          </Row>
        )}
        {consent.revokedAt && (
          <Row label={t('consent.withdrawnOnLabel')} testId="consent-revoked-at">
            {formatNairobiDateTime(consent.revokedAt)} <span className="text-fg-subtle">{t('common.nairobiTime')}</span>
          </Row>
        )}
        {consent.status === 'revoked' && (
          <Row label={t('consent.yourReason')} testId="consent-revocation-reason">
            {consent.revocationReason ?? <span className="text-fg-subtle">{t('consent.noReason')}</span>}
          </Row>
        )}
        <Row label={t('consent.textVersionLabel')}>{consent.consentTextVersion}</Row>
        {consent.signedLanguage && (
          <Row label={t('consent.languageLabel')} testId="consent-signed-language">
            {t(`languages.${consent.signedLanguage}`)}
          </Row>
        )}
      </dl>

      {consent.status === 'given' && (
        <div className="mt-5 border-t border-line pt-4">
          <button type="button" className="btn-secondary min-h-12 w-full text-base sm:w-auto" onClick={() => setWithdrawing(true)} data-testid="consent-withdraw">
            <Undo2 className="size-4" aria-hidden="true" /> {t('consent.withdraw')}
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
