import { RefreshCw, TrendingUp, TriangleAlert } from 'lucide-react';
import { PartnerBentoCard, PartnerChart, PartnerEmptyState, PartnerLoadingSkeleton } from '@/components/partner/shared';
import { AiNarrative } from '@/components/partner/shared/AiNarrative';
import { useForecasts } from '@/services/partner/analytics-insights';
import type { ForecastResponse, SeriesOutlook } from '@/types/partner';

type Measure = 'enrollment' | 'spend';

/** History and forecast on one axis: actual values for past terms, the estimate and its interval for the next ones. */
function chartRows(data: ForecastResponse, measure: Measure) {
  const outlook: SeriesOutlook = data[measure];
  const past = data.history.map((h, i) => {
    const actual = measure === 'enrollment' ? h.enrolled : h.spend;
    const last = i === data.history.length - 1 && outlook.enoughHistory;
    // The last actual value also starts the forecast lines, so they join the history.
    return { term: h.label, actual, estimate: last ? actual : null, lower: last ? actual : null, upper: last ? actual : null };
  });
  const next = outlook.terms.map((t) => ({ term: t.label, actual: null, estimate: t.estimate, lower: t.lower, upper: t.upper }));
  return [...past, ...next];
}

function SeriesChart({ data, measure }: { data: ForecastResponse; measure: Measure }) {
  const outlook = data[measure];
  const title = measure === 'enrollment' ? 'Consented children enrolled' : `Spend (${data.currency})`;
  const coverage = Math.round(data.coverage * 100);
  return (
    <section className="flex flex-col gap-2" data-testid={`forecast-${measure}`}>
      <h3 className="text-sm font-semibold text-fg">{title}</h3>
      {outlook.enoughHistory ? (
        <>
          <PartnerChart
            type="line"
            data={chartRows(data, measure)}
            xKey="term"
            series={[
              { key: 'actual', label: 'Actual' },
              { key: 'estimate', label: 'Forecast' },
              { key: 'lower', label: `Lower bound (${coverage}% interval)`, color: 'rgba(148, 163, 184, 0.9)' },
              { key: 'upper', label: `Upper bound (${coverage}% interval)`, color: 'rgba(148, 163, 184, 0.9)' },
            ]}
            showLegend
            height={220}
            ariaLabel={`${title} per school term, with the forecast for the next terms and its ${coverage}% prediction interval`}
            axes={{ category: 'School term', value: measure === 'enrollment' ? 'Children (count)' : `Spend (${data.currency})` }}
          />
          <p className="text-xs text-fg-subtle">
            {outlook.method === 'holt' ? "Holt's exponential smoothing" : 'Least-squares linear trend'} over {outlook.historyTerms} completed terms.
          </p>
        </>
      ) : (
        <p className="rounded-md border border-line px-3 py-2 text-sm text-fg-muted" data-testid={`forecast-${measure}-not-enough`}>
          Not enough history yet ({outlook.historyTerms} completed {outlook.historyTerms === 1 ? 'term' : 'terms'}; a forecast needs 3). No numbers are invented.
        </p>
      )}
    </section>
  );
}

/**
 * Forecasts for the next three school terms (enrollment, spend, cost per outcome) with their prediction intervals and
 * the AI narrative that explains them. Self-contained (fetches its own data), so any page can place it.
 */
export function ForecastPanel({ programId }: { programId?: string }) {
  const forecasts = useForecasts(programId);
  const data = forecasts.data;
  const cost = data?.costPerOutcome;
  return (
    <PartnerBentoCard
      id="forecasts"
      title="Forecasts"
      description="Next three school terms, computed from completed terms; the narrative explains the figures"
      icon={TrendingUp}
      colSpan={2}
      testId="forecast-panel"
    >
      {forecasts.isPending ? (
        <PartnerLoadingSkeleton variant="lines" count={4} label="Loading forecasts" />
      ) : forecasts.isError ? (
        <div role="alert" data-testid="forecast-error">
          <PartnerEmptyState
            compact
            icon={TriangleAlert}
            title="We couldn’t load the forecasts"
            description={forecasts.error.message}
            action={
              <button type="button" className="btn-secondary" onClick={() => void forecasts.refetch()} disabled={forecasts.isFetching}>
                <RefreshCw className="size-4" aria-hidden="true" /> Try again
              </button>
            }
          />
        </div>
      ) : !data || data.history.length === 0 ? (
        <PartnerEmptyState compact icon={TrendingUp} title="No history to forecast from" description="Forecasts appear once school terms with consented children or payments have been completed." />
      ) : (
        <div className="flex flex-col gap-5">
          <AiNarrative text={data.narrative} provider={data.provider} model={data.model} generatedAt={data.generatedAt} testId="forecast-narrative" />
          <div className="grid gap-5 lg:grid-cols-2">
            <SeriesChart data={data} measure="enrollment" />
            <SeriesChart data={data} measure="spend" />
          </div>
          {cost && cost.enoughHistory && cost.terms.length > 0 ? (
            <div className="overflow-x-auto">
              <table className="w-full text-sm" data-testid="forecast-cost-table">
                <caption className="pb-2 text-left text-sm font-semibold text-fg">Cost per outcome ({data.outcomeDefinition})</caption>
                <thead>
                  <tr className="text-left text-xs text-fg-subtle">
                    <th scope="col" className="py-1 pr-3 font-medium">Term</th>
                    <th scope="col" className="py-1 pr-3 font-medium">Estimate</th>
                    <th scope="col" className="py-1 font-medium">{Math.round(data.coverage * 100)}% interval</th>
                  </tr>
                </thead>
                <tbody>
                  {cost.terms.map((t) => (
                    <tr key={t.label} className="border-t border-line">
                      <td className="py-1.5 pr-3">{t.label}</td>
                      <td className="py-1.5 pr-3 tabular-nums">{money(t.estimate, data.currency)}</td>
                      <td className="py-1.5 tabular-nums">{money(t.lower, data.currency)} – {money(t.upper, data.currency)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <p className="text-sm text-fg-muted" data-testid="forecast-cost-not-enough">Not enough history of learners to forecast the cost per outcome yet.</p>
          )}
        </div>
      )}
    </PartnerBentoCard>
  );
}

function money(value: number, currency: string) {
  return `${currency} ${new Intl.NumberFormat('en-KE', { maximumFractionDigits: 0 }).format(value)}`;
}
