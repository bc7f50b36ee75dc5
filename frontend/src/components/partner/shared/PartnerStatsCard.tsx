import type { ReactNode } from 'react';
import type { LucideIcon } from 'lucide-react';
import { Minus, TrendingDown, TrendingUp } from 'lucide-react';
import { cn } from '@/lib/cn';

export interface StatTrend {
  /** Change against the previous period, in percent (e.g. 12.5 for +12.5 %). */
  value: number;
  /** What the change is measured against, e.g. "vs last month". */
  label?: string;
  /** Whether a rise is good news (default true); a fall in costs would set this to false. */
  positiveIsGood?: boolean;
}

export interface PartnerStatsCardProps {
  label: string;
  value: ReactNode;
  icon?: LucideIcon;
  hint?: ReactNode;
  trend?: StatTrend;
  /** Highlights the card when the figure asks for action. */
  tone?: 'default' | 'attention';
  testId?: string;
  className?: string;
}

/** A KPI: label, figure, optional hint and trend against the previous period. */
export function PartnerStatsCard({ label, value, icon: Icon, hint, trend, tone = 'default', testId, className }: PartnerStatsCardProps) {
  return (
    <article
      data-testid={testId}
      aria-label={label}
      className={cn(
        'card relative flex flex-col gap-3 overflow-hidden p-4 transition-colors hover:border-line-strong',
        tone === 'attention' && 'border-brand/40',
        className,
      )}
    >
      <div className="flex items-start justify-between gap-3">
        <h3 className="text-[13px] font-medium leading-5 text-fg-muted">{label}</h3>
        {Icon && (
          <span
            className={cn(
              'grid size-8 shrink-0 place-items-center rounded-lg',
              tone === 'attention' ? 'bg-brand-soft text-brand-text' : 'bg-elevated text-fg-muted',
            )}
            aria-hidden="true"
          >
            <Icon className="size-4" />
          </span>
        )}
      </div>
      <p className="text-2xl font-semibold tracking-tight text-fg tabular-nums" data-role="value">
        {value}
      </p>
      {(hint || trend) && (
        <div className="flex flex-wrap items-center gap-2 text-xs text-fg-subtle">
          {trend && <TrendChip trend={trend} />}
          {hint && <span>{hint}</span>}
        </div>
      )}
    </article>
  );
}

function TrendChip({ trend }: { trend: StatTrend }) {
  const direction = trend.value > 0 ? 'up' : trend.value < 0 ? 'down' : 'flat';
  const good = direction === 'flat' ? null : (direction === 'up') === (trend.positiveIsGood ?? true);
  const Icon = direction === 'up' ? TrendingUp : direction === 'down' ? TrendingDown : Minus;
  const text = `${trend.value > 0 ? '+' : ''}${new Intl.NumberFormat('en-KE', { maximumFractionDigits: 1 }).format(trend.value)}%`;
  return (
    <span
      data-testid="stat-trend"
      data-direction={direction}
      className={cn(
        'inline-flex items-center gap-1 rounded-md px-1.5 py-0.5 font-medium',
        good === true && 'bg-ok/10 text-ok',
        good === false && 'bg-brand-soft text-brand-text',
        good === null && 'bg-elevated text-fg-muted',
      )}
    >
      <Icon className="size-3" aria-hidden="true" />
      <span>
        {text}
        {trend.label ? <span className="sr-only"> {trend.label}</span> : null}
      </span>
      {trend.label && <span className="font-normal text-fg-subtle" aria-hidden="true">{trend.label}</span>}
    </span>
  );
}
