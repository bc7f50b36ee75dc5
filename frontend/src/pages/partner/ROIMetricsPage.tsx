import { useMemo, useState } from 'react';
import { Clock, Coins, GraduationCap, TrendingUp, Users, Wallet } from 'lucide-react';
import { PartnerChart, PartnerEmptyState, PartnerLoadingSkeleton, PartnerPageHeader, PartnerStatsCard, preloadPartnerChart } from '@/components/partner/shared';
import { ForecastPanel } from '@/components/partner/analytics/ForecastPanel';
import { usePrograms } from '@/services/partner/programs';
import { useRoi, type RoiParams } from '@/services/partner/analytics';
import type { RoiFigures } from '@/types/partner';

void preloadPartnerChart();

const SPANS = [30, 90, 180, 365] as const;

const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const money = (v: number | null | undefined, currency: string) =>
  v == null ? '–' : `${currency} ${new Intl.NumberFormat('en-KE', { maximumFractionDigits: 0 }).format(v)}`;

/** Change in percent from the span before; null when there is nothing to compare with. */
export function change(current: number | null | undefined, previous: number | null | undefined): number | null {
  if (current == null || previous == null || previous === 0) return null;
  return Math.round(((current - previous) / Math.abs(previous)) * 1000) / 10;
}

/** ROI Metrics: what the partner's money bought in learning, this span against the one before. */
export default function ROIMetricsPage() {
  const [days, setDays] = useState<number>(90);
  const [programId, setProgramId] = useState('');
  const params: RoiParams = useMemo(() => {
    const to = new Date();
    const from = new Date(to.getTime() - (days - 1) * 86_400_000);
    return { from: isoDay(from), to: isoDay(to), programId };
  }, [days, programId]);
  const roi = useRoi(params);
  const programs = usePrograms({ pageSize: 100 });

  return (
    <div data-testid="roi-metrics-page">
      <PartnerPageHeader
        title="ROI Metrics"
        description="What your funding bought in learning, over consented children only, against the span before."
        breadcrumbs={[{ label: 'Analytics' }, { label: 'ROI Metrics' }]}
      />
      <div className="mb-4 flex flex-wrap items-end gap-3">
        <div role="group" aria-label="Period" className="flex gap-1">
          {SPANS.map((d) => (
            <button key={d} type="button" className={d === days ? 'btn btn-primary' : 'btn btn-secondary'} aria-pressed={d === days} onClick={() => setDays(d)}>
              {d === 365 ? '12 months' : `${d} days`}
            </button>
          ))}
        </div>
        <label className="flex flex-col text-sm">
          Program
          <select className="input" value={programId} onChange={(e) => setProgramId(e.target.value)} aria-label="Program">
            <option value="">All programs</option>
            {programs.data?.items.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      {roi.isPending ? (
        <PartnerLoadingSkeleton variant="cards" />
      ) : roi.isError ? (
        <PartnerEmptyState title="ROI metrics could not be loaded" description={roi.error.message} testId="roi-error" />
      ) : (
        <RoiBody current={roi.data.current} previous={roi.data.previous} currency={roi.data.currency} />
      )}
      <div className="mt-6" data-testid="roi-forecast">
        <ForecastPanel programId={programId || undefined} />
      </div>
    </div>
  );
}

function RoiBody({ current, previous, currency }: { current: RoiFigures; previous: RoiFigures; currency: string }) {
  if (current.consentedChildren === 0)
    return (
      <PartnerEmptyState
        title="No consented children yet"
        description="ROI counts only children whose guardians have given consent. Once they have, their learning and your spend appear here."
        testId="roi-empty"
      />
    );
  const vs = 'vs previous period';
  const cost = (c: number | null | undefined, p: number | null | undefined) => {
    const value = change(c, p);
    return value == null ? undefined : { value, label: vs, positiveIsGood: false };
  };
  const gain = (c: number | null | undefined, p: number | null | undefined) => {
    const value = change(c, p);
    return value == null ? undefined : { value, label: vs };
  };
  return (
    <>
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 xl:grid-cols-3" data-testid="roi-kpis">
        <PartnerStatsCard label="Cost per child" icon={Users} value={money(current.costPerChild, currency)} hint={`${current.consentedChildren} consented children`} trend={cost(current.costPerChild, previous.costPerChild)} />
        <PartnerStatsCard label="Cost per active learning hour" icon={Clock} value={money(current.costPerActiveHour, currency)} hint={`${current.learningHours} hours`} trend={cost(current.costPerActiveHour, previous.costPerActiveHour)} />
        <PartnerStatsCard label="Cost per rubric level gained" icon={GraduationCap} value={money(current.costPerRubricLevel, currency)} hint={`${current.rubricLevelsGained} levels gained`} trend={cost(current.costPerRubricLevel, previous.costPerRubricLevel)} />
        <PartnerStatsCard label="Children improving" icon={TrendingUp} value={current.improvingShare == null ? '–' : `${current.improvingShare}%`} hint="against their own baseline" trend={gain(current.improvingShare, previous.improvingShare)} />
        <PartnerStatsCard label="Spent" icon={Coins} value={money(current.spent, currency)} hint={current.budget == null ? 'no budget for this span' : `of ${money(current.budget, currency)} budgeted`} trend={gain(current.spent, previous.spent)} />
        <PartnerStatsCard label="Budget used" icon={Wallet} value={current.budgetUsedPercent == null ? '–' : `${current.budgetUsedPercent}%`} trend={gain(current.budgetUsedPercent, previous.budgetUsedPercent)} />
      </div>
      <div className="mt-6 grid grid-cols-1 gap-4 lg:grid-cols-2">
        <section className="card p-4">
          <h2 className="mb-2 font-semibold">Engagement by week</h2>
          <PartnerChart
            type="line"
            data={current.engagement.map((w) => ({ week: w.weekStart, active: Number(w.activeShare), minutes: Number(w.minutesPerChild) }))}
            xKey="week"
            series={[
              { key: 'active', label: 'Active children (%)' },
              { key: 'minutes', label: 'Minutes per child' },
            ]}
            axes={{ category: 'Week starting', value: 'Percent / minutes' }}
            ariaLabel="Weekly share of active children and minutes per consented child"
            testId="roi-engagement-chart"
          />
        </section>
        <section className="card p-4">
          <h2 className="mb-2 font-semibold">Children improving per learning area</h2>
          {current.areas.length === 0 ? (
            <PartnerEmptyState compact title="No assessments to compare yet" description="An area shows once children have a baseline and an assessment in this span." />
          ) : (
            <PartnerChart
              type="bar"
              barLayout="horizontal"
              data={current.areas.map((a) => ({
                area: a.name,
                now: Number(a.improvingShare ?? 0),
                before: Number(previous.areas.find((p) => p.code === a.code)?.improvingShare ?? 0),
              }))}
              xKey="area"
              series={[
                { key: 'now', label: 'This period (%)' },
                { key: 'before', label: 'Previous period (%)' },
              ]}
              axes={{ category: 'Learning area', value: 'Children improving (%)' }}
              ariaLabel="Share of children improving per learning area, this period and the one before"
              testId="roi-areas-chart"
            />
          )}
        </section>
      </div>
    </>
  );
}
