import { useMemo } from 'react';
import { PartnerLoadingSkeleton, PartnerPageHeader, humanizeStatus } from '@/components/partner/shared';
import { ChildFilters } from '@/components/partner/children/ChildFilters';
import { ChildCard } from '@/components/partner/children/ChildCard';
import { ChildrenPager } from '@/components/partner/children/ChildrenPager';
import { CohortView } from '@/components/partner/children/CohortView';
import { NoChildrenState } from '@/components/partner/children/NoChildrenState';
import { ViewToggle, type ChildViewMode } from '@/components/partner/children/ViewToggle';
import { CHILD_STATUSES, formatGrade } from '@/components/partner/children/child-format';
import { QueryErrorState } from '@/components/partner/sponsorships/QueryErrorState';
import { cn } from '@/lib/cn';
import { formatNumber } from '@/lib/format';
import { childTabs } from '@/components/partner/sidebar/partner-sections';
import { useChildCohorts, useChildren, type ChildListParams } from '@/services/partner/children';
import { useFilterOptions } from '@/services/partner/filter-options';
import { usePrograms } from '@/services/partner/programs';
import { useSearchDraft } from '@/lib/use-search-draft';
import { urlParam, useUrlState, type UrlParam } from '@/lib/use-url-state';
import { usePartnerStore } from '@/store/partnerStore';
import type { CbcGrade, SponsoredChildStatus } from '@/types/partner';


const PAGE_SIZE = 24;

/** The list's state in the URL: the dashboard's quick links and the sidebar link to it with some of these set. */
export const CHILD_LIST_URL = {
  tab: urlParam.string(),
  program: urlParam.string(),
  status: urlParam.oneOf<SponsoredChildStatus | ''>(['', ...CHILD_STATUSES], ''),
  grade: urlParam.string() as UrlParam<CbcGrade | ''>,
  county: urlParam.string(),
  alerts: urlParam.flag(),
  q: urlParam.search(),
  page: urlParam.page(),
  view: urlParam.oneOf<ChildViewMode>(['individual', 'cohort'], 'individual'),
};

/**
 * `/dashboard/partner/sponsored-children`: a card per sponsored child, filterable (the dashboard's quick
 * links set `?status=` and `?alerts=true`), one by one or grouped by program. The sidebar's `?tab=`
 * keeps this list and opens each child on that tab.
 */
export default function SponsoredChildrenPage() {
  const [url, setUrl] = useUrlState(CHILD_LIST_URL);
  const selectProgram = usePartnerStore((s) => s.selectProgram);

  const { tab, program: programId, status, grade, county, alerts: alertsOnly, page, view: viewMode, q } = url;
  const tabInfo = tab && tab !== 'overview' ? childTabs[tab] : undefined;
  const [search, setSearch] = useSearchDraft(q, (text) => setUrl({ q: text }));
  const debouncedSearch = q;

  const filters: Omit<ChildListParams, 'page' | 'pageSize'> = {
    programId,
    status,
    grade,
    county,
    search: debouncedSearch,
    hasAlert: alertsOnly ? true : undefined,
    sort: 'name',
  };
  const individual = useChildren({ ...filters, page, pageSize: PAGE_SIZE });
  const { sort: _sort, ...cohortFilters } = filters;
  const cohort = useChildCohorts(cohortFilters, viewMode === 'cohort');
  const list = viewMode === 'cohort' ? cohort : individual;
  const programs = usePrograms({ pageSize: 100 });
  const options = useFilterOptions().data;

  const programOptions = useMemo(
    () => [{ value: '', label: 'All programs' }, ...(programs.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))],
    [programs.data],
  );
  const filtered = !!(programId || status || grade || county || alertsOnly || debouncedSearch);
  const total = list.data?.total ?? 0;
  const empty = viewMode === 'cohort' ? cohort.data?.programs.length === 0 : individual.data?.items.length === 0;
  const pageCount = Math.max(1, Math.ceil((individual.data?.total ?? 0) / PAGE_SIZE));

  return (
    <>
      <PartnerPageHeader
        title={tabInfo ? `Sponsored Children · ${tabInfo.label}` : 'Sponsored Children'}
        description={tabInfo ? `${tabInfo.description} Choose a child to open this view.` : 'Every child you sponsor, with consent status and progress.'}
        breadcrumbs={[{ label: 'Dashboard', to: '/dashboard/partner' }, { label: 'Partnerships' }, { label: 'Sponsored Children' }]}
        actions={<ViewToggle value={viewMode} onChange={(view) => setUrl({ view })} />}
      />

      <div className="flex flex-col gap-4">
        <ChildFilters
          search={search}
          onSearchChange={setSearch}
          selects={[
            {
              key: 'program',
              label: 'Program',
              value: programId,
              options: programOptions,
              onChange: (v) => {
                selectProgram(v || null);
                setUrl({ program: v });
              },
            },
            {
              key: 'status',
              label: 'Status',
              value: status,
              options: [{ value: '', label: 'All (not removed)' }, ...CHILD_STATUSES.map((s) => ({ value: s, label: humanizeStatus(s) }))],
              onChange: (v) => setUrl({ status: v as SponsoredChildStatus | '' }),
            },
            {
              key: 'grade',
              label: 'Grade',
              value: grade,
              options: [{ value: '', label: 'All grades' }, ...(options?.grades ?? []).map((g) => ({ value: g, label: formatGrade(g) }))],
              onChange: (v) => setUrl({ grade: v as CbcGrade | '' }),
            },
            {
              key: 'county',
              label: 'County',
              value: county,
              options: [{ value: '', label: 'All counties' }, ...(options?.counties ?? []).map((c) => ({ value: c, label: c }))],
              onChange: (v) => setUrl({ county: v }),
            },
          ]}
          alertsOnly={alertsOnly}
          onAlertsOnlyChange={(alerts) => setUrl({ alerts })}
          onReset={
            filtered || search
              ? () => {
                  setSearch('');
                  selectProgram(null);
                  setUrl({ program: '', status: '', grade: '', county: '', alerts: false, q: '' });
                }
              : undefined
          }
        />

        {list.data && (
          <p className="text-xs text-fg-muted" aria-live="polite" data-testid="children-count">
            {formatNumber(total)} {total === 1 ? 'child' : 'children'}
            {filtered ? ` ${total === 1 ? 'matches' : 'match'} these filters` : ''}
          </p>
        )}

        {list.isError ? (
          <QueryErrorState title="We couldn’t load your sponsored children" error={list.error} onRetry={() => void list.refetch()} retrying={list.isFetching} />
        ) : list.isPending ? (
          <PartnerLoadingSkeleton variant="stats" count={8} label="Loading sponsored children" />
        ) : empty ? (
          <NoChildrenState filtered={filtered} />
        ) : viewMode === 'cohort' ? (
          <CohortView
            cohorts={cohort.data?.programs ?? []}
            filters={cohortFilters}
            tab={tab}
            onShowAll={(id) => {
              selectProgram(id);
              setUrl({ view: 'individual', program: id });
            }}
          />
        ) : (
          <>
            <div className={cn('grid grid-cols-1 gap-3 sm:grid-cols-2 xl:grid-cols-3 2xl:grid-cols-4', individual.isPlaceholderData && 'opacity-60')} data-testid="children-grid">
              {individual.data?.items.map((c) => (
                <ChildCard key={c.id} child={c} tab={tab} />
              ))}
            </div>
            {pageCount > 1 && <ChildrenPager page={page} pageCount={pageCount} onPageChange={(p) => setUrl({ page: p })} />}
          </>
        )}
      </div>
    </>
  );
}
