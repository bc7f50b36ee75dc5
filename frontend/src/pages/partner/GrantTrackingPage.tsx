import { useState } from 'react';
import { Link, useLocation } from 'react-router';
import { HandCoins, Plus } from 'lucide-react';
import { GRANT_STATUSES, GRANT_TONES } from '@/components/partner/finance/grant-labels';
import { GrantDetailPanel } from '@/components/partner/finance/GrantDetailPanel';
import { NewGrantForm } from '@/components/partner/finance/NewGrantForm';
import { ListPager, PartnerBadge, PartnerEmptyState, PartnerFilterBar, PartnerLoadingSkeleton, PartnerModal, PartnerPageHeader } from '@/components/partner/shared';
import { QueryErrorState } from '@/components/partner/sponsorships/QueryErrorState';
import { useTranslation } from '@/i18n/use-translation';
import { cn } from '@/lib/cn';
import { formatCurrency, formatDate } from '@/lib/format';
import { useSearchDraft } from '@/lib/use-search-draft';
import { urlParam, useUrlState } from '@/lib/use-url-state';
import { useGrants } from '@/services/partner/finance-planning';
import type { GrantDetail, GrantStatus } from '@/types/partner';
import { registerFinanceStrings } from '@/i18n/locales/finance';

// The pages' strings travel in their own chunks (see i18n/locales/finance.ts).
registerFinanceStrings();

const PAGE_SIZE = 20;

const LIST_URL = {
  status: urlParam.oneOf<GrantStatus | ''>(['', ...GRANT_STATUSES], ''),
  funder: urlParam.search(),
  page: urlParam.page(),
  grant: urlParam.string(),
};

/** `/dashboard/partner/grants`: the partner's grants with filters, one grant's allocations and deadline timeline, and report uploads. */
export default function GrantTrackingPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const [url, setUrl] = useUrlState(LIST_URL);
  const [creating, setCreating] = useState(false);
  const [funderDraft, setFunderDraft] = useSearchDraft(url.funder, (funder) => setUrl({ funder, page: 1 }));
  const list = useGrants({ status: url.status, funder: url.funder, page: url.page, pageSize: PAGE_SIZE });
  const filtered = url.status !== '' || url.funder !== '';
  const total = list.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const hrefOf = (id: string) => {
    const params = new URLSearchParams(location.search);
    params.set('grant', id);
    return `?${params.toString()}`;
  };
  const created = (grant: GrantDetail) => {
    setCreating(false);
    setUrl({ grant: grant.id });
  };

  return (
    <>
      <PartnerPageHeader
        title={t('finance.grants.title')}
        description={t('finance.grants.description')}
        breadcrumbs={[{ label: 'Dashboard', to: '/dashboard/partner' }, { label: t('finance.budget.breadcrumb') }, { label: t('finance.grants.title') }]}
        actions={
          <button type="button" className="btn-primary" onClick={() => setCreating(true)} data-testid="new-grant">
            <Plus className="size-4" aria-hidden="true" />
            {t('finance.grants.newGrant')}
          </button>
        }
      />
      <PartnerModal open={creating} onClose={() => setCreating(false)} title={t('finance.grants.newGrant')} size="lg" testId="new-grant-modal">
        <NewGrantForm onCreated={created} onCancel={() => setCreating(false)} />
      </PartnerModal>

      <div className="flex flex-col gap-4">
        <PartnerFilterBar
          search={funderDraft}
          onSearchChange={setFunderDraft}
          searchLabel={t('finance.grants.funderSearch')}
          searchPlaceholder={t('finance.grants.funderPlaceholder')}
          filters={[{
            key: 'status', label: t('finance.grants.status'), value: url.status,
            options: [{ value: '', label: t('finance.grants.allStatuses') }, ...GRANT_STATUSES.map((s) => ({ value: s, label: t(`finance.grants.statuses.${s}`) }))],
            onChange: (v) => setUrl({ status: v as GrantStatus | '', page: 1 }),
          }]}
          onReset={filtered ? () => setUrl({ status: '', funder: '', page: 1 }) : undefined}
        />
        <div className="grid gap-4 lg:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
          <section aria-label={t('finance.grants.title')} className="flex min-w-0 flex-col gap-3">
            {list.isError ? (
              <QueryErrorState title={t('finance.grants.loadError')} error={list.error} onRetry={() => void list.refetch()} retrying={list.isFetching} />
            ) : list.isPending ? (
              <PartnerLoadingSkeleton variant="lines" count={5} label={t('finance.grants.loading')} />
            ) : total === 0 ? (
              <PartnerEmptyState
                icon={HandCoins}
                title={filtered ? t('finance.grants.noMatchTitle') : t('finance.grants.emptyTitle')}
                description={filtered ? t('finance.grants.noMatchText') : t('finance.grants.emptyText')}
                action={!filtered && <button type="button" className="btn-primary" onClick={() => setCreating(true)}>{t('finance.grants.newGrant')}</button>}
                testId="grants-empty"
              />
            ) : (
              <>
                <ul className="flex flex-col gap-2" data-testid="grant-list">
                  {list.data.items.map((g) => (
                    <li key={g.id}>
                      <Link
                        to={hrefOf(g.id)}
                        aria-current={url.grant === g.id ? 'true' : undefined}
                        className={cn('card flex flex-col gap-1 p-3 hover:border-line-strong', url.grant === g.id && 'border-brand')}
                      >
                        <span className="flex flex-wrap items-center justify-between gap-2">
                          <span className="truncate font-medium text-fg">{g.funder}</span>
                          <PartnerBadge tone={GRANT_TONES[g.status]}>{t(`finance.grants.statuses.${g.status}`)}</PartnerBadge>
                        </span>
                        <span className="text-sm text-fg-muted">{g.reference} · {formatCurrency(g.amount, g.currency)}</span>
                        <span className="text-xs text-fg-muted">
                          {g.nextDeadline ? t('finance.grants.nextDeadline', { date: formatDate(g.nextDeadline) }) : t('finance.grants.noOpenDeadline')}
                        </span>
                      </Link>
                    </li>
                  ))}
                </ul>
                <ListPager page={url.page} pages={pages} total={total} noun="grants" onPage={(p) => setUrl({ page: p })} />
              </>
            )}
          </section>
          <section aria-label={t('finance.grants.chooseTitle')} className="min-w-0">
            {url.grant ? (
              <GrantDetailPanel id={url.grant} />
            ) : (
              <PartnerEmptyState compact icon={HandCoins} title={t('finance.grants.chooseTitle')} description={t('finance.grants.chooseText')} className="card" />
            )}
          </section>
        </div>
      </div>
    </>
  );
}
