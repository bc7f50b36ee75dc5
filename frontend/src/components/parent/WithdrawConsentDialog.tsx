import { useId, useState } from 'react';
import { PartnerModal } from '@/components/partner/shared';
import { useRevokeConsent } from '@/services/parent/consents';
import type { ParentConsent } from '@/types/partner';
import { firstName } from './consent-display';
import { apiErrorText, apiFieldText } from '@/i18n/api-text';
import { useTranslation } from '@/i18n/use-translation';

export interface WithdrawConsentDialogProps {
  consent: ParentConsent;
  open: boolean;
  onClose: () => void;
  onWithdrawn: (consent: ParentConsent) => void;
}

/** Confirms a withdrawal, says what it does, and takes an optional reason. */
export function WithdrawConsentDialog({ consent, open, onClose, onWithdrawn }: WithdrawConsentDialogProps) {
  const id = useId();
  const [reason, setReason] = useState('');
  const revoke = useRevokeConsent(consent.id);
  const child = firstName(consent.childName);
  const translation = useTranslation();
  const { t } = translation;
  const partner = consent.partnerName;
  const reasonError = apiFieldText(revoke.error, 'reason', translation);
  const formError = revoke.error && !reasonError ? apiErrorText(revoke.error, translation) : undefined;

  const close = () => {
    if (revoke.isPending) return;
    revoke.reset();
    onClose();
  };

  const submit = () =>
    revoke.mutate(
      { reason: reason.trim() || null },
      {
        onSuccess: (updated) => {
          setReason('');
          onWithdrawn(updated);
        },
      },
    );

  return (
    <PartnerModal
      open={open}
      onClose={close}
      title={t('consent.withdrawTitle', { child })}
      testId="withdraw-dialog"
      description={t('consent.withdrawText', { partner, child })}
      footer={
        <>
          <button type="button" className="btn-secondary min-h-11" onClick={close} disabled={revoke.isPending}>
            {t('consent.keepConsent')}
          </button>
          <button type="button" className="btn-primary min-h-11" onClick={submit} disabled={revoke.isPending} data-testid="withdraw-confirm">
            {revoke.isPending ? t('consent.withdrawing') : t('consent.withdraw')}
          </button>
        </>
      }
    >
      <div className="flex flex-col gap-4">
        <p>
          {t('consent.withdrawKeeps', { child, partner })}
        </p>
        <div>
          <label htmlFor={`${id}-reason`} className="block text-sm font-medium text-fg">
            {t('consent.reason')} <span className="font-normal text-fg-subtle">{t('consent.optional')}</span>
          </label>
          <textarea
            id={`${id}-reason`}
            className="input mt-1.5 min-h-24 text-base"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            maxLength={2000}
            rows={3}
            aria-invalid={reasonError ? true : undefined}
            aria-describedby={reasonError ? `${id}-reason-error` : `${id}-reason-hint`}
            data-testid="withdraw-reason"
          />
          <p id={`${id}-reason-hint`} className="mt-1.5 text-xs text-fg-subtle">
            {t('consent.reasonHint')}
          </p>
          {reasonError && (
            <p id={`${id}-reason-error`} className="mt-1.5 text-sm text-brand-text">
              {reasonError}
            </p>
          )}
        </div>
        {formError && (
          <p role="alert" className="rounded-lg border border-brand/40 bg-brand-soft px-3 py-2 text-sm text-fg" data-testid="withdraw-error">
            {formError}
          </p>
        )}
      </div>
    </PartnerModal>
  );
}
