import { RefreshCw, Sparkles, TriangleAlert } from 'lucide-react';
import { ForecastPanel } from '@/components/partner/analytics/ForecastPanel';
import { PartnerBentoCard, PartnerEmptyState, PartnerLoadingSkeleton, PartnerPageHeader, preloadPartnerChart } from '@/components/partner/shared';
import { AiNarrative, AiProvenanceLine } from '@/components/partner/shared/AiNarrative';
import { useAiHighlights } from '@/services/partner/dashboard';

preloadPartnerChart();

/** The day's AI highlights in full, with who wrote them and when, and the forecasts for the next school terms. */
export default function AIHighlightsPage() {
  const highlights = useAiHighlights();
  const data = highlights.data;
  return (
    <div className="flex flex-col gap-6">
      <PartnerPageHeader
        title="AI Highlights"
        description="Daily insights across your programs and forecasts for the next school terms. Figures are computed from consented children's records; AI only writes the words."
        breadcrumbs={[{ label: 'Dashboard', to: '/dashboard/partner' }, { label: 'AI Highlights' }]}
      />
      <PartnerBentoCard
        id="todays-highlights"
        title={data ? `Highlights of ${new Date(`${data.day}T00:00:00`).toLocaleDateString('en-KE', { day: 'numeric', month: 'long', year: 'numeric' })}` : 'Today’s highlights'}
        description="Written once a day from figures over consented children"
        icon={Sparkles}
        colSpan={2}
        testId="highlights-page-card"
        footer={data && data.items.length > 0 ? <AiProvenanceLine provider={data.provider} model={data.model} generatedAt={data.generatedAt} /> : undefined}
      >
        {highlights.isPending ? (
          <PartnerLoadingSkeleton variant="lines" count={4} label="Loading AI highlights" />
        ) : highlights.isError ? (
          <div role="alert" data-testid="highlights-page-error">
            <PartnerEmptyState
              compact
              icon={TriangleAlert}
              title="We couldn’t load today’s highlights"
              description={highlights.error.message}
              action={
                <button type="button" className="btn-secondary" onClick={() => void highlights.refetch()} disabled={highlights.isFetching}>
                  <RefreshCw className="size-4" aria-hidden="true" /> Try again
                </button>
              }
            />
          </div>
        ) : !data || data.items.length === 0 ? (
          <PartnerEmptyState compact icon={Sparkles} title="No highlights today" description="Highlights appear once children with consent are learning." />
        ) : (
          <ol className="flex flex-col gap-3" data-testid="highlights-page-list">
            {data.items.map((item, i) => (
              <li key={i} className="flex gap-3 rounded-lg border border-line p-3" data-testid="highlights-page-item">
                <span className="mt-0.5 flex size-6 shrink-0 items-center justify-center rounded-full bg-violet-500/15 text-xs font-semibold text-violet-300" aria-hidden="true">
                  {i + 1}
                </span>
                <AiNarrative text={item.narrative} provider={data.provider} model={data.model} generatedAt={data.generatedAt} hideProvenance testId="highlights-page-text" />
              </li>
            ))}
          </ol>
        )}
      </PartnerBentoCard>
      <ForecastPanel />
    </div>
  );
}
