import { useMemo } from 'react';
import { TrendingUp } from 'lucide-react';
import { PartnerBentoCard, PartnerEmptyState, PartnerLoadingSkeleton } from '@/components/partner/shared';
import { QueryErrorState } from '@/components/partner/sponsorships/QueryErrorState';
import { normaliseCohorts, useCohorts } from '@/services/partner/enrollments';
import type { ProgramResponse } from '@/types/partner';
import { CohortChart } from './CohortChart';
import { CohortTable } from './CohortTable';
import { shortLabel } from '@/lib/short-label';
import { urlParam, useUrlState } from '@/lib/use-url-state';

const COHORT_URL = { cohortProgram: urlParam.string() };

/** Children per status at the end of each week for the last 12 weeks, for one program or all of them. */
export function CohortTrackingCard({ programs }: { programs: ProgramResponse[] }) {
  const [{ cohortProgram }, setUrl] = useUrlState(COHORT_URL);
  const cohorts = useCohorts(cohortProgram, 12);
  const cohortData = useMemo(() => normaliseCohorts(cohorts.data), [cohorts.data]);

  return (
    <PartnerBentoCard
      title="Cohort tracking"
      description="Children per status at the end of each week, last 12 weeks"
      icon={TrendingUp}
      colSpan={4}
      testId="cohort-card"
    >
      <div className="mb-3 flex items-center gap-2">
        <label htmlFor="cohort-program" className="text-xs text-fg-subtle">
          Program
        </label>
        <select id="cohort-program" className="input min-w-0 flex-1 py-1.5 sm:w-auto sm:max-w-xs sm:flex-none" value={cohortProgram} onChange={(e) => setUrl({ cohortProgram: e.target.value })} data-testid="cohort-program">
          <option value="">All programs</option>
          {programs.map((p) => (
            <option key={p.id} value={p.id} title={p.name}>
              {shortLabel(p.name, 48)}
            </option>
          ))}
        </select>
      </div>
      {cohorts.isPending ? (
        <PartnerLoadingSkeleton variant="chart" label="Loading cohort tracking" />
      ) : cohorts.isError ? (
        <QueryErrorState compact title="We couldn’t load cohort tracking" error={cohorts.error} onRetry={() => void cohorts.refetch()} retrying={cohorts.isFetching} />
      ) : cohortData.every((p) => p.weeks.every((w) => w.enrolled + w.removed === 0)) ? (
        <PartnerEmptyState compact title="No children enrolled yet" description="Once children join a program, their path through consent shows here week by week." />
      ) : (
        <>
          <CohortChart programs={cohortData} />
          <CohortTable programs={cohortData} />
        </>
      )}
    </PartnerBentoCard>
  );
}
