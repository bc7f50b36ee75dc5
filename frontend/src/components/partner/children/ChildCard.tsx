import { Link } from 'react-router';
import { Clock, EyeOff, TriangleAlert } from 'lucide-react';
import { formatDate, formatNumber } from '@/lib/format';
import type { SponsoredChildResponse } from '@/types/partner';
import { ChildStateBadges } from './ChildStateBadges';
import { TrendIndicator } from './TrendIndicator';
import { formatGrade } from './child-format';
import { TruncatedText } from '@/components/partner/shared/TruncatedText';

export interface ChildCardProps {
  child: SponsoredChildResponse;
  /** The child page's tab to open (the sidebar's `?tab=`). */
  tab?: string | null;
  /** Hide the program line (cohort view groups by program already). */
  hideProgram?: boolean;
}

/** One sponsored child: consent, this week's minutes with the trend, the alert marker and the program. */
export function ChildCard({ child, tab, hideProgram }: ChildCardProps) {
  const p = child.progress;
  const href = `/dashboard/partner/sponsored-children/${child.id}${tab && tab !== 'overview' ? `?tab=${tab}` : ''}`;
  return (
    <article
      className="card relative flex flex-col gap-3 p-4 transition-colors focus-within:border-line-strong hover:border-line-strong"
      data-testid="child-card"
      data-child-id={child.id}
      aria-label={child.displayName}
    >
      <div className="flex items-start justify-between gap-2">
        <div className="min-w-0">
          <h3 className="text-sm font-semibold text-fg">
            <Link to={href} className="after:absolute after:inset-0 after:content-[''] hover:text-brand-text focus-visible:outline-none">
              <TruncatedText text={child.displayName} />
            </Link>
          </h3>
          <p className="mt-0.5 text-xs text-fg-subtle">
            {formatGrade(child.grade)} · {child.county}
          </p>
        </div>
        {p?.hasAlert && (
          <span className="inline-flex shrink-0 items-center gap-1 rounded-full bg-brand-soft px-2 py-0.5 text-[11px] font-semibold text-brand-text" data-testid="alert-marker">
            <TriangleAlert className="size-3" aria-hidden="true" />
            Alert
          </span>
        )}
      </div>

      <div className="flex flex-wrap items-center gap-1.5">
        <ChildStateBadges child={child} />
      </div>

      {p ? (
        <div className="flex items-end justify-between gap-2">
          <div>
            <p className="text-[11px] text-fg-subtle">This week</p>
            <p className="flex items-center gap-1.5 text-lg font-semibold tabular-nums text-fg" data-testid="minutes-this-week">
              {formatNumber(p.minutesThisWeek)} min
              <TrendIndicator trend={p.trend} label={`${p.trend === 'up' ? 'Up' : p.trend === 'down' ? 'Down' : 'Steady'}: ${formatNumber(p.minutesLastWeek)} min last week`} />
            </p>
          </div>
          <div className="text-right text-[11px] text-fg-subtle">
            {p.averageScore !== null && <p>Avg score {formatNumber(p.averageScore)}%</p>}
            <p data-testid="card-engagement" title="Engagement over the last 7 Nairobi days (0–100), as on the child's Activity tab">
              Engagement {formatNumber(p.engagement)}
            </p>
            <p className="inline-flex items-center gap-1">
              <Clock className="size-3" aria-hidden="true" />
              {p.lastActiveAt ? `Active ${formatDate(p.lastActiveAt)}` : 'Not active yet'}
            </p>
          </div>
        </div>
      ) : (
        <p className="flex items-center gap-1.5 text-xs text-fg-subtle" data-testid="progress-hidden">
          <EyeOff className="size-3.5" aria-hidden="true" />
          Progress hidden until a guardian consents
        </p>
      )}

      {!hideProgram && <TruncatedText as="p" text={child.programName} className="border-t border-line pt-2 text-xs text-fg-muted" />}
    </article>
  );
}
