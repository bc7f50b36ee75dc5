import type { ReactNode } from 'react';
import { CalendarClock, CreditCard, Repeat, XCircle } from 'lucide-react';
import { PartnerBadge } from '@/components/partner/shared';
import { useTranslation } from '@/i18n/use-translation';
import { formatDate, formatDateRange } from '@/lib/format';
import type { SubscriptionItem } from '@/types/partner';
import { formatKes } from './money';

export interface SubscriptionCardsProps {
  subscriptions: SubscriptionItem[];
  onPay: (s: SubscriptionItem) => void;
  onChangePeriod: (s: SubscriptionItem) => void;
  onCancel: (s: SubscriptionItem) => void;
  onAutoRenew: (s: SubscriptionItem, autoRenew: boolean) => void;
  /** The subscription whose auto-renew is being saved. */
  savingId?: string | null;
}

/** One card per subscription: what it bills, for which period, and what can be done with it. */
export function SubscriptionCards({ subscriptions, onPay, onChangePeriod, onCancel, onAutoRenew, savingId }: SubscriptionCardsProps) {
  const { t } = useTranslation();
  return (
    <ul className="grid gap-3 lg:grid-cols-2" data-testid="subscription-list">
      {subscriptions.map((s) => {
        const running = s.status === 'ACTIVE' || s.status === 'PAST_DUE';
        const titleId = `subscription-${s.id}`;
        return (
          <li key={s.id} className="card flex min-w-0 flex-col gap-3 p-4" data-testid="subscription-card" aria-labelledby={titleId}>
            <div className="flex items-start gap-2">
              <h3 id={titleId} className="min-w-0 flex-1 truncate text-base font-semibold" title={s.programName}>{s.programName}</h3>
              <PartnerBadge status={s.status} testId="subscription-status">{t(`funding.statuses.${s.status}`)}</PartnerBadge>
            </div>
            <dl className="grid grid-cols-2 gap-x-4 gap-y-2 text-sm">
              <Field label={t('funding.billingPeriod')}>
                {t(`funding.periods.${s.billingPeriod}`)}
                {s.pendingBillingPeriod && s.nextBillingDate && (
                  <span className="block text-xs text-amber-300" data-testid="pending-period">
                    {t('funding.pendingPeriod', { period: t(`funding.periods.${s.pendingBillingPeriod}`), date: formatDate(s.nextBillingDate) })}
                  </span>
                )}
              </Field>
              <Field label={t('funding.currentPeriod')}>{formatDateRange(s.currentPeriodStart, s.currentPeriodEnd)}</Field>
              <Field label={t('funding.nextBilling')}>{s.nextBillingDate ? formatDate(s.nextBillingDate) : '—'}</Field>
              <Field label={t('funding.childrenBilled')}>{s.totalChildren}</Field>
              <Field label={t('funding.perChild')}>
                {formatKes(s.amountPerChild, s.currency)}
                {s.customPricing && <span className="block text-xs text-fg-muted">{t('funding.customPrice')}</span>}
              </Field>
              <Field label={t('funding.total')}><span className="font-semibold" data-testid="subscription-total">{formatKes(s.totalAmount, s.currency)}</span></Field>
            </dl>
            {running && (
              <div className="flex flex-wrap items-center gap-2 border-t border-line pt-3" role="group" aria-label={t('funding.actions', { program: s.programName })}>
                <button type="button" className="btn-primary" onClick={() => onPay(s)} data-testid="pay-now">
                  <CreditCard className="size-4" aria-hidden="true" />
                  {t('funding.payNow')}
                </button>
                <button type="button" className="btn-secondary" onClick={() => onChangePeriod(s)} data-testid="change-period">
                  <CalendarClock className="size-4" aria-hidden="true" />
                  {t('funding.changePeriod')}
                </button>
                <label className="inline-flex cursor-pointer items-center gap-2 px-1 text-sm">
                  <input
                    type="checkbox"
                    role="switch"
                    className="size-4 accent-[#E40000]"
                    checked={s.autoRenew}
                    disabled={savingId === s.id}
                    onChange={(e) => onAutoRenew(s, e.target.checked)}
                    aria-label={t('funding.autoRenewOf', { program: s.programName })}
                    data-testid="auto-renew"
                  />
                  <Repeat className="size-4 text-fg-muted" aria-hidden="true" />
                  {t('funding.autoRenew')}
                </label>
                <button type="button" className="btn-ghost ml-auto text-brand-text" onClick={() => onCancel(s)} data-testid="cancel-subscription">
                  <XCircle className="size-4" aria-hidden="true" />
                  {t('funding.cancel')}
                </button>
              </div>
            )}
          </li>
        );
      })}
    </ul>
  );
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs text-fg-subtle">{label}</dt>
      <dd className="text-fg">{children}</dd>
    </div>
  );
}
