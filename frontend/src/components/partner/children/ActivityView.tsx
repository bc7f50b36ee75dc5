import { CalendarDays, Flame, Gauge, MonitorSmartphone, Timer } from 'lucide-react';
import { PartnerBentoCard, PartnerBentoGrid, PartnerChart, PartnerStatsCard } from '@/components/partner/shared';
import { cn } from '@/lib/cn';
import { formatDate, formatNumber } from '@/lib/format';
import { urlParam, useUrlState } from '@/lib/use-url-state';
import { useChildActivity } from '@/services/partner/children';
import type { ActivityPeriod, ActivitySummary, ChildHeader } from '@/types/partner';
import { ChildViewState } from './ChildViewState';
import { InfoTooltip } from './InfoTooltip';
import { formatMinutes, formatShortDate } from './child-format';

const PERIODS: { value: ActivityPeriod; label: string }[] = [
  { value: 'day', label: 'Today' },
  { value: 'week', label: '7 days' },
  { value: 'month', label: '30 days' },
];

const ACTIVITY_URL = { period: urlParam.oneOf<ActivityPeriod>(['day', 'week', 'month'], 'week') };

const DEVICES: Record<string, string> = { mobile: 'Phone', tablet: 'Tablet', desktop: 'Computer', shared_lab: 'School lab' };

/** Activity tab: minutes per day (or hour, for today), sessions, streaks, devices and the engagement score. */
export function ActivityTab({ child }: { child: ChildHeader }) {
  const [{ period }, setUrl] = useUrlState(ACTIVITY_URL);
  const query = useChildActivity(child.id, period);
  return (
    <ChildViewState query={query} child={child} what="activity">
      {(activity) => <ActivityView activity={activity} period={period} onPeriodChange={(p) => setUrl({ period: p })} loading={query.isPlaceholderData} />}
    </ChildViewState>
  );
}

