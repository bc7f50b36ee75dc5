import { Link } from 'react-router';
import { ArrowDown, ArrowRight, ArrowUp, Mail, Minus } from 'lucide-react';
import { PartnerBadge, PartnerLoadingSkeleton } from '@/components/partner/shared';
import { AiNarrative } from '@/components/partner/shared/AiNarrative';
import { QueryErrorState } from '@/components/partner/sponsorships/QueryErrorState';
import { formatDate, formatNumber } from '@/lib/format';
import { useStudentInsights, type TermArea } from '@/services/partner/progress-letters';

const STATUS_LABEL = { achieved: 'Achieved', on_track: 'On track', at_risk: 'At risk', overdue: 'Overdue' } as const;

function Movement({ area }: { area: TermArea }) {
  if (!area.movement) return <span className="text-fg-muted">New</span>;
  const [Icon, label] = area.movement === 'up' ? [ArrowUp, 'Up'] : area.movement === 'down' ? [ArrowDown, 'Down'] : [Minus, 'Steady'];
  return (
    <span className="inline-flex items-center gap-1">
      <Icon className="size-3.5" aria-hidden="true" /> {label}{area.previousLevel ? ` from ${area.previousLevel}` : ''}
    </span>
  );
}

/** The child's school term (GET /student-insights/{studentId}): the figures its progress letter shows, and the narrative. */
export function TermDashboard({ studentId }: { studentId: string }) {
  const insights = useStudentInsights(studentId, '');
  if (insights.isPending) return <PartnerLoadingSkeleton variant="lines" count={4} label="Loading the term" />;
  if (insights.isError)
    return <QueryErrorState compact title="We couldn’t load this child’s term" error={insights.error} onRetry={() => void insights.refetch()} retrying={insights.isFetching} testId="term-error" />;
  const t = insights.data;
  const figures: [string, string][] = [
    ['Minutes learned', formatNumber(t.minutes)],
    ['Learning days', formatNumber(t.activeDays)],
    ['Current streak', `${formatNumber(t.currentStreak)} ${t.currentStreak === 1 ? 'day' : 'days'}`],
    ['Longest streak', `${formatNumber(t.longestStreak)} ${t.longestStreak === 1 ? 'day' : 'days'}`],
    ['Lessons completed', formatNumber(t.lessonsCompleted)],
    ['Achievements', formatNumber(t.achievements.length)],
  ];
  return (
    <div className="flex flex-col gap-4" data-testid="term-dashboard">
      <p className="text-xs text-fg-muted">
        {t.termName} · {formatDate(t.termStart)} – {formatDate(t.termEnd)}{t.asOf < t.termEnd ? ` · figures to ${formatDate(t.asOf)}` : ''}
      </p>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3">
        {figures.map(([label, value]) => (
          <div key={label} className="rounded-lg border border-line p-3">
            <dt className="text-xs text-fg-muted">{label}</dt>
            <dd className="text-lg font-semibold" data-testid={`term-${label.toLowerCase().replace(/[^a-z]+/g, '-')}`}>{value}</dd>
          </div>
        ))}
      </dl>
      {/* Focusable so a keyboard user can scroll the table sideways on a phone. */}
      <div className="overflow-x-auto" role="region" aria-label="This term by learning area" tabIndex={0}>
        <table className="w-full min-w-[28rem] text-left text-sm" data-testid="term-areas">
          <caption className="sr-only">Learning areas this term</caption>
          <thead className="text-xs text-fg-muted">
            <tr><th className="py-1 pr-2 font-medium">Learning area</th><th className="py-1 pr-2 font-medium">Level</th><th className="py-1 pr-2 font-medium">Average</th><th className="py-1 font-medium">Movement</th></tr>
          </thead>
          <tbody className="divide-y divide-line">
            {t.areas.length === 0 ? (
              <tr><td colSpan={4} className="py-2 text-fg-muted">No assessment this term.</td></tr>
            ) : t.areas.map((a) => (
              <tr key={a.code || a.name}>
                <td className="py-1.5 pr-2">{a.name}</td>
                <td className="py-1.5 pr-2">{a.levelLabel}</td>
                <td className="py-1.5 pr-2">{formatNumber(a.averageScore, 1)}%</td>
                <td className="py-1.5"><Movement area={a} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {t.goals.length > 0 && (
        <ul className="flex flex-col gap-2" data-testid="term-goals">
          {t.goals.map((g) => (
            <li key={g.progress.goalId} className="flex flex-col gap-1">
              <span className="flex flex-wrap items-center justify-between gap-2 text-sm">
                <span className="min-w-0">{g.goal}</span>
                <PartnerBadge status={g.progress.status}>{STATUS_LABEL[g.progress.status]} · {g.progress.percent}%</PartnerBadge>
              </span>
              <span className="h-1.5 w-full overflow-hidden rounded bg-line" aria-hidden="true">
                <span className="block h-full bg-brand" style={{ width: `${g.progress.percent}%` }} />
              </span>
            </li>
          ))}
        </ul>
      )}
      <AiNarrative text={t.narrative} provider={t.provider} model={t.model} generatedAt={t.generatedAt} testId="term-narrative" />
      <Link to="/dashboard/partner/progress-letters" className="inline-flex items-center gap-1 text-sm font-medium text-brand-text underline-offset-2 hover:underline" data-testid="term-letters-link">
        <Mail className="size-4" aria-hidden="true" /> This term’s progress letters <ArrowRight className="size-3.5" aria-hidden="true" />
      </Link>
    </div>
  );
}
