import { Bell, Brain, Lightbulb, Scale, ShieldAlert, Sparkles, Sun, ThumbsUp, TrendingDown, TrendingUp } from 'lucide-react';
import { AiNarrative } from '@/components/partner/shared/AiNarrative';
import { PartnerBadge, PartnerBentoCard, PartnerBentoGrid } from '@/components/partner/shared';
import { formatNumber } from '@/lib/format';
import type { AreaSignal, ChildInsightsResponse, TimeOfDay } from '@/types/partner';
import { RUBRIC_TONES, SEVERITY_TONES, formatMinutes } from './child-format';

const TIMES: Record<TimeOfDay, string> = { morning: 'Morning (5–11)', afternoon: 'Afternoon (12–16)', evening: 'Evening (17–20)', night: 'Night (21–4)' };
const SEVERITY_ORDER = { high: 0, medium: 1, low: 2 } as const;

/**
 * AI Insights tab. The figures are computed from learning records (never by a model); the summary, learning style,
 * strengths, risks and three tips are written from them by the AI orchestrator, with the provider, model and time named.
 */
export function InsightsView({ insights }: { insights: ChildInsightsResponse }) {
  const s = insights.signals;
  const t = s.timePattern;
  const warnings = [...s.warnings].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);

  return (
    <div className="flex flex-col gap-4" data-testid="view-ai-insights">
      <section className="card border-violet-500/30 p-4" aria-label="AI summary" data-testid="ai-summary">
        <h2 className="mb-2 flex items-center gap-2 text-sm font-semibold text-fg">
          <Sparkles className="size-4 text-violet-300" aria-hidden="true" /> Summary
        </h2>
        <AiNarrative text={insights.narrative} provider={insights.provider} model={insights.model} generatedAt={insights.generatedAt} />
        <p className="mt-2 text-xs text-fg-subtle">Written from the figures on this tab; every figure is computed from the child’s learning records.</p>
      </section>

      <PartnerBentoGrid>
        <PartnerBentoCard title="Learning style" icon={Brain} colSpan={2} testId="insight-style">
          <p className="text-sm text-fg">{insights.learningStyle}</p>
        </PartnerBentoCard>

        <PartnerBentoCard title="Three things you can do" description="Plain-language support tips" icon={Lightbulb} colSpan={2} testId="insight-ai-tips">
          <ol className="list-decimal space-y-2 pl-5 text-sm text-fg">
            {insights.tips.map((tip) => (
              <li key={tip}>{tip}</li>
            ))}
          </ol>
        </PartnerBentoCard>

        <PartnerBentoCard title="Strengths" icon={ThumbsUp} colSpan={2} testId="insight-strengths">
          <TextList items={insights.strengths} empty="No strengths named yet." />
        </PartnerBentoCard>

        <PartnerBentoCard title="Risks" icon={ShieldAlert} colSpan={2} testId="insight-risks">
          <TextList items={insights.risks} empty="No risks: activity and scores look steady." />
        </PartnerBentoCard>
      </PartnerBentoGrid>

      <PartnerBentoGrid>
        <PartnerBentoCard title="Early warnings" icon={Bell} colSpan={2} testId="insight-warnings">
          {warnings.length === 0 ? (
            <p className="text-sm text-fg-subtle">No early warnings: activity and scores look steady.</p>
          ) : (
            <ul className="flex flex-col gap-2">
              {warnings.map((w, i) => (
                <li key={`${w.code}-${i}`} className="flex items-start gap-2" data-testid="warning" data-severity={w.severity}>
                  <PartnerBadge tone={SEVERITY_TONES[w.severity]} className="mt-0.5 capitalize">
                    {w.severity}
                  </PartnerBadge>
                  <span className="text-sm text-fg">{w.message}</span>
                </li>
              ))}
            </ul>
          )}
        </PartnerBentoCard>

        <PartnerBentoCard title="Computed support tips" icon={Lightbulb} colSpan={2} testId="insight-tips">
          {s.supportTips.length === 0 ? (
            <p className="text-sm text-fg-subtle">No tips yet.</p>
          ) : (
            <ul className="list-disc space-y-2 pl-5 text-sm text-fg">
              {s.supportTips.map((tip) => (
                <li key={tip}>{tip}</li>
              ))}
            </ul>
          )}
        </PartnerBentoCard>

        <PartnerBentoCard title="When the child learns" description={`Last ${t.daysConsidered} days · ${formatNumber(t.sessions)} sessions`} icon={Sun} colSpan={2} testId="insight-time">
          {t.sessions === 0 ? (
            <p className="text-sm text-fg-subtle">No sessions in this period.</p>
          ) : (
            <div className="flex flex-col gap-3">
              <p className="text-sm text-fg">
                Prefers the <strong>{t.preferredTimeOfDay ?? '—'}</strong>; average session {formatMinutes(t.averageSessionMinutes)}; {formatNumber(t.weekdayPercent)}%
                of minutes on weekdays, {formatNumber(t.weekendPercent)}% at weekends.
              </p>
              <ul className="flex flex-col gap-2">
                {t.byTimeOfDay.map((b) =>
                  b.timeOfDay ? (
                    <li key={b.timeOfDay}>
                      <div className="flex justify-between text-xs">
                        <span className={b.timeOfDay === t.preferredTimeOfDay ? 'font-medium text-fg' : 'text-fg-muted'}>{TIMES[b.timeOfDay]}</span>
                        <span className="tabular-nums text-fg-muted">
                          {formatMinutes(b.minutes)} · {formatNumber(b.percent)}%
                        </span>
                      </div>
                      <div className="mt-1 h-1.5 rounded-full bg-elevated" aria-hidden="true">
                        <div className="h-full rounded-full bg-brand" style={{ width: `${Math.min(100, b.percent)}%` }} />
                      </div>
                    </li>
                  ) : null,
                )}
              </ul>
            </div>
          )}
        </PartnerBentoCard>

        <PartnerBentoCard title="Strongest and weakest areas" description="By latest assessment score" icon={Scale} colSpan={2} testId="insight-areas">
          <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
            <AreaBox title="Strongest" icon={TrendingUp} area={s.strongestArea} />
            <AreaBox title="Needs most support" icon={TrendingDown} area={s.weakestArea} />
          </div>
        </PartnerBentoCard>
      </PartnerBentoGrid>
    </div>
  );
}

function AreaBox({ title, icon: Icon, area }: { title: string; icon: typeof TrendingUp; area: AreaSignal | null }) {
  return (
    <div className="rounded-lg border border-line bg-elevated/50 p-3">
      <p className="flex items-center gap-1.5 text-xs text-fg-subtle">
        <Icon className="size-3.5" aria-hidden="true" /> {title}
      </p>
      {area ? (
        <>
          <p className="mt-1 text-sm font-medium text-fg">{area.name}</p>
          <p className="mt-1 flex items-center gap-2 text-xs text-fg-muted">
            <PartnerBadge tone={RUBRIC_TONES[area.latestRubricLevel]}>{area.latestRubricLevel}</PartnerBadge>
            {formatNumber(area.latestScore)} / 100
          </p>
        </>
      ) : (
        <p className="mt-1 text-sm text-fg-subtle">Not assessed yet</p>
      )}
    </div>
  );
}

function TextList({ items, empty }: { items: string[]; empty: string }) {
  if (items.length === 0) return <p className="text-sm text-fg-subtle">{empty}</p>;
  return (
    <ul className="list-disc space-y-2 pl-5 text-sm text-fg">
      {items.map((item) => (
        <li key={item}>{item}</li>
      ))}
    </ul>
  );
}
