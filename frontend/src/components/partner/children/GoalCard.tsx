import { CalendarClock } from 'lucide-react';
import { PartnerBadge } from '@/components/partner/shared';
import { cn } from '@/lib/cn';
import { formatDate, formatNumber } from '@/lib/format';
import type { ChildGoalResponse } from '@/types/partner';
import { GOAL_STATUS_LABELS, GOAL_STATUS_TONES } from './child-format';
import { describeGoal } from './describe-goal';

/** One goal: what it aims for, its status, a progress bar and its due date. */
export function GoalCard({ goal }: { goal: ChildGoalResponse }) {
  const p = goal.progress;
  const barTone = p.status === 'achieved' ? 'bg-ok' : p.status === 'on_track' ? 'bg-sky-400' : p.status === 'at_risk' ? 'bg-amber-400' : 'bg-brand';
  const title = describeGoal(p.kind, p.target, p.learningAreaCode);
  return (
    <li className="rounded-lg border border-line bg-elevated/40 p-3" data-testid="goal" data-status={p.status}>
      <div className="flex items-start justify-between gap-2">
        <p className="text-sm font-medium text-fg">{title}</p>
        <PartnerBadge tone={GOAL_STATUS_TONES[p.status]} testId="goal-status">
          {GOAL_STATUS_LABELS[p.status]}
        </PartnerBadge>
      </div>
      <div className="mt-2 h-2 rounded-full bg-elevated" role="progressbar" aria-label={`${title}: ${p.percent}% done`} aria-valuemin={0} aria-valuemax={100} aria-valuenow={p.percent}>
        <div className={cn('h-full rounded-full', barTone)} style={{ width: `${Math.min(100, p.percent)}%` }} />
      </div>
      <div className="mt-1.5 flex flex-wrap justify-between gap-2 text-xs text-fg-muted">
        <span>
          {formatNumber(p.percent)}% · now {p.current ?? '—'} of {p.target}
        </span>
        {p.dueDate && (
          <span className="inline-flex items-center gap-1">
            <CalendarClock className="size-3" aria-hidden="true" />
            Due {formatDate(p.dueDate)}
            {p.daysLeft !== null && p.status !== 'achieved' && (p.daysLeft >= 0 ? ` · ${p.daysLeft} days left` : ` · ${-p.daysLeft} days late`)}
          </span>
        )}
      </div>
    </li>
  );
}
