import { Link } from 'react-router';
import { formatNumber } from '@/lib/format';
import { useChildren, type ChildCohortParams } from '@/services/partner/children';
import type { ChildCohortSummary } from '@/types/partner';
import { ChildCard } from './ChildCard';
import { TruncatedText } from '@/components/partner/shared/TruncatedText';

const PREVIEW = 6;

/**
 * The children grouped by program. Each group's figures (children, consented, average minutes this week, alerts)
 * come from the server over every matching child; the group previews its first children and links to the rest.
 */
export function CohortView({
  cohorts,
  filters,
  tab,
  onShowAll,
}: {
  cohorts: ChildCohortSummary[];
  filters: ChildCohortParams;
  tab?: string | null;
  onShowAll: (programId: string) => void;
}) {
  return (
    <div className="flex flex-col gap-6" data-testid="cohort-view">
      {cohorts.map((g) => (
        <CohortGroup key={g.programId} group={g} filters={filters} tab={tab} onShowAll={onShowAll} />
      ))}
    </div>
  );
}

function CohortGroup({
  group: g,
  filters,
  tab,
  onShowAll,
}: {
  group: ChildCohortSummary;
  filters: ChildCohortParams;
  tab?: string | null;
  onShowAll: (programId: string) => void;
}) {
  const preview = useChildren({ ...filters, programId: g.programId, sort: 'name', page: 1, pageSize: PREVIEW });
  return (
    <section aria-labelledby={`cohort-${g.programId}`} data-testid="cohort-group" className="flex flex-col gap-3">
      <div className="flex flex-col gap-2 sm:flex-row sm:items-end sm:justify-between">
        <h2 id={`cohort-${g.programId}`} className="min-w-0 text-base font-semibold text-fg">
          <Link to={`/dashboard/partner/sponsorships/${g.programId}`} className="hover:text-brand-text hover:underline">
            <TruncatedText text={g.programName} lines={2} />
          </Link>
        </h2>
        <dl className="grid grid-cols-4 gap-2 text-center sm:flex sm:gap-4 sm:text-left" data-testid="cohort-summary">
          <Summary label="Children" value={formatNumber(g.children)} />
          <Summary label="Consented" value={formatNumber(g.consented)} />
          <Summary label="Avg min / week" value={g.averageMinutesThisWeek == null ? '—' : formatNumber(g.averageMinutesThisWeek)} />
          <Summary label="Alerts" value={formatNumber(g.alerts)} attention={g.alerts > 0} />
        </dl>
      </div>
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 xl:grid-cols-3 2xl:grid-cols-4">
        {(preview.data?.items ?? []).map((c) => (
          <ChildCard key={c.id} child={c} tab={tab} hideProgram />
        ))}
      </div>
      {g.children > PREVIEW && (
        <button type="button" className="btn-ghost self-start px-2 py-1 text-xs" onClick={() => onShowAll(g.programId)}>
          {`Show all ${formatNumber(g.children)} children`}
        </button>
      )}
    </section>
  );
}

function Summary({ label, value, attention }: { label: string; value: string; attention?: boolean }) {
  return (
    <div className="rounded-lg bg-elevated/60 px-2 py-1.5 sm:bg-transparent sm:p-0">
      <dt className="text-[11px] text-fg-subtle">{label}</dt>
      <dd className={attention ? 'text-sm font-semibold tabular-nums text-brand-text' : 'text-sm font-semibold tabular-nums text-fg'}>{value}</dd>
    </div>
  );
}
