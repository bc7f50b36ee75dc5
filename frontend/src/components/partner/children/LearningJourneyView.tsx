import { BookOpen, Compass, Crosshair, GraduationCap, Layers, LineChart } from 'lucide-react';
import { PartnerBadge, PartnerBentoCard, PartnerBentoGrid, PartnerDataTable, PartnerEmptyState, humanizeStatus } from '@/components/partner/shared';
import { urlParam, useUrlState } from '@/lib/use-url-state';
import { formatDate, formatNumber } from '@/lib/format';
import type { AreaMastery, LearningJourney } from '@/types/partner';
import { CompetencyRadar, RubricDistributionChart, WeeklyProgressChart } from './lazy-charts';
import { RUBRIC_LABELS, RUBRIC_TONES, formatMinutes } from './child-format';
import { TrendIndicator } from './TrendIndicator';

/** Learning Journey tab: weekly progress, competencies, rubric levels, mastery per area, focus areas, recent lessons. */
export function LearningJourneyView({ journey }: { journey: LearningJourney }) {
  const assessed = journey.rubricDistribution.reduce((sum, r) => sum + r.count, 0);
  const rated = journey.competencies.filter((c) => c.latestScore !== null).length;

  return (
    <div data-testid="view-learning-journey">
      <PartnerBentoGrid>
        <PartnerBentoCard title="Weekly progress" description="Minutes learned and average assessment score, last 12 weeks" icon={LineChart} colSpan={4}>
          {journey.weeklyProgress.length === 0 ? <Empty text="No weeks recorded yet." /> : <WeeklyProgressChart weeks={journey.weeklyProgress} />}
        </PartnerBentoCard>

        <PartnerBentoCard title="Core competencies" description={`Latest rating, 1 (BE) to 4 (EE) · ${rated} of 7 rated`} icon={Compass} colSpan={2}>
          {journey.competencies.length === 0 ? (
            <Empty text="No competency ratings yet." />
          ) : (
            <>
              <CompetencyRadar competencies={journey.competencies} />
              <p className="mt-1 text-center text-[11px] text-fg-subtle">Rings from the centre: 1 BE · 2 AE · 3 ME · 4 EE</p>
            </>
          )}
        </PartnerBentoCard>

        <PartnerBentoCard title="CBC rubric levels" description={`${formatNumber(assessed)} assessments`} icon={Layers} colSpan={2}>
          {assessed === 0 ? (
            <Empty text="No assessments yet." />
          ) : (
            <>
              <RubricDistributionChart levels={journey.rubricDistribution} />
              <ul className="mt-2 grid grid-cols-2 gap-1 text-xs text-fg-muted">
                {journey.rubricDistribution.map((r) => (
                  <li key={r.level}>
                    <span className="font-medium text-fg">{r.level}</span> {r.label}: {formatNumber(r.percent, 1)}%
                  </li>
                ))}
              </ul>
            </>
          )}
        </PartnerBentoCard>

        <PartnerBentoCard title="Mastery by learning area" description="Latest and average assessment scores (0–100); trend compares the last 28 days with the 28 before" icon={GraduationCap} colSpan={4}>
          <MasteryTable areas={journey.areas} />
        </PartnerBentoCard>

        <PartnerBentoCard title="Focus areas" description="Where support helps most, from the latest scores" icon={Crosshair} colSpan={2}>
          {journey.focusAreas.length === 0 ? (
            <Empty text="No focus areas: every assessed area is going well." />
          ) : (
            <ul className="flex flex-col gap-3" data-testid="focus-areas">
              {journey.focusAreas.map((f) => (
                <li key={f.learningAreaId} className="rounded-lg border border-line bg-elevated/50 p-3">
                  <div className="flex items-center justify-between gap-2">
                    <span className="text-sm font-medium text-fg">{f.name}</span>
                    <PartnerBadge tone={RUBRIC_TONES[f.latestRubricLevel]}>
                      {f.latestRubricLevel} · {formatNumber(f.latestScore)}
                    </PartnerBadge>
                  </div>
                  <p className="mt-1 text-xs text-fg-muted">{f.reason}</p>
                </li>
              ))}
            </ul>
          )}
        </PartnerBentoCard>

        <PartnerBentoCard title="Recent lessons" icon={BookOpen} colSpan={2}>
          {journey.recentLessons.length === 0 ? (
            <Empty text="No lessons yet." />
          ) : (
            <ul className="flex flex-col divide-y divide-line" data-testid="recent-lessons">
              {journey.recentLessons.map((l) => (
                <li key={`${l.lessonId}-${l.updatedAt}`} className="flex items-start justify-between gap-3 py-2 first:pt-0 last:pb-0">
                  {/* Titles wrap: cut to a few letters beside the meta column on a phone, they said nothing. */}
                  <div className="min-w-0">
                    <p className="break-words text-sm text-fg">{l.lessonTitle}</p>
                    <p className="break-words text-xs text-fg-subtle">
                      {l.learningAreaName} · {l.courseTitle}
                    </p>
                  </div>
                  <div className="shrink-0 text-right text-xs">
                    <PartnerBadge tone={l.status === 'completed' ? 'success' : l.status === 'in_progress' ? 'info' : 'neutral'}>{humanizeStatus(l.status)}</PartnerBadge>
                    <p className="mt-1 text-fg-subtle">
                      {l.score !== null ? `${formatNumber(l.score)}% · ` : ''}
                      {formatMinutes(l.timeSpentSeconds / 60)} · {formatDate(l.completedAt ?? l.updatedAt)}
                    </p>
                  </div>
                </li>
              ))}
            </ul>
          )}
        </PartnerBentoCard>
      </PartnerBentoGrid>
    </div>
  );
}

