import { useId, useState, type FormEvent } from 'react';
import { PartnerModal } from '@/components/partner/shared';
import { useTranslation } from '@/i18n/use-translation';
import { isApiError } from '@/lib/api';
import { formatDate } from '@/lib/format';
import { useActivePrograms, useCancelSubscription, useCreateSubscription, useUpdateSubscription } from '@/services/partner/partnerFinanceService';
import type { BillingPeriod, SubscriptionItem } from '@/types/partner';

const PERIODS: BillingPeriod[] = ['monthly', 'termly', 'annual'];

function ErrorText({ error }: { error: unknown }) {
  if (!error) return null;
  const text = isApiError(error) ? (error.detail ?? error.title) : error instanceof Error ? error.message : String(error);
  return <p role="alert" className="text-sm text-brand-text" data-testid="dialog-error">{text}</p>;
}

/** Subscribe one of the partner's ACTIVE programs that has no running subscription. */
export function CreateSubscriptionDialog({ open, onClose, existing }: { open: boolean; onClose: () => void; existing: SubscriptionItem[] }) {
  const { t } = useTranslation();
  const id = useId();
  const programs = useActivePrograms(open);
  const create = useCreateSubscription();
  const [programId, setProgramId] = useState('');
  const [period, setPeriod] = useState<BillingPeriod | ''>('');
  const [autoRenew, setAutoRenew] = useState(true);
  const [missing, setMissing] = useState(false);
  const taken = new Set(existing.filter((s) => s.status === 'ACTIVE' || s.status === 'PAST_DUE').map((s) => s.programId));
  const choices = (programs.data?.items ?? []).filter((p) => !taken.has(p.id));

  const close = () => {
    create.reset();
    setProgramId('');
    setPeriod('');
    setMissing(false);
    onClose();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!programId) return setMissing(true);
    create.mutate({ programId, billingPeriod: period || null, autoRenew, paymentMethodId: null }, { onSuccess: close });
  };

  return (
    <PartnerModal open={open} onClose={close} title={t('funding.create.title')} description={t('funding.create.text')} testId="create-subscription-dialog">
      <form className="flex flex-col gap-4" onSubmit={submit} noValidate>
        {programs.isSuccess && choices.length === 0 ? (
          <p className="text-sm text-fg-muted" data-testid="no-programs">{t('funding.create.noPrograms')}</p>
        ) : (
          <div className="flex flex-col gap-1">
            <label htmlFor={`${id}-program`} className="text-xs font-medium text-fg-muted">{t('funding.create.program')}</label>
            <select id={`${id}-program`} className="input" value={programId} onChange={(e) => { setProgramId(e.target.value); setMissing(false); }}
              aria-invalid={missing} aria-describedby={missing ? `${id}-program-error` : undefined} aria-required data-testid="create-program">
              <option value="">{t('funding.create.chooseProgram')}</option>
              {choices.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
            </select>
            {missing && <p id={`${id}-program-error`} className="text-xs text-brand-text">{t('funding.create.required')}</p>}
          </div>
        )}
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-period`} className="text-xs font-medium text-fg-muted">{t('funding.create.period')}</label>
          <select id={`${id}-period`} className="input" value={period} onChange={(e) => setPeriod(e.target.value as BillingPeriod | '')} data-testid="create-period">
            <option value="">{t('funding.create.programDefault')}</option>
            {PERIODS.map((p) => <option key={p} value={p}>{t(`funding.periods.${p}`)}</option>)}
          </select>
        </div>
        <label className="inline-flex items-center gap-2 text-sm">
          <input type="checkbox" className="size-4 accent-[#E40000]" checked={autoRenew} onChange={(e) => setAutoRenew(e.target.checked)} />
          {t('funding.create.autoRenew')}
        </label>
        <ErrorText error={create.error} />
        <div className="flex justify-end gap-2">
          <button type="button" className="btn-secondary" onClick={close}>{t('funding.pay.close')}</button>
          <button type="submit" className="btn-primary" disabled={create.isPending || (programs.isSuccess && choices.length === 0)} data-testid="create-submit">
            {create.isPending ? t('funding.create.submitting') : t('funding.create.submit')}
          </button>
        </div>
      </form>
    </PartnerModal>
  );
}

/** A new billing period, which the API applies from the next period: said before and after the change. */
export function ChangePeriodDialog({ subscription, onClose }: { subscription: SubscriptionItem | null; onClose: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const update = useUpdateSubscription();
  const current = subscription?.pendingBillingPeriod ?? subscription?.billingPeriod;
  const [period, setPeriod] = useState<BillingPeriod | ''>('');
  const chosen = period || current || 'monthly';
  const close = () => {
    update.reset();
    setPeriod('');
    onClose();
  };
  const nextDate = subscription?.nextBillingDate ?? subscription?.currentPeriodEnd;
  return (
    <PartnerModal open={subscription !== null} onClose={close} title={t('funding.change.title')} testId="change-period-dialog"
      description={subscription ? t('funding.change.text', { date: nextDate ? formatDate(nextDate) : '—' }) : undefined}>
      {subscription && (
        <form className="flex flex-col gap-4" onSubmit={(e) => { e.preventDefault(); update.mutate({ id: subscription.id, billingPeriod: chosen, autoRenew: null, paymentMethodId: null }, { onSuccess: close }); }}>
          <div className="flex flex-col gap-1">
            <label htmlFor={`${id}-period`} className="text-xs font-medium text-fg-muted">{t('funding.change.newPeriod')}</label>
            <select id={`${id}-period`} className="input" value={chosen} onChange={(e) => setPeriod(e.target.value as BillingPeriod)} data-testid="change-period-select">
              {PERIODS.map((p) => <option key={p} value={p}>{t(`funding.periods.${p}`)}</option>)}
            </select>
          </div>
          <ErrorText error={update.error} />
          <div className="flex justify-end gap-2">
            <button type="button" className="btn-secondary" onClick={close}>{t('funding.pay.close')}</button>
            <button type="submit" className="btn-primary" disabled={update.isPending || chosen === current} data-testid="change-period-submit">{t('funding.change.submit')}</button>
          </div>
        </form>
      )}
    </PartnerModal>
  );
}

/** Cancelling asks first: it cannot be undone. */
export function CancelSubscriptionDialog({ subscription, onClose }: { subscription: SubscriptionItem | null; onClose: () => void }) {
  const { t } = useTranslation();
  const cancel = useCancelSubscription();
  const close = () => {
    cancel.reset();
    onClose();
  };
  return (
    <PartnerModal open={subscription !== null} onClose={close} title={t('funding.cancelDialog.title')} size="sm" testId="cancel-subscription-dialog"
      description={subscription ? t('funding.cancelDialog.text', { program: subscription.programName }) : undefined}>
      <div className="flex flex-col gap-3">
        <ErrorText error={cancel.error} />
        <div className="flex flex-wrap justify-end gap-2">
          <button type="button" className="btn-secondary" onClick={close}>{t('funding.cancelDialog.keep')}</button>
          <button type="button" className="btn-primary" disabled={cancel.isPending} onClick={() => subscription && cancel.mutate(subscription.id, { onSuccess: close })}
            data-testid="cancel-confirm">{t('funding.cancelDialog.confirm')}</button>
        </div>
      </div>
    </PartnerModal>
  );
}
