import { Suspense, useEffect, useId, useState } from 'react';
import { Link, useParams } from 'react-router';
import { SearchX } from 'lucide-react';
import { PartnerEmptyState, PartnerLoadingSkeleton, PartnerPageHeader, TruncatedText, preloadPartnerChart } from '@/components/partner/shared';
import { preloadChildCharts } from '@/components/partner/children/lazy-charts';
import { AchievementsView } from '@/components/partner/children/AchievementsView';
import { ActivityTab } from '@/components/partner/children/ActivityView';
import { ChildHeaderCard } from '@/components/partner/children/ChildHeaderCard';
import { ChildLeaveButton, ChildLeftNotice } from '@/components/partner/children/ChildLeaveAction';
import { ChildTabs } from '@/components/partner/children/ChildTabs';
import { ChildViewState } from '@/components/partner/children/ChildViewState';
import { GoalsView } from '@/components/partner/children/GoalsView';
import { LearningJourneyView } from '@/components/partner/children/LearningJourneyView';
import { QueryErrorState } from '@/components/partner/sponsorships/QueryErrorState';
import { lazyPage } from '@/app/lazy-page';
import { isApiError } from '@/lib/api';
import { urlParam, useUrlState } from '@/lib/use-url-state';
import { useChild, useChildAchievements, useChildGoals, useChildInsights, useChildProgress } from '@/services/partner/children';
import { useChildTimeline } from '@/services/partner/child-timeline';
import { usePartnerPermissions } from '@/services/partner/team';
import { usePartnerStore } from '@/store/partnerStore';
import type { ChildHeader, LeaveResponse } from '@/types/partner';

// The tabs a visit opens least (AI insights, the timeline, the alert thresholds) load when they are opened: the page
// with its charts is at its budget (scripts/bundle-budget.mjs, ON_DEMAND).
const AlertThresholdsCard = lazyPage(async () => ({ default: (await import('@/components/partner/alerts/AlertThresholdsCard')).AlertThresholdsCard }));
const InsightsView = lazyPage(async () => ({ default: (await import('@/components/partner/children/InsightsView')).InsightsView }));
const ChildTimelineView = lazyPage(async () => ({ default: (await import('@/components/partner/children/ChildTimeline')).ChildTimelineView }));

// The charts' code (the Learning Journey and Activity tabs draw them) loads with the child's data, not after it.
preloadPartnerChart();
preloadChildCharts();

export const CHILD_TABS = [
  { key: 'learning-journey', label: 'Learning Journey' },
  { key: 'activity', label: 'Activity' },
  { key: 'achievements', label: 'Achievements' },
  { key: 'goals', label: 'Goals' },
  { key: 'ai-insights', label: 'AI Insights' },
  { key: 'timeline', label: 'Timeline' },
  { key: 'alerts', label: 'Alerts' },
] as const;

type TabKey = (typeof CHILD_TABS)[number]['key'];
const CHILD_URL = { tab: urlParam.oneOf<TabKey>(CHILD_TABS.map((t) => t.key), 'learning-journey') };

const crumbs = (name: string) => [
  { label: 'Dashboard', to: '/dashboard/partner' },
  { label: 'Sponsored Children', to: '/dashboard/partner/sponsored-children' },
  { label: name },
];

