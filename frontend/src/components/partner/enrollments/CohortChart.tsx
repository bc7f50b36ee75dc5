import { useMemo } from 'react';
import { Area, AreaChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatShortDate } from '@/components/partner/children/child-format';
import type { CohortSeries } from '@/services/partner/enrollments';

const SERIES = [
  { key: 'active', label: 'Active (consent given)', color: '#22c55e' },
  { key: 'pendingConsent', label: 'Waiting for consent', color: '#f59e0b' },
  { key: 'removed', label: 'Removed', color: '#64748b' },
] as const;

const AXIS = { stroke: '#3a3a48', tick: { fill: '#a4a4b3', fontSize: 12 }, tickLine: false } as const;

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

  const label = `Children by status at the end of each week, ${data.length} weeks`;
  return (
    <figure className="m-0" data-testid="cohort-chart">
      <div role="img" aria-label={label} style={{ width: '100%', height: 280 }}>
        <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 320, height: 280 }}>
          <AreaChart data={data} margin={{ top: 8, right: 8, left: -16, bottom: 0 }}>
            <CartesianGrid stroke="#2a2a35" vertical={false} />
            <XAxis dataKey="label" {...AXIS} minTickGap={16} />
            <YAxis {...AXIS} allowDecimals={false} />
            <Tooltip
              contentStyle={{ background: '#1d1d26', border: '1px solid #3a3a48', borderRadius: 8, color: '#ededf2', fontSize: 12 }}
              labelStyle={{ color: '#a4a4b3' }}
              labelFormatter={(l) => `Week of ${String(l)}`}
            />
            <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
            {SERIES.map((s) => (
              <Area key={s.key} dataKey={s.key} name={s.label} stackId="children" stroke={s.color} fill={s.color} fillOpacity={0.35} type="linear" isAnimationActive={false} />
            ))}
          </AreaChart>
        </ResponsiveContainer>
      </div>
      <table className="sr-only">
        <caption>{label}</caption>
        <thead>
          <tr>
            <th scope="col">Week of</th>
            {SERIES.map((s) => (
              <th key={s.key} scope="col">
                {s.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {data.map((d) => (
            <tr key={d.week}>
              <th scope="row">{d.label}</th>
              <td>{d.active}</td>
              <td>{d.pendingConsent}</td>
              <td>{d.removed}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
