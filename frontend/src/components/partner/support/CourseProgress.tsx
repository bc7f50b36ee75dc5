import { Award } from 'lucide-react';
import { cn } from '@/lib/cn';

/** "3 of 5 modules" with a bar; the bar is a progressbar for screen readers. */
export function CourseProgressBar({ completed, total, label }: { completed: number; total: number; label: string }) {
  const pct = total === 0 ? 0 : Math.round((completed / total) * 100);
  return (
    <div className="flex items-center gap-3">
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={completed}
        aria-valuetext={`${completed} of ${total} modules`}
        className="h-2 flex-1 overflow-hidden rounded-full bg-elevated"
      >
        <div className={cn('h-full rounded-full transition-all', pct === 100 ? 'bg-emerald-500' : 'bg-brand')} style={{ width: `${pct}%` }} />
      </div>
      <span className="shrink-0 text-xs tabular-nums text-fg-muted">
        {completed}/{total}
      </span>
    </div>
  );
}

export function CertifiedBadge({ testId }: { testId?: string }) {
  return (
    <span className="inline-flex items-center gap-1 rounded-full bg-emerald-500/15 px-2 py-0.5 text-[11px] font-semibold text-emerald-300 ring-1 ring-inset ring-emerald-500/30" data-testid={testId}>
      <Award className="size-3" aria-hidden="true" />
      Certified
    </span>
  );
}