/** `/dashboard/partner/sponsored-children/:id`: one child's dashboard, a tab per view (`?tab=`). */
export default function ChildProgressPage() {
  const { id = '' } = useParams();
  const [{ tab }, setUrl] = useUrlState(CHILD_URL);
  const child = useChild(id);
  const selectChild = usePartnerStore((s) => s.selectChild);
  const idPrefix = useId();
  // What the leave answered, shown until the partner moves to another child.
  const [left, setLeft] = useState<{ id: string; result: LeaveResponse } | null>(null);

  useEffect(() => {
    selectChild(id);
  }, [id, selectChild]);

  const setTab = (key: string) => setUrl({ tab: key as TabKey });

  if (child.isPending)
    return (
      <>
        <PartnerPageHeader title="Child progress" breadcrumbs={crumbs('Child')} />
        <PartnerLoadingSkeleton variant="cards" count={4} label="Loading the child’s page" />
      </>
    );

  if (child.isError) {
    const notFound = isApiError(child.error) && child.error.status === 404;
    return (
      <>
        <PartnerPageHeader title="Child progress" breadcrumbs={crumbs('Child')} />
        {notFound ? (
          <PartnerEmptyState
            icon={SearchX}
            title="Child not found"
            description="This child is not one of the children you sponsor."
            action={
              <Link to="/dashboard/partner/sponsored-children" className="btn-secondary">
                Back to your children
              </Link>
            }
            testId="child-not-found"
          />
        ) : (
          <QueryErrorState title="We couldn’t load this child" error={child.error} onRetry={() => void child.refetch()} retrying={child.isFetching} />
        )}
      </>
    );
  }

  const c = child.data;
  return (
    <>
      <PartnerPageHeader
        title={c.displayName}
        description={<TruncatedText lines={2} text={`Sponsored through ${c.programName}`} />}
        breadcrumbs={crumbs(c.displayName)}
        actions={
          <ChildLeaveButton
            child={c}
            onLeft={(result) => {
              setLeft({ id: c.id, result });
              // The leaving is the newest entry of the child's story.
              setTab('timeline');
            }}
          />
        }
      />
      <div className="flex flex-col gap-5">
        {left?.id === c.id && <ChildLeftNotice child={c} result={left.result} />}
        <ChildHeaderCard child={c} />
        <ChildTabs tabs={[...CHILD_TABS]} active={tab} onChange={setTab} idPrefix={idPrefix} />
        <div role="tabpanel" id={`${idPrefix}-panel-${tab}`} aria-labelledby={`${idPrefix}-tab-${tab}`} data-testid={`panel-${tab}`}>
          <TabPanel tab={tab} child={c} />
        </div>
      </div>
    </>
  );
}

function TabPanel({ tab, child }: { tab: TabKey; child: ChildHeader }) {
  switch (tab) {
    case 'learning-journey':
      return <JourneyTab child={child} />;
    case 'activity':
      return <ActivityTab child={child} />;
    case 'achievements':
      return <AchievementsTab child={child} />;
    case 'goals':
      return <GoalsTab child={child} />;
    case 'ai-insights':
      return <InsightsTab child={child} />;
    case 'timeline':
      return <TimelineTab child={child} />;
    case 'alerts':
      return <AlertsTab child={child} />;
  }
}

function JourneyTab({ child }: { child: ChildHeader }) {
  const query = useChildProgress(child.id);
  return (
    <ChildViewState query={query} child={child} what="learning journey">
      {(journey) => <LearningJourneyView journey={journey} />}
    </ChildViewState>
  );
}

function AchievementsTab({ child }: { child: ChildHeader }) {
  const query = useChildAchievements(child.id);
  return (
    <ChildViewState query={query} child={child} what="achievements">
      {(data) => <AchievementsView achievements={data} />}
    </ChildViewState>
  );
}

function GoalsTab({ child }: { child: ChildHeader }) {
  const query = useChildGoals(child.id);
  return (
    <ChildViewState query={query} child={child} what="goals">
      {(data) => <GoalsView childId={child.id} data={data} />}
    </ChildViewState>
  );
}

function InsightsTab({ child }: { child: ChildHeader }) {
  const query = useChildInsights(child.id);
  return (
    <ChildViewState query={query} child={child} what="insights">
      {(data) => (
        <Suspense fallback={<PartnerLoadingSkeleton variant="lines" count={4} label="Loading the insights" />}>
          <InsightsView insights={data} />
        </Suspense>
      )}
    </ChildViewState>
  );
}

function TimelineTab({ child }: { child: ChildHeader }) {
  const [page, setPage] = useState(1);
  const query = useChildTimeline(child.id, page);
  return (
    <ChildViewState query={query} child={child} what="timeline">
      {(data) => (
        <Suspense fallback={<PartnerLoadingSkeleton variant="lines" count={4} label="Loading the timeline" />}>
          <ChildTimelineView data={data} onPage={setPage} />
        </Suspense>
      )}
    </ChildViewState>
  );
}

/** The child's own alert thresholds over its program's, and a way to its alerts. Thresholds are not learning data: no consent needed. */
function AlertsTab({ child }: { child: ChildHeader }) {
  const { changePrograms } = usePartnerPermissions();
  return (
    <div className="flex flex-col gap-3">
      <Suspense fallback={<PartnerLoadingSkeleton variant="lines" count={3} label="Loading the thresholds" />}>
        <AlertThresholdsCard scope="children" id={child.id} canChange={changePrograms} />
      </Suspense>
      <Link to={`/dashboard/partner/alerts?child=${child.id}`} className="self-start text-sm text-brand-text hover:underline" data-testid="child-alerts-link">
        See {child.displayName}’s alerts
      </Link>
    </div>
  );
}
