import { Users } from 'lucide-react';
import { PartnerBadge, PartnerBentoCard, PartnerChart, PartnerEmptyState, CHART_COLORS } from '@/components/partner/shared';
import { formatNumber } from '@/lib/format';
import type { ChildStatusCounts } from '@/types/partner';
import { CHILD_STATUS_LABELS } from './figure-labels';

const SLICE_COLORS: Record<string, string> = {
  ACTIVE: '#22c55e',
  PENDING_CONSENT: '#f59e0b',
  PAUSED: '#38bdf8',
  GRADUATED: '#a78bfa',
  LEFT: '#94a3b8',
  REMOVED: '#64748b',
};

export function childStatusRows(children: ChildStatusCounts) {
  return [
    { status: 'ACTIVE', label: 'Active', count: children.active },
    { status: 'PENDING_CONSENT', label: CHILD_STATUS_LABELS.PENDING_CONSENT!, count: children.pendingConsent },
    { status: 'PAUSED', label: 'Paused', count: children.paused },
    { status: 'GRADUATED', label: 'Graduated', count: children.graduated },
    { status: 'LEFT', label: 'Left', count: children.left ?? 0 },
    { status: 'REMOVED', label: 'Removed', count: children.removed },
  ];
}

export function ChildrenByStatusCard({ children }: { children: ChildStatusCounts }) {
  const rows = childStatusRows(children);
  const slices = rows.filter((r) => r.count > 0);
  return (
    <PartnerBentoCard
      title="Children by status"
      description={`${formatNumber(children.total)} sponsored child${children.total === 1 ? '' : 'ren'}`}
      icon={Users}
      testId="card-children"
    >
      {children.total === 0 ? (
        <PartnerEmptyState compact icon={Users} title="No children enrolled yet" description="Children appear here once you enrol them in a program." />
      ) : (
        <div className="flex flex-col gap-3">
          <PartnerChart
            type="pie"
            data={slices}
            xKey="label"
            series={[{ key: 'count', label: 'Children' }]}
            colors={slices.map((s) => SLICE_COLORS[s.status] ?? CHART_COLORS[0]!)}
            ariaLabel="Sponsored children in each status"
            showLegend={false}
            height={160}
            testId="chart-children"
          />
          <ul className="flex flex-col gap-1.5 text-sm">
            {rows.map((r) => (
              <li key={r.status} className="flex items-center justify-between gap-2">
                <span className="flex items-center gap-2">
                  <span className="size-2 rounded-full" style={{ background: SLICE_COLORS[r.status] }} aria-hidden="true" />
                  <PartnerBadge status={r.status}>{r.label}</PartnerBadge>
                </span>
                <span className="font-medium tabular-nums text-fg">{formatNumber(r.count)}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </PartnerBentoCard>
  );
}
