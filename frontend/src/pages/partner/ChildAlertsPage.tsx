import { useEffect, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { BellRing } from 'lucide-react';
import { ListPager, PartnerEmptyState, PartnerFilterBar, PartnerLoadingSkeleton, PartnerPageHeader } from '@/components/partner/shared';
import { AlertList } from '@/components/partner/alerts/AlertList';
import { DismissAlertDialog } from '@/components/partner/alerts/DismissAlertDialog';
import { ALERT_KINDS, ALERT_STATES } from '@/components/partner/alerts/alert-labels';
import { QueryErrorState } from '@/components/partner/sponsorships/QueryErrorState';
import { useSearchDraft } from '@/lib/use-search-draft';
import { urlParam, useUrlState } from '@/lib/use-url-state';
import { alertKeys, useAlerts, useMarkAlertSeen } from '@/services/partner/alerts';
import { usePrograms } from '@/services/partner/programs';
import { usePartnerPermissions } from '@/services/partner/team';
import { usePartnerStore } from '@/store/partnerStore';
import type { ChildAlert, ChildAlertKind, ChildAlertState } from '@/types/partner';

const PAGE_SIZE = 20;

const LIST_URL = {
  state: urlParam.oneOf<ChildAlertState | ''>(['', ...ALERT_STATES.map((s) => s.value)], ''),
  kind: urlParam.oneOf<ChildAlertKind | ''>(['', ...ALERT_KINDS.map((k) => k.value)], ''),
  program: urlParam.string(),
  child: urlParam.string(),
  q: urlParam.search(),
  page: urlParam.page(),
};

/**
 * `/dashboard/partner/alerts`: the alerts the partner's thresholds raised for monitored children, newest first, filtered
 * in the URL. Who runs programs marks them seen or dismisses them with a note; other members read them.
 */
export default function ChildAlertsPage() {
  const [url, setUrl] = useUrlState(LIST_URL);
  const [search, setSearch] = useSearchDraft(url.q, (q) => setUrl({ q }));
  const { changePrograms } = usePartnerPermissions();
  const programs = usePrograms({ pageSize: 100 });
  const list = useAlerts({ state: url.state, kind: url.kind, programId: url.program, childId: url.child, search: url.q, page: url.page, pageSize: PAGE_SIZE });
  const seen = useMarkAlertSeen();
  const [dismissing, setDismissing] = useState<ChildAlert | null>(null);
  useLiveRefresh();

  const filtered = url.state !== '' || url.kind !== '' || url.program !== '' || url.child !== '' || url.q !== '';
  const total = list.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));

  return (
    <>
      <PartnerPageHeader
        title="Child alerts"
        description="Raised when a child crosses a threshold you set for the program or the child; cleared when the child is back on track."
        breadcrumbs={[{ label: 'Dashboard', to: '/dashboard/partner' }, { label: 'Partnerships' }, { label: 'Child alerts' }]}
      />

      <div className="flex flex-col gap-4">
        <PartnerFilterBar
          search={search}
          onSearchChange={setSearch}
          searchLabel="Search alerts by child"
          searchPlaceholder="Search by child’s name…"
          filters={[
            { key: 'state', label: 'State', value: url.state, options: [{ value: '', label: 'All states' }, ...ALERT_STATES], onChange: (v) => setUrl({ state: v as ChildAlertState | '' }) },
            { key: 'kind', label: 'Kind', value: url.kind, options: [{ value: '', label: 'All kinds' }, ...ALERT_KINDS], onChange: (v) => setUrl({ kind: v as ChildAlertKind | '' }) },
            {
              key: 'program',
              label: 'Program',
              value: url.program,
              options: [{ value: '', label: 'All programs' }, ...(programs.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))],
              onChange: (v) => setUrl({ program: v }),
            },
          ]}
          onReset={
            filtered
              ? () => {
                  setSearch('');
                  setUrl({ state: '', kind: '', program: '', child: '', q: '' });
                }
              : undefined
          }
        />

        {url.child !== '' && (
          <p className="flex flex-wrap items-center gap-2 text-sm text-fg-muted" data-testid="alerts-one-child">
            {list.data?.items[0] ? `Alerts of ${list.data.items[0].childName} only.` : 'Alerts of one child only.'}
            <button type="button" className="text-brand-text hover:underline" onClick={() => setUrl({ child: '' })}>
              Show every child
            </button>
          </p>
        )}

        {!changePrograms && (
          <p className="text-xs text-fg-subtle" data-testid="alerts-read-only">
            Your role reads alerts; a team member who runs programs marks them seen or dismisses them.
          </p>
        )}

        {list.isError ? (
          <QueryErrorState title="We couldn’t load the alerts" error={list.error} onRetry={() => void list.refetch()} retrying={list.isFetching} />
        ) : list.isPending ? (
          <PartnerLoadingSkeleton variant="lines" count={5} label="Loading the alerts" />
        ) : total === 0 ? (
          <PartnerEmptyState
            icon={BellRing}
            title={filtered ? 'No alerts match' : 'No alerts'}
            description={
              filtered
                ? 'Nothing here for these filters. Clear them to see every alert.'
                : 'No child with consent has crossed a threshold. Set the thresholds on a program’s page or a child’s Alerts tab.'
            }
            testId="alerts-empty"
          />
        ) : (
          <>
            <AlertList
              alerts={list.data.items}
              canChange={changePrograms}
              markingId={seen.isPending ? seen.variables : undefined}
              onSeen={(a) => seen.mutate(a.id)}
              onDismiss={setDismissing}
            />
            <ListPager page={url.page} pages={pages} total={total} noun="alerts" onPage={(p) => setUrl({ page: p })} />
          </>
        )}
      </div>

      <DismissAlertDialog alert={dismissing} onClose={() => setDismissing(null)} />
    </>
  );
}

/**
 * The watcher raises and resolves alerts on the server and pushes the new-alert count to the sidebar's badge: when that
 * count moves, the list is read again, so the page never disagrees with its badge.
 */
function useLiveRefresh() {
  const queryClient = useQueryClient();
  const count = usePartnerStore((s) => s.counters.childAlerts);
  const last = useRef(count);
  useEffect(() => {
    if (count === last.current) return;
    last.current = count;
    void queryClient.invalidateQueries({ queryKey: alertKeys.lists() });
  }, [count, queryClient]);
}
