import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { PartnerLoadingSkeleton, PartnerPageHeader, humanizeStatus } from '@/components/partner/shared';
import { ChildFilters } from '@/components/partner/children/ChildFilters';
import { ChildCard } from '@/components/partner/children/ChildCard';
import { ChildrenPager } from '@/components/partner/children/ChildrenPager';
import { CohortView } from '@/components/partner/children/CohortView';
import { NoChildrenState } from '@/components/partner/children/NoChildrenState';
import { ViewToggle } from '@/components/partner/children/ViewToggle';
import { CHILD_STATUSES, formatGrade } from '@/components/partner/children/child-format';
import { QueryErrorState } from '@/components/partner/sponsorships/QueryErrorState';
import { useDebouncedValue } from '@/components/partner/sponsorships/use-debounced-value';
import { cn } from '@/lib/cn';
import { formatNumber } from '@/lib/format';
import { childTabs } from '@/components/partner/sidebar/partner-sections';
import { useChildCohorts, useChildren, type ChildListParams } from '@/services/partner/children';
import { useFilterOptions } from '@/services/partner/filter-options';
import { usePrograms } from '@/services/partner/programs';
import { usePartnerStore } from '@/store/partnerStore';
import type { CbcGrade, SponsoredChildStatus } from '@/types/partner';

const PAGE_SIZE = 24;

/**
 * `/dashboard/partner/sponsored-children`: a card per sponsored child, filterable (the dashboard's quick
 * links set `?status=` and `?alerts=true`), one by one or grouped by program. The sidebar's `?tab=`
 * keeps this list and opens each child on that tab.
 */
export default function SponsoredChildrenPage() {
  const [params, setParams] = useSearchParams();
  const viewMode = usePartnerStore((s) => s.childViewMode);
  const setViewMode = usePartnerStore((s) => s.setChildViewMode);
  const selectProgram = usePartnerStore((s) => s.selectProgram);

  const tab = params.get('tab');
  const tabInfo = tab && tab !== 'overview' ? childTabs[tab] : undefined;
  const programId = params.get('program') ?? '';
  const status = (params.get('status') ?? '') as SponsoredChildStatus | '';
  const grade = (params.get('grade') ?? '') as CbcGrade | '';
  const county = params.get('county') ?? '';
  const alertsOnly = params.get('alerts') === 'true';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const [search, setSearch] = useState(params.get('q') ?? '');
  const debouncedSearch = useDebouncedValue(search.trim());

  const update = (changes: Record<string, string | null>) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(changes)) {
          if (v === null || v === '') next.delete(k);
          else next.set(k, v);
        }
        if (!('page' in changes)) next.delete('page');
        return next;
      },
      { replace: true },
    );

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
        actions={<ViewToggle value={viewMode} onChange={setViewMode} />}
      />

      <div className="flex flex-col gap-4">
        <ChildFilters
          search={search}
          onSearchChange={(v) => {
            setSearch(v);
            update({ q: v.trim() });
          }}
          selects={[
            {
              key: 'program',
              label: 'Program',
              value: programId,
              options: programOptions,
              onChange: (v) => {
                selectProgram(v || null);
                update({ program: v });
              },
            },
            {
              key: 'status',
              label: 'Status',
              value: status,
              options: [{ value: '', label: 'All (not removed)' }, ...CHILD_STATUSES.map((s) => ({ value: s, label: humanizeStatus(s) }))],
              onChange: (v) => update({ status: v }),
            },
            {
              key: 'grade',
              label: 'Grade',
              value: grade,
              options: [{ value: '', label: 'All grades' }, ...(options?.grades ?? []).map((g) => ({ value: g, label: formatGrade(g) }))],
              onChange: (v) => update({ grade: v }),
            },
            {
              key: 'county',
              label: 'County',
              value: county,
              options: [{ value: '', label: 'All counties' }, ...(options?.counties ?? []).map((c) => ({ value: c, label: c }))],
              onChange: (v) => update({ county: v }),
            },
          ]}
          alertsOnly={alertsOnly}
          onAlertsOnlyChange={(on) => update({ alerts: on ? 'true' : null })}
          onReset={
            filtered || search
              ? () => {
                  setSearch('');
                  selectProgram(null);
                  setParams(tab ? { tab } : {}, { replace: true });
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
              setViewMode('individual');
              update({ program: id });
            }}
          />
        ) : (
          <>
            <div className={cn('grid grid-cols-1 gap-3 sm:grid-cols-2 xl:grid-cols-3 2xl:grid-cols-4', individual.isPlaceholderData && 'opacity-60')} data-testid="children-grid">
              {individual.data?.items.map((c) => (
                <ChildCard key={c.id} child={c} tab={tab} />
              ))}
            </div>
            {pageCount > 1 && <ChildrenPager page={page} pageCount={pageCount} onPageChange={(p) => update({ page: String(p) })} />}
          </>
        )}
      </div>
    </>
  );
}
