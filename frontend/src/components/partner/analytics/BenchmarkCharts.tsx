import { PartnerChart } from '@/components/partner/shared';
import type { BenchmarkMeasure, CohortBenchmarkResponse } from '@/types/partner';

function ordinal(n: number) {
  const r = Math.round(n);
  const suffix = r % 100 >= 11 && r % 100 <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[r % 10] ?? 'th';
  return `${r}${suffix}`;
}

/** One measure as grouped bars: the 25th, 50th and 75th percentiles of the cohort beside the platform's. */
function MeasureChart({ measure, title, unit }: { measure: BenchmarkMeasure; title: string; unit: string }) {
  const rows = (['p25', 'p50', 'p75'] as const).map((p) => ({
    percentile: p === 'p25' ? '25th' : p === 'p50' ? 'Median' : '75th',
    cohort: measure.cohort?.[p] ?? null,
    platform: measure.platform?.[p] ?? null,
  }));
  return (
    <section className="flex flex-col gap-1.5" data-testid="benchmark-measure">
      <h4 className="text-sm font-semibold text-fg">{title}</h4>
      <PartnerChart
        type="bar"
        data={rows}
        xKey="percentile"
        series={[
          { key: 'cohort', label: `Your cohort (${measure.cohort?.children ?? 0})` },
          ...(measure.platform ? [{ key: 'platform', label: `Platform peers (${measure.platform.children})` }] : []),
        ]}
        showLegend
        height={200}
        ariaLabel={`${title}: quartiles of your cohort against platform peers`}
        axes={{ category: 'Percentile', value: unit }}
      />
      <p className="text-xs text-fg-subtle">
        {measure.cohortMedianPercentile != null
          ? `Your cohort's median sits at the ${ordinal(measure.cohortMedianPercentile)} percentile of platform peers.`
          : 'Too few platform peers to compare.'}
      </p>
    </section>
  );
}

/** The cohort benchmark's charts: engagement, then each learning area. Chart.js loads lazily with the first chart. */
export function BenchmarkCharts({ data }: { data: CohortBenchmarkResponse }) {
  return (
    <div className="grid gap-5 md:grid-cols-2" data-testid="benchmark-charts">
      {data.engagement && <MeasureChart measure={data.engagement} title="Engagement" unit="Minutes per week" />}
      {data.learningAreas.map((a) => (
        <MeasureChart key={a.learningArea} measure={a} title={a.learningArea ?? 'Learning area'} unit="Average score (%)" />
      ))}
    </div>
  );
}
