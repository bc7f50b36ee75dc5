import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { formatNumber } from '@/lib/format';
import type { SponsoredChildResponse } from '@/types/partner';
import { ChildCard } from './ChildCard';

const PREVIEW = 6;

interface Cohort {
  programId: string;
  programName: string;
  children: SponsoredChildResponse[];
  consented: number;
  averageMinutes: number | null;
  alerts: number;
}

export function groupByProgram(children: SponsoredChildResponse[]): Cohort[] {
  const groups = new Map<string, Cohort>();
  for (const c of children) {
    let g = groups.get(c.programId);
    if (!g) {
      g = { programId: c.programId, programName: c.programName, children: [], consented: 0, averageMinutes: null, alerts: 0 };
      groups.set(c.programId, g);
    }
    g.children.push(c);
  }
  for (const g of groups.values()) {
    const seen = g.children.filter((c) => c.progress !== null);
    g.consented = g.children.filter((c) => c.consentStatus === 'given').length;
    g.alerts = seen.filter((c) => c.progress!.hasAlert).length;
    g.averageMinutes = seen.length ? seen.reduce((sum, c) => sum + c.progress!.minutesThisWeek, 0) / seen.length : null;
  }
  return [...groups.values()].sort((a, b) => a.programName.localeCompare(b.programName));
}

/** The children grouped by program, each group with its summary: children, consented, average minutes, alerts. */
export function CohortView({ children, tab }: { children: SponsoredChildResponse[]; tab?: string | null }) {
  const cohorts = useMemo(() => groupByProgram(children), [children]);
  const [expanded, setExpanded] = useState<Set<string>>(new Set());

  return (
    <div className="flex flex-col gap-6" data-testid="cohort-view">
      {cohorts.map((g) => {
        const open = expanded.has(g.programId);
        const shown = open ? g.children : g.children.slice(0, PREVIEW);
        return (
          <section key={g.programId} aria-labelledby={`cohort-${g.programId}`} data-testid="cohort-group" className="flex flex-col gap-3">
            <div className="flex flex-col gap-2 sm:flex-row sm:items-end sm:justify-between">
              <h2 id={`cohort-${g.programId}`} className="text-base font-semibold text-fg">
                <Link to={`/dashboard/partner/sponsorships/${g.programId}`} className="hover:text-brand-text hover:underline">
                  {g.programName}
                </Link>
              </h2>
              <dl className="grid grid-cols-4 gap-2 text-center sm:flex sm:gap-4 sm:text-left" data-testid="cohort-summary">
                <Summary label="Children" value={formatNumber(g.children.length)} />
                <Summary label="Consented" value={formatNumber(g.consented)} />
                <Summary label="Avg min / week" value={g.averageMinutes === null ? '—' : formatNumber(g.averageMinutes)} />
                <Summary label="Alerts" value={formatNumber(g.alerts)} attention={g.alerts > 0} />
              </dl>
            </div>
            <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 xl:grid-cols-3 2xl:grid-cols-4">
              {shown.map((c) => (
                <ChildCard key={c.id} child={c} tab={tab} hideProgram />
              ))}
            </div>
            {g.children.length > PREVIEW && (
              <button
                type="button"
                className="btn-ghost self-start px-2 py-1 text-xs"
                aria-expanded={open}
                onClick={() =>
                  setExpanded((prev) => {
                    const next = new Set(prev);
                    if (open) next.delete(g.programId);
                    else next.add(g.programId);
                    return next;
                  })
                }
              >
                {open ? 'Show fewer' : `Show all ${g.children.length} children`}
              </button>
            )}
          </section>
        );
      })}
    </div>
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
