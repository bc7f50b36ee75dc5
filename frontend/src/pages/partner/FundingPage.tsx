import { useCallback, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Plus, Wallet } from 'lucide-react';
import { BillingHistory } from '@/components/partner/finance/BillingHistory';
import { PastDueBanner } from '@/components/partner/finance/PastDueBanner';
import { PayDialog } from '@/components/partner/finance/PayDialog';
import { PayPalReturn } from '@/components/partner/finance/PayPalReturn';
import { RenewalMethodCard } from '@/components/partner/finance/RenewalMethodCard';
import { SubscriptionCards } from '@/components/partner/finance/SubscriptionCards';
import { CancelSubscriptionDialog, ChangePeriodDialog, CreateSubscriptionDialog } from '@/components/partner/finance/SubscriptionDialogs';
import { PartnerEmptyState, PartnerLoadingSkeleton, PartnerPageHeader } from '@/components/partner/shared';
import { QueryErrorState } from '@/components/partner/sponsorships/QueryErrorState';
import { addTranslations } from '@/i18n/i18n';
import { fundingEn, fundingSw } from '@/i18n/locales/funding';
import { useTranslation } from '@/i18n/use-translation';
import { isApiError } from '@/lib/api';
import { urlParam, useUrlState } from '@/lib/use-url-state';
import { financeKeys, useSubscriptions, useUpdateSubscription } from '@/services/partner/partnerFinanceService';
import type { PaymentGateway, PaymentStatus, SubscriptionItem } from '@/types/partner';

// The page's strings travel in its own chunk (see i18n/locales/funding.ts).
addTranslations('en', fundingEn);
addTranslations('sw', fundingSw);

const PAGE_SIZE = 20;

const HISTORY_URL = {
  status: urlParam.oneOf<PaymentStatus | ''>(['', 'pending', 'completed', 'failed', 'refunded'], ''),
  gateway: urlParam.oneOf<PaymentGateway | ''>(['', 'sandbox', 'mpesa', 'stripe', 'paypal'], ''),
  page: urlParam.page(),
};

/** `/dashboard/partner/funding`: subscriptions per program, paying them, and the billing history (plan Step 10, issue 17). */
export default function FundingPage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [url, setUrl] = useUrlState(HISTORY_URL);
  const subscriptions = useSubscriptions();
  const autoRenew = useUpdateSubscription();
  const [creating, setCreating] = useState(false);
  const [paying, setPaying] = useState<SubscriptionItem | null>(null);
  const [changing, setChanging] = useState<SubscriptionItem | null>(null);
  const [cancelling, setCancelling] = useState<SubscriptionItem | null>(null);
  const [unavailable, setUnavailable] = useState<Set<PaymentGateway>>(() => new Set());
  const onSettled = useCallback(() => void client.invalidateQueries({ queryKey: financeKeys.all }), [client]);
  const list = subscriptions.data ?? [];

  return (
    <>
      <PartnerPageHeader
        title={t('funding.title')}
        description={t('funding.description')}
        breadcrumbs={[{ label: 'Dashboard', to: '/dashboard/partner' }, { label: t('funding.crumbFinance') }, { label: t('funding.title') }]}
        actions={
          <button type="button" className="btn-primary" onClick={() => setCreating(true)} data-testid="new-subscription">
            <Plus className="size-4" aria-hidden="true" />
            {t('funding.newSubscription')}
          </button>
        }
      />
      <div className="flex flex-col gap-8">
        <PastDueBanner subscriptions={list} onPay={setPaying} />
        <section aria-labelledby="subscriptions-title" className="flex min-w-0 flex-col gap-3">
          <h2 id="subscriptions-title" className="text-lg font-semibold">{t('funding.subscriptions')}</h2>
          {autoRenew.error && (
            <p role="alert" className="text-sm text-brand-text">{isApiError(autoRenew.error) ? (autoRenew.error.detail ?? autoRenew.error.title) : autoRenew.error.message}</p>
          )}
          {subscriptions.isError ? (
            <QueryErrorState title={t('funding.subscriptionsError')} error={subscriptions.error} onRetry={() => void subscriptions.refetch()} retrying={subscriptions.isFetching} />
          ) : subscriptions.isPending ? (
            <PartnerLoadingSkeleton variant="lines" count={4} label={t('funding.loadingSubscriptions')} />
          ) : list.length === 0 ? (
            <PartnerEmptyState icon={Wallet} title={t('funding.noSubscriptions')} description={t('funding.noSubscriptionsText')} testId="subscriptions-empty"
              action={<button type="button" className="btn-primary" onClick={() => setCreating(true)}>{t('funding.newSubscription')}</button>} />
          ) : (
            <SubscriptionCards
              subscriptions={list}
              onPay={setPaying}
              onChangePeriod={setChanging}
              onCancel={setCancelling}
              onAutoRenew={(s, on) => autoRenew.mutate({ id: s.id, autoRenew: on, billingPeriod: null, paymentMethodId: null })}
              savingId={autoRenew.isPending ? autoRenew.variables?.id : null}
            />
          )}
        </section>
        <RenewalMethodCard />
        <BillingHistory params={{ status: url.status, gateway: url.gateway, page: url.page, pageSize: PAGE_SIZE }} onChange={setUrl} />
      </div>

      <CreateSubscriptionDialog open={creating} onClose={() => setCreating(false)} existing={list} />
      <ChangePeriodDialog subscription={changing} onClose={() => setChanging(null)} />
      <CancelSubscriptionDialog subscription={cancelling} onClose={() => setCancelling(null)} />
      <PayDialog subscription={paying} onClose={() => setPaying(null)} onSettled={onSettled}
        unavailable={unavailable} onUnavailable={(g) => setUnavailable((prev) => new Set(prev).add(g))} />
      <PayPalReturn onSettled={onSettled} />
    </>
  );
}
