import { useMemo } from 'react';
import { ListFilter } from 'lucide-react';
import { PartnerBadge, PartnerBentoCard, PartnerDataTable, PartnerFilterBar, type DataTableColumn } from '@/components/partner/shared';
import { formatNumber, formatPercent } from '@/lib/format';
import { useSearchDraft } from '@/lib/use-search-draft';
import { urlParam, useUrlState } from '@/lib/use-url-state';
import type { ChildStatusCounts, ProgramStatusCounts } from '@/types/partner';
import { programStatusRows } from './ProgramsByStatusCard';
import { childStatusRows } from './ChildrenByStatusCard';

interface BreakdownRow {
  id: string;
  group: 'Programs' | 'Children';
  status: string;
  label: string;
  count: number;
  share: number;
}

const columns: DataTableColumn<BreakdownRow>[] = [
  { key: 'group', header: 'Group', cell: (r) => <span className="text-fg-muted">{r.group}</span> },
  { key: 'status', header: 'Status', cell: (r) => <PartnerBadge status={r.status}>{r.label}</PartnerBadge> },
  { key: 'count', header: 'Count', align: 'right', cell: (r) => <span className="tabular-nums">{formatNumber(r.count)}</span> },
  { key: 'share', header: 'Share', align: 'right', className: 'hidden min-[400px]:table-cell', cell: (r) => <span className="tabular-nums text-fg-muted">{formatPercent(r.share)}</span> },
];

const BREAKDOWN_URL = {
  statusQ: urlParam.search(),
  statusGroup: urlParam.oneOf(['all', 'programs', 'children'], 'all'),
  statusPage: urlParam.page(),
};

/** Programs and children by status as a filterable, paginated table; its search, group and page live in the URL. */
export function StatusBreakdownCard({ programs, children }: { programs: ProgramStatusCounts; children: ChildStatusCounts }) {
  const [{ statusQ, statusGroup: group, statusPage }, setUrl] = useUrlState(BREAKDOWN_URL);
  const [search, setSearch] = useSearchDraft(statusQ, (text) => setUrl({ statusQ: text }), 150);

  const rows = useMemo<BreakdownRow[]>(
    () => [
      ...programStatusRows(programs).map((r) => ({ ...r, id: `p-${r.status}`, group: 'Programs' as const, share: programs.total ? r.count / programs.total : 0 })),
      ...childStatusRows(children).map((r) => ({ ...r, id: `c-${r.status}`, group: 'Children' as const, share: children.total ? r.count / children.total : 0 })),
    ],
    [programs, children],
  );

  const q = search.trim().toLowerCase();
  const visible = rows.filter(
    (r) => (group === 'all' || r.group.toLowerCase() === group) && (!q || r.label.toLowerCase().includes(q) || r.status.toLowerCase().includes(q)),
  );

  return (
    <PartnerBentoCard title="Status breakdown" description="Programs and children in every status" icon={ListFilter} colSpan={2} testId="card-status-breakdown">
      <div className="flex flex-col gap-3">
        <PartnerFilterBar
          search={search}
          onSearchChange={setSearch}
          searchLabel="Search statuses"
          searchPlaceholder="Search statuses…"
          filters={[
            {
              key: 'group',
              label: 'Show',
              value: group,
              onChange: (value) => setUrl({ statusGroup: value as typeof group }),
              options: [
                { value: 'all', label: 'All' },
                { value: 'programs', label: 'Programs' },
                { value: 'children', label: 'Children' },
              ],
            },
          ]}
          onReset={() => {
            setSearch('');
            setUrl({ statusQ: '', statusGroup: 'all' });
          }}
        />
        <PartnerDataTable
          caption="Programs and children by status"
          columns={columns}
          rows={visible}
          getRowKey={(r) => r.id}
          pageSize={6}
          page={statusPage}
          onPageChange={(p) => setUrl({ statusPage: p })}
          empty="No status matches your search."
          testId="status-breakdown-table"
        />
      </div>
    </PartnerBentoCard>
  );
}
