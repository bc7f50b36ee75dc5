import { queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api';
import type { AiHighlightsResponse, PartnerDashboardOverview, ServerCounters } from '@/types/partner';

// Partner · Dashboard (GET /api/v1/partner/dashboard/*).

export const dashboardKeys = {
  all: ['partner', 'dashboard'] as const,
  overview: () => [...dashboardKeys.all, 'overview'] as const,
  counters: () => [...dashboardKeys.all, 'counters'] as const,
  aiHighlights: () => [...dashboardKeys.all, 'ai-highlights'] as const,
};

export function getDashboardOverview(signal?: AbortSignal): Promise<PartnerDashboardOverview> {
  return api.get<PartnerDashboardOverview>('/api/v1/partner/dashboard/overview', { signal });
}

export function getRealtimeCounters(signal?: AbortSignal): Promise<ServerCounters> {
  return api.get<ServerCounters>('/api/v1/partner/dashboard/counters', { signal });
}

export const dashboardOverviewQueryOptions = () =>
  queryOptions({
    queryKey: dashboardKeys.overview(),
    queryFn: ({ signal }) => getDashboardOverview(signal),
  });

export const realtimeCountersQueryOptions = () =>
  queryOptions({
    queryKey: dashboardKeys.counters(),
    queryFn: ({ signal }) => getRealtimeCounters(signal),
    // Badges are not worth a toast when they fail; the sidebar just shows none.
    meta: { silentError: true },
  });

/**
 * Asks for the overview as the app starts on the dashboard, beside the session check rather than after it (issue 15:
 * the dashboard's first render). A signed-out visitor's 401 (or another role's 403) is no news here: no toast and no
 * sign-out; the session check sends them on, and the page asks again if it shows.
 */
export function prefetchDashboardOverview(queryClient: QueryClient) {
  void queryClient.prefetchQuery({ ...dashboardOverviewQueryOptions(), meta: { silentError: true, skipAuthRedirect: true } });
}

export function useDashboardOverview() {
  return useQuery(dashboardOverviewQueryOptions());
}

export function useRealtimeCountersQuery(enabled = true) {
  return useQuery({ ...realtimeCountersQueryOptions(), enabled });
}

export function getAiHighlights(signal?: AbortSignal): Promise<AiHighlightsResponse> {
  return api.get<AiHighlightsResponse>('/api/v1/partner/dashboard/ai-highlights', { signal });
}

/** The day's AI highlights: written once a day on the server, so an hour in the browser's cache is plenty. */
export function useAiHighlights() {
  return useQuery({ queryKey: dashboardKeys.aiHighlights(), queryFn: ({ signal }) => getAiHighlights(signal), staleTime: 60 * 60_000 });
}
