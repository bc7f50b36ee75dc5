import { RefreshCw, Sparkles, TriangleAlert } from 'lucide-react';
import { PartnerBentoCard, PartnerEmptyState, PartnerLoadingSkeleton } from '@/components/partner/shared';
import { AiNarrative, AiProvenanceLine } from '@/components/partner/shared/AiNarrative';
import { useAiHighlights } from '@/services/partner/dashboard';

/** The dashboard's "AI highlights": three to five insights of the day across the partner's programs (consented children only). */
export function AiHighlightsCard() {
  const highlights = useAiHighlights();
  const data = highlights.data;
  return (
    <PartnerBentoCard
      id="ai-highlights"
      title="AI highlights"
      description="Today across your programs, from figures over consented children"
      icon={Sparkles}
      colSpan={2}
      testId="card-ai-highlights"
      footer={data && data.items.length > 0 ? <AiProvenanceLine provider={data.provider} model={data.model} generatedAt={data.generatedAt} /> : undefined}
    >
      {highlights.isPending ? (
        <PartnerLoadingSkeleton variant="lines" count={3} label="Loading AI highlights" />
      ) : highlights.isError ? (
        <div role="alert" data-testid="ai-highlights-error">
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
        <ul className="flex flex-col divide-y divide-line" data-testid="ai-highlights">
          {data.items.map((item, i) => (
            <li key={i} className="py-2.5 first:pt-0 last:pb-0" data-testid="ai-highlight">
              <AiNarrative text={item.narrative} provider={data.provider} model={data.model} generatedAt={data.generatedAt} hideProvenance testId="ai-highlight-text" />
            </li>
          ))}
        </ul>
      )}
    </PartnerBentoCard>
  );
}
