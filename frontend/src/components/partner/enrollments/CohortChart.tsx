import { useMemo } from 'react';
import { formatShortDate } from '@/components/partner/children/child-format';
import { PartnerChart } from '@/components/partner/shared';
import type { CohortSeries } from '@/services/partner/enrollments';

const SERIES = [
  { key: 'active', label: 'With consent', color: '#22c55e' },
  { key: 'pendingConsent', label: 'Without consent yet', color: '#f59e0b' },
  { key: 'removed', label: 'Removed', color: '#64748b' },
];

/** Children by status at the end of each week, stacked, summed over the given programs. */
export function CohortChart({ programs }: { programs: CohortSeries[] }) {
  const data = useMemo(() => {
    const byWeek = new Map<string, { week: string; active: number; pendingConsent: number; removed: number }>();
    for (const p of programs)
      for (const w of p.weeks) {
        const row = byWeek.get(w.weekStart) ?? { week: w.weekStart, active: 0, pendingConsent: 0, removed: 0 };
        row.active += w.active;
        row.pendingConsent += w.pendingConsent;
        row.removed += w.removed;
        byWeek.set(w.weekStart, row);
      }
    return [...byWeek.values()].sort((a, b) => a.week.localeCompare(b.week)).map((r) => ({ ...r, label: formatShortDate(r.week) }));
  }, [programs]);

  return (
    <PartnerChart
      type="area"
      stacked
      data={data}
      xKey="label"
      axes={{ category: 'Week ending', value: 'Children (count)' }}
      series={SERIES}
      ariaLabel={`Children by status at the end of each week, ${data.length} weeks`}
      height={280}
      showLegend
      testId="cohort-chart"
    />
  );
}
