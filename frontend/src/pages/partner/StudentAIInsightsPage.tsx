import { BarChart3, Brain, CalendarRange, Users } from 'lucide-react';
import { BenchmarkCharts } from '@/components/partner/analytics/BenchmarkCharts';
import { TermDashboard } from '@/components/partner/analytics/TermDashboard';
import { InsightsView } from '@/components/partner/children/InsightsView';
import { PartnerBentoCard, PartnerEmptyState, PartnerLoadingSkeleton, PartnerPageHeader, preloadPartnerChart } from '@/components/partner/shared';
import { AiNarrative } from '@/components/partner/shared/AiNarrative';
import { QueryErrorState } from '@/components/partner/sponsorships/QueryErrorState';
import { urlParam, useUrlState } from '@/lib/use-url-state';
import { useBenchmark } from '@/services/partner/analytics-insights';
import { useChildInsights, useChildren } from '@/services/partner/children';
import { usePrograms } from '@/services/partner/programs';

preloadPartnerChart();

const PARAMS = { program: urlParam.string(''), child: urlParam.string('') };

/** Per-child AI insight cards and the program's cohort benchmark: consented children only. */
export default function StudentAIInsightsPage() {
  const [state, setState] = useUrlState(PARAMS);
  const programs = usePrograms({ pageSize: 100 });
  // A running program is where consented children learn: it is the one shown first.
  const programId = state.program || (programs.data?.items.find((p) => p.status === 'ACTIVE') ?? programs.data?.items[0])?.id || '';
  const children = useChildren({ programId: programId || undefined, pageSize: 100 });
  const consented = (children.data?.items ?? []).filter((c) => c.consentStatus === 'given');
  const childId = consented.some((c) => c.id === state.child) ? state.child : '';
  const studentId = consented.find((c) => c.id === childId)?.studentId ?? '';

  return (
    <div className="flex flex-col gap-6">
      <PartnerPageHeader
        title="Student AI Insights"
        description="Insight cards for each consented child and how the program's cohort compares with platform peers of the same grades and counties."
        breadcrumbs={[{ label: 'Dashboard', to: '/dashboard/partner' }, { label: 'Analytics' }, { label: 'Student AI Insights' }]}
      />
      {programs.isPending ? (
        <PartnerLoadingSkeleton variant="lines" count={2} label="Loading programs" />
      ) : programs.isError ? (
        <QueryErrorState title="We couldn’t load your programs" error={programs.error} onRetry={() => void programs.refetch()} retrying={programs.isFetching} />
      ) : programs.data.items.length === 0 ? (
        <PartnerEmptyState icon={Users} title="No programs yet" description="Create a sponsorship program to see insights about its children." />
      ) : (
        <>
          <div className="flex flex-wrap gap-4" data-testid="insights-pickers">
            <label className="flex min-w-56 flex-col gap-1 text-sm">
              <span className="text-fg-muted">Program</span>
              <select className="input" value={programId} onChange={(e) => setState({ program: e.target.value, child: '' })} data-testid="insights-program">
                {programs.data.items.map((p) => (
                  <option key={p.id} value={p.id}>{p.name}</option>
                ))}
              </select>
            </label>
            <label className="flex min-w-56 flex-col gap-1 text-sm">
              <span className="text-fg-muted">Child (consented only)</span>
              <select className="input" value={childId} onChange={(e) => setState({ child: e.target.value })} disabled={consented.length === 0} data-testid="insights-child">
                <option value="">{children.isPending ? 'Loading…' : consented.length === 0 ? 'No consented children' : 'Choose a child'}</option>
                {consented.map((c) => (
                  <option key={c.id} value={c.id}>{`${c.firstName} ${c.lastName}`}</option>
                ))}
              </select>
            </label>
          </div>
          {studentId && (
            <PartnerBentoCard id="child-term" title="This term" description="The child's school term as its progress letter shows it: time, streaks, levels, goals and a short narrative" icon={CalendarRange} colSpan={2} testId="insights-term-card">
              <TermDashboard studentId={studentId} />
            </PartnerBentoCard>
          )}
          <PartnerBentoCard id="child-insights" title="Child insights" description="Learning style, strengths, risks and tips, from the child's computed signals" icon={Brain} colSpan={2} testId="insights-child-card">
            {childId ? <ChildInsights childId={childId} /> : (
              <PartnerEmptyState compact icon={Brain} title="Choose a child" description={consented.length === 0 && !children.isPending ? 'No child in this program has guardian consent yet.' : 'Pick a consented child above to see their insight cards.'} />
            )}
          </PartnerBentoCard>
          <PartnerBentoCard id="cohort-benchmark" title="Cohort benchmarking" description="Your consented children against platform peers, last 12 learning weeks" icon={BarChart3} colSpan={2} testId="insights-benchmark-card">
            <Benchmark programId={programId} />
          </PartnerBentoCard>
        </>
      )}
    </div>
  );
}

function ChildInsights({ childId }: { childId: string }) {
  const insights = useChildInsights(childId);
  if (insights.isPending) return <PartnerLoadingSkeleton variant="lines" count={4} label="Loading child insights" />;
  if (insights.isError) return <QueryErrorState compact title="We couldn’t load this child’s insights" error={insights.error} onRetry={() => void insights.refetch()} retrying={insights.isFetching} />;
  return <InsightsView insights={insights.data} />;
}

function Benchmark({ programId }: { programId: string }) {
  const benchmark = useBenchmark(programId);
  if (benchmark.isPending) return <PartnerLoadingSkeleton variant="lines" count={3} label="Loading the benchmark" />;
  if (benchmark.isError) return <QueryErrorState compact title="We couldn’t load the benchmark" error={benchmark.error} onRetry={() => void benchmark.refetch()} retrying={benchmark.isFetching} testId="benchmark-error" />;
  const data = benchmark.data;
  return (
    <div className="flex flex-col gap-4" data-testid="benchmark">
      <AiNarrative text={data.narrative} provider={data.provider} model={data.model} generatedAt={data.generatedAt} testId="benchmark-narrative" />
      {data.consentedChildren > 0 && (data.engagement || data.learningAreas.length > 0) ? (
        <BenchmarkCharts data={data} />
      ) : (
        <PartnerEmptyState compact icon={BarChart3} title="Nothing to compare yet" description="The benchmark appears once consented children have learning in the last 12 weeks." />
      )}
    </div>
  );
}