const MASTERY_URL = { areasPage: urlParam.page() };

function MasteryTable({ areas }: { areas: AreaMastery[] }) {
  const [{ areasPage }, setUrl] = useUrlState(MASTERY_URL);
  return (
    <PartnerDataTable
      page={areasPage}
      onPageChange={(p) => setUrl({ areasPage: p })}
      caption="Mastery by learning area"
      rows={areas}
      getRowKey={(a) => a.learningAreaId}
      empty="No learning area has been assessed yet."
      pageSize={10}
      testId="mastery-table"
      columns={[
        {
          key: 'area',
          header: 'Learning area',
          cell: (a) => (
            <div>
              <span className="font-medium">{a.name}</span>
              <span className="ml-1.5 text-xs text-fg-subtle">{a.code}</span>
            </div>
          ),
        },
        {
          key: 'level',
          header: 'Level',
          cell: (a) => (
            <span title={RUBRIC_LABELS[a.latestRubricLevel]} className="inline-flex items-center gap-1.5 whitespace-nowrap">
              <PartnerBadge tone={RUBRIC_TONES[a.latestRubricLevel]}>{a.latestRubricLevel}</PartnerBadge>
              <span className="tabular-nums sm:hidden">{formatNumber(a.latestScore)}</span>
            </span>
          ),
        },
        { key: 'latest', header: 'Latest', cell: (a) => formatNumber(a.latestScore), align: 'right', className: 'hidden sm:table-cell' },
        { key: 'average', header: 'Average', cell: (a) => formatNumber(a.averageScore, 1), align: 'right', className: 'hidden sm:table-cell' },
        { key: 'count', header: 'Assessments', cell: (a) => formatNumber(a.assessmentCount), align: 'right', className: 'hidden md:table-cell' },
        {
          key: 'trend',
          header: 'Trend',
          cell: (a) => (
            <span className="inline-flex items-center justify-end gap-1 tabular-nums">
              <TrendIndicator
                trend={a.trend}
                label={a.trendPoints === null ? 'Not enough assessments to compare' : `${a.trendPoints > 0 ? '+' : ''}${formatNumber(a.trendPoints, 1)} points on the previous 28 days`}
              />
              <span className="text-xs text-fg-muted">{a.trendPoints === null ? '—' : `${a.trendPoints > 0 ? '+' : ''}${formatNumber(a.trendPoints, 1)}`}</span>
            </span>
          ),
          align: 'right',
        },
        { key: 'assessed', header: 'Last assessed', cell: (a) => <span className="whitespace-nowrap text-fg-muted">{formatDate(a.latestAssessedAt)}</span>, className: 'hidden lg:table-cell' },
      ]}
    />
  );
}

function Empty({ text }: { text: string }) {
  return <PartnerEmptyState compact title={text} className="border-none py-6" />;
}
