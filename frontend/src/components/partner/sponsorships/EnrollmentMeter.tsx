import { cn } from '@/lib/cn';
import { formatNumber } from '@/lib/format';
import type { ProgramChildCounts } from '@/types/partner';

export interface EnrollmentMeterProps {
  children: ProgramChildCounts;
  minChildren: number;
  maxChildren: number | null;
  compact?: boolean;
}

/**
 * Enrolled children against the program's minimum (the bar turns green once it is met) and, when
 * there is one, its maximum (the scale). Enrolled excludes removed children, as the minimum rule counts.
 */
export function EnrollmentMeter({ children: counts, minChildren, maxChildren, compact }: EnrollmentMeterProps) {
  const enrolled = counts.enrolled;
  const scale = Math.max(maxChildren ?? 0, minChildren, enrolled, 1);
  const met = enrolled >= minChildren;
  const missing = Math.max(0, minChildren - enrolled);
  const minAt = (minChildren / scale) * 100;
  const label = `${formatNumber(enrolled)} of at least ${formatNumber(minChildren)} children enrolled${maxChildren !== null ? `, at most ${formatNumber(maxChildren)}` : ''}`;

  return (
    <div className="flex min-w-0 flex-col gap-1.5" data-testid="enrollment-meter" data-met={met}>
      <div className="flex items-baseline justify-between gap-2 text-xs">
        <span className="font-medium tabular-nums text-fg">
          {formatNumber(enrolled)}
          <span className="text-fg-subtle"> / min {formatNumber(minChildren)}</span>
          {maxChildren !== null && <span className="text-fg-subtle"> · max {formatNumber(maxChildren)}</span>}
        </span>
        {!compact && (
          <span className={cn('text-[11px]', met ? 'text-ok' : 'text-amber-300')}>{met ? 'Minimum met' : `${formatNumber(missing)} more needed`}</span>
        )}
      </div>
      <div
        className="relative h-2 rounded-full bg-elevated"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={scale}
        aria-valuenow={enrolled}
        aria-valuetext={label}
      >
        <div className={cn('h-full rounded-full', met ? 'bg-ok' : 'bg-amber-400')} style={{ width: `${Math.min(100, (enrolled / scale) * 100)}%` }} />
        {minAt < 100 && <span className="absolute -top-0.5 h-3 w-0.5 rounded bg-fg-muted" style={{ left: `${minAt}%` }} aria-hidden="true" title={`Minimum: ${minChildren}`} />}
      </div>
    </div>
  );
}
