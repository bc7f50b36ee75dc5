import { useCallback, useMemo } from 'react';
import { PartnerLoadingSkeleton, PartnerPageHeader, humanizeStatus } from '@/components/partner/shared';
import { ChildFilters } from '@/components/partner/children/ChildFilters';
import { CohortView } from '@/components/partner/children/CohortView';
import { VirtualChildGrid } from '@/components/partner/children/VirtualChildGrid';
import { NoChildrenState } from '@/components/partner/children/NoChildrenState';
import { ViewToggle, type ChildViewMode } from '@/components/partner/children/ViewToggle';
import { CHILD_STATUSES, formatGrade } from '@/components/partner/children/child-format';
import { QueryErrorState } from '@/components/partner/sponsorships/QueryErrorState';
import { formatNumber } from '@/lib/format';
import { childTabs } from '@/components/partner/sidebar/partner-sections';
import { useChildCohorts, useChildFeed, type ChildFeedParams } from '@/services/partner/children';
import { useFilterOptions } from '@/services/partner/filter-options';
import { usePrograms } from '@/services/partner/programs';
import { useSearchDraft } from '@/lib/use-search-draft';
import { urlParam, useUrlState, type UrlParam } from '@/lib/use-url-state';
import { usePartnerStore } from '@/store/partnerStore';
import type { CbcGrade, SponsoredChildStatus } from '@/types/partner';

// Children per request as the list scrolls: a screenful or two of cards, and few enough requests for 10,000.
const PAGE_SIZE = 60;

/** The list's state in the URL: the dashboard's quick links and the sidebar link to it with some of these set. */
export const CHILD_LIST_URL = {
  tab: urlParam.string(),
  program: urlParam.string(),
  status: urlParam.oneOf<SponsoredChildStatus | ''>(['', ...CHILD_STATUSES], ''),
  grade: urlParam.string() as UrlParam<CbcGrade | ''>,
  county: urlParam.string(),
  alerts: urlParam.flag(),
  q: urlParam.search(),
  view: urlParam.oneOf<ChildViewMode>(['individual', 'cohort'], 'individual'),
};

/**
 * `/dashboard/partner/sponsored-children`: a card per sponsored child, filterable (the dashboard's quick
 * links set `?status=` and `?alerts=true`), one by one or grouped by program. The sidebar's `?tab=`
 * keeps this list and opens each child on that tab. The list scrolls through every child (virtualised, a page at a
 * time from the server), so it has no pages of its own.
 */
export default function SponsoredChildrenPage() {
  const [url, setUrl] = useUrlState(CHILD_LIST_URL);
  const selectProgram = usePartnerStore((s) => s.selectProgram);

  const { tab, program: programId, status, grade, county, alerts: alertsOnly, view: viewMode, q } = url;
  const tabInfo = tab && tab !== 'overview' ? childTabs[tab] : undefined;
  const [search, setSearch] = useSearchDraft(q, (text) => setUrl({ q: text }));
  const debouncedSearch = q;

  const filters: ChildFeedParams = {
    programId,
    status,
    grade,
    county,
    search: debouncedSearch,
    hasAlert: alertsOnly ? true : undefined,
    sort: 'name',
  };
  const individual = useChildFeed(filters, PAGE_SIZE, viewMode === 'individual');
  const loaded = useMemo(() => individual.data?.pages.flatMap((p) => p.items) ?? [], [individual.data]);
  const { fetchNextPage } = individual;
  const loadMore = useCallback(() => void fetchNextPage(), [fetchNextPage]);
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
  const total = (viewMode === 'cohort' ? cohort.data?.total : individual.data?.pages[0]?.total) ?? 0;
  const empty = viewMode === 'cohort' ? cohort.data?.programs.length === 0 : individual.data?.pages[0]?.items.length === 0;
  // A failed later page keeps the children already shown and offers a retry below them.
  const firstPageFailed = viewMode === 'cohort' ? cohort.isError : individual.isError && !individual.data;

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

        {firstPageFailed ? (
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
          <VirtualChildGrid
            items={loaded}
            total={total}
            tab={tab}
            hasMore={individual.hasNextPage}
            loadingMore={individual.isFetchingNextPage}
            loadMoreFailed={individual.isFetchNextPageError}
            onLoadMore={loadMore}
            stale={individual.isPlaceholderData}
          />
        )}
      </div>
    </>
  );
}
