import { useEffect } from 'react';
import { RefreshCw, TriangleAlert } from 'lucide-react';
import { PartnerBentoGrid, PartnerEmptyState, PartnerLoadingSkeleton, PartnerPageHeader, preloadPartnerChart } from '@/components/partner/shared';
import { DashboardStats } from '@/components/partner/dashboard/DashboardStats';
import { ProgramsByStatusCard } from '@/components/partner/dashboard/ProgramsByStatusCard';
import { ChildrenByStatusCard } from '@/components/partner/dashboard/ChildrenByStatusCard';
import { BillingSummaryCard } from '@/components/partner/dashboard/BillingSummaryCard';
import { QuickLinksCard } from '@/components/partner/dashboard/QuickLinksCard';
import { AiHighlightsCard } from '@/components/partner/dashboard/AiHighlightsCard';
import { OnboardingChecklist } from '@/components/partner/profile/OnboardingChecklist';
import { StatusBreakdownCard } from '@/components/partner/dashboard/StatusBreakdownCard';
import { cn } from '@/lib/cn';
import { formatTime } from '@/lib/format';
import { useCurrentUser } from '@/services/auth';
import { useDashboardOverview } from '@/services/partner/dashboard';
import { knownCounters, usePartnerStore } from '@/store/partnerStore';

// The two charts' code loads while the overview is on its way, not once it has come and the cards render.
preloadPartnerChart();

/** `/dashboard/partner`: the partnership overview (plan Step 10). */
export default function PartnerDashboardPage() {
  const { data: user } = useCurrentUser();
  const overview = useDashboardOverview();
  const setCounters = usePartnerStore((s) => s.setCounters);

  // The overview carries the counters too; the sidebar badges start from them.
  useEffect(() => {
    if (overview.data) setCounters(knownCounters(overview.data.counters));
  }, [overview.data, setCounters]);

  const header = (
    <PartnerPageHeader
      title="Partnership overview"
      description={user ? `Welcome back, ${user.displayName}. Here is where your sponsorships stand today.` : 'Where your sponsorships stand today.'}
      breadcrumbs={[{ label: 'Dashboard', to: '/dashboard/partner' }, { label: 'Overview' }]}
      actions={
        overview.data && (
          <>
            <span className="text-xs text-fg-subtle" data-testid="generated-at">
              Updated {formatTime(overview.data.generatedAt)}
            </span>
            <button type="button" className="btn-secondary" onClick={() => void overview.refetch()} disabled={overview.isFetching}>
              <RefreshCw className={cn('size-4', overview.isFetching && 'animate-spin')} aria-hidden="true" />
              Refresh
            </button>
          </>
        )
      }
    />
  );

  if (overview.isPending) {
    return (
      <>
        {header}
        <div className="flex flex-col gap-6">
          <PartnerLoadingSkeleton variant="stats" count={7} label="Loading your dashboard" />
          <PartnerLoadingSkeleton variant="cards" count={4} label="Loading dashboard cards" />
        </div>
      </>
    );
  }

  if (overview.isError) {
    return (
      <>
        {header}
        <div role="alert" data-testid="dashboard-error">
          <PartnerEmptyState
            icon={TriangleAlert}
            title="We couldn’t load your dashboard"
            description={overview.error.message}
            action={
              <button type="button" className="btn-primary" onClick={() => void overview.refetch()} disabled={overview.isFetching}>
                <RefreshCw className={cn('size-4', overview.isFetching && 'animate-spin')} aria-hidden="true" />
                Try again
              </button>
            }
          />
        </div>
      </>
    );
  }

  const data = overview.data;
  return (
    <>
      {header}
      <div className="flex flex-col gap-6">
        <OnboardingChecklist />
        <DashboardStats overview={data} />
        <PartnerBentoGrid>
          <AiHighlightsCard />
          <ProgramsByStatusCard programs={data.programs} />
          <ChildrenByStatusCard children={data.children} />
          <BillingSummaryCard billing={data.billing} />
          <StatusBreakdownCard programs={data.programs} children={data.children} />
          <QuickLinksCard links={data.quickLinks} />
        </PartnerBentoGrid>
      </div>
    </>
  );
}