export function ActivityView({
  activity,
  period,
  onPeriodChange,
  loading,
}: {
  activity: ActivitySummary;
  period: ActivityPeriod;
  onPeriodChange: (p: ActivityPeriod) => void;
  loading?: boolean;
}) {
  const e = activity.engagement;
  const chart =
    activity.period === 'day' && activity.hours
      ? activity.hours.map((h) => ({ label: `${String(h.hour).padStart(2, '0')}:00`, minutes: h.minutes }))
      : activity.days.map((d) => ({ label: dayLabel(d.date, activity.period), minutes: d.minutes }));

  return (
    <div data-testid="view-activity" className={cn('flex flex-col gap-4', loading && 'opacity-60')}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-xs text-fg-muted">
          {activity.from === activity.to ? formatDate(activity.from) : `${formatDate(activity.from)} – ${formatDate(activity.to)}`}
          {activity.lastActiveAt && ` · last active ${formatDate(activity.lastActiveAt)}`}
          {activity.daysSinceLastActive !== null &&
            activity.daysSinceLastActive > 0 &&
            ` (${activity.daysSinceLastActive === 1 ? 'yesterday' : `${activity.daysSinceLastActive} days ago`})`}
        </p>
        <div role="group" aria-label="Period" className="inline-flex rounded-lg border border-line bg-card p-0.5" data-testid="period-switch">
          {PERIODS.map((p) => (
            <button
              key={p.value}
              type="button"
              aria-pressed={period === p.value}
              onClick={() => onPeriodChange(p.value)}
              className={cn('rounded-md px-3 py-1 text-xs font-medium', period === p.value ? 'bg-elevated text-fg' : 'text-fg-muted hover:text-fg')}
            >
              {p.label}
            </button>
          ))}
        </div>
      </div>

      <div className="grid grid-cols-2 gap-3 sm:gap-4 lg:grid-cols-4">
        <PartnerStatsCard label="Time learning" value={formatMinutes(activity.totalMinutes)} icon={Timer} hint={`${formatNumber(activity.sessionCount)} sessions`} testId="stat-total-minutes" />
        <PartnerStatsCard label="Average session" value={formatMinutes(activity.averageSessionMinutes)} icon={CalendarDays} testId="stat-average-session" />
        <PartnerStatsCard
          label="Streak"
          value={`${formatNumber(activity.currentStreak)} ${activity.currentStreak === 1 ? 'day' : 'days'}`}
          icon={Flame}
          hint={`Longest: ${formatNumber(activity.longestStreak)} days`}
          testId="stat-streak"
        />
        <article className="card flex flex-col gap-3 p-4" aria-label="Engagement score" data-testid="stat-engagement">
          <div className="flex items-start justify-between gap-2">
            <h3 className="flex items-center gap-1 text-[13px] font-medium text-fg-muted">
              Engagement score
              <InfoTooltip label="How the engagement score is computed" testId="engagement-formula">
                <span className="block font-medium text-fg">Score = {e.formula}</span>
                <span className="mt-1 block">
                  This week: {formatNumber(e.minutesLast7Days)} minutes, {formatNumber(e.activeDaysLast7Days)} active days, a {formatNumber(e.currentStreak)}-day streak.
                  150 minutes over 5 days is the recommended habit.
                </span>
              </InfoTooltip>
            </h3>
            <span className="grid size-8 place-items-center rounded-lg bg-elevated text-fg-muted" aria-hidden="true">
              <Gauge className="size-4" />
            </span>
          </div>
          <p className="text-2xl font-semibold tabular-nums text-fg">
            {e.score}
            <span className="text-sm font-normal text-fg-subtle"> / 100</span>
          </p>
          <div className="h-1.5 rounded-full bg-elevated" role="progressbar" aria-label="Engagement score" aria-valuemin={0} aria-valuemax={100} aria-valuenow={e.score}>
            <div className={cn('h-full rounded-full', e.score >= 70 ? 'bg-ok' : e.score >= 40 ? 'bg-amber-400' : 'bg-brand')} style={{ width: `${e.score}%` }} />
          </div>
        </article>
      </div>

      <PartnerBentoGrid>
        <PartnerBentoCard
          title={activity.period === 'day' ? 'Minutes by hour today' : 'Minutes per day'}
          description="Nairobi time; sessions count on the day they started"
          icon={CalendarDays}
          colSpan={3}
        >
          <PartnerChart
            type="bar"
            data={chart}
            xKey="label"
            series={[{ key: 'minutes', label: 'Minutes' }]}
            axes={{ category: activity.period === 'day' ? 'Hour of the day (Nairobi time)' : 'Day', value: 'Minutes learned' }}
            ariaLabel={activity.period === 'day' ? 'Minutes learned by hour today' : `Minutes learned per day, ${activity.days.length} days`}
            height={240}
            testId="chart-daily-minutes"
          />
        </PartnerBentoCard>
        <PartnerBentoCard title="Devices" description="Share of this period’s minutes" icon={MonitorSmartphone}>
          <ul className="flex flex-col gap-3 text-sm" data-testid="devices">
            {activity.devices.map((d) => (
              <li key={d.device}>
                <div className="flex justify-between text-xs">
                  <span className="text-fg">{DEVICES[d.device] ?? d.device}</span>
                  <span className="tabular-nums text-fg-muted">
                    {formatMinutes(d.minutes)} · {formatNumber(d.percent)}%
                  </span>
                </div>
                <div className="mt-1 h-1.5 rounded-full bg-elevated" aria-hidden="true">
                  <div className="h-full rounded-full bg-brand" style={{ width: `${Math.min(100, d.percent)}%` }} />
                </div>
              </li>
            ))}
          </ul>
        </PartnerBentoCard>
      </PartnerBentoGrid>
    </div>
  );
}

/** Week: "Mon 3"; month: "3" (with the month on the 1st and the first bar). */
function dayLabel(date: string, period: ActivityPeriod): string {
  const day = Number(date.slice(8, 10));
  if (period === 'week') return `${formatShortDate(date, true).split(' ')[0]?.replace(',', '') ?? ''} ${day}`;
  return String(day);
}
