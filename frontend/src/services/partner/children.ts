import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api';
import { toQuery } from '@/lib/query-string';
import type {
  AchievementList,
  ActivityPeriod,
  ActivitySummary,
  ChildGoalInput,
  ChildGoalsResponse,
  ChildHeader,
  ChildInsightsResponse,
  LearningJourney,
  PagedSponsoredChildren,
} from '@/types/partner';
import { SPONSORSHIPS_BASE, sponsorshipKeys, type ChildListParams } from './sponsorship-keys';

// Partner · Partnerships · Sponsored children (/api/v1/partner/sponsorships/children/*): the list, each
// child's header, its five views (progress, activity, achievements, goals, AI insights) and its goals.

export type { ChildListParams, ChildView } from './sponsorship-keys';

const BASE = `${SPONSORSHIPS_BASE}/children`;

export const getChildren = (params: ChildListParams, signal?: AbortSignal) =>
  api.get<PagedSponsoredChildren>(`${BASE}${toQuery({ ...params })}`, { signal });

export const getChild = (id: string, signal?: AbortSignal) => api.get<ChildHeader>(`${BASE}/${id}`, { signal });

export const getChildProgress = (id: string, signal?: AbortSignal) => api.get<LearningJourney>(`${BASE}/${id}/progress`, { signal });

export const getChildActivity = (id: string, period: ActivityPeriod, signal?: AbortSignal) =>
  api.get<ActivitySummary>(`${BASE}/${id}/activity${toQuery({ period })}`, { signal });

export const getChildAchievements = (id: string, signal?: AbortSignal) => api.get<AchievementList>(`${BASE}/${id}/achievements`, { signal });

export const getChildGoals = (id: string, signal?: AbortSignal) => api.get<ChildGoalsResponse>(`${BASE}/${id}/goals`, { signal });

export const setChildGoals = (id: string, goals: ChildGoalInput[]) => api.put<ChildGoalsResponse>(`${BASE}/${id}/goals`, { goals });

export const getChildInsights = (id: string, signal?: AbortSignal) => api.get<ChildInsightsResponse>(`${BASE}/${id}/ai-insights`, { signal });

export const childrenQueryOptions = (params: ChildListParams) =>
  queryOptions({
    queryKey: sponsorshipKeys.childList(params),
    queryFn: ({ signal }) => getChildren(params, signal),
    placeholderData: keepPreviousData,
  });

export const childQueryOptions = (id: string) =>
  queryOptions({ queryKey: sponsorshipKeys.child(id), queryFn: ({ signal }) => getChild(id, signal), meta: { silentError: true } });

// The views answer 403 consent_required without consent; the page explains it, so no toast.
export const childProgressQueryOptions = (id: string) =>
  queryOptions({ queryKey: sponsorshipKeys.childView(id, 'progress'), queryFn: ({ signal }) => getChildProgress(id, signal), meta: { silentError: true } });

export const childActivityQueryOptions = (id: string, period: ActivityPeriod) =>
  queryOptions({
    queryKey: sponsorshipKeys.childView(id, 'activity', period),
    queryFn: ({ signal }) => getChildActivity(id, period, signal),
    placeholderData: keepPreviousData,
    meta: { silentError: true },
  });

export const childAchievementsQueryOptions = (id: string) =>
  queryOptions({
    queryKey: sponsorshipKeys.childView(id, 'achievements'),
    queryFn: ({ signal }) => getChildAchievements(id, signal),
    meta: { silentError: true },
  });

export const childGoalsQueryOptions = (id: string) =>
  queryOptions({ queryKey: sponsorshipKeys.childView(id, 'goals'), queryFn: ({ signal }) => getChildGoals(id, signal), meta: { silentError: true } });

export const childInsightsQueryOptions = (id: string) =>
  queryOptions({
    queryKey: sponsorshipKeys.childView(id, 'ai-insights'),
    queryFn: ({ signal }) => getChildInsights(id, signal),
    meta: { silentError: true },
  });

/** The most children the cohort view loads at once (five pages of 100). */
export const COHORT_LIMIT = 500;

/** Every child matching the filters, up to {@link COHORT_LIMIT}, for the cohort view's per-program summaries. */
export async function getAllChildren(params: Omit<ChildListParams, 'page' | 'pageSize'>, signal?: AbortSignal): Promise<PagedSponsoredChildren> {
  const items: PagedSponsoredChildren['items'] = [];
  let total = 0;
  for (let page = 1; items.length < COHORT_LIMIT; page++) {
    const answer = await getChildren({ ...params, page, pageSize: 100 }, signal);
    total = answer.total;
    items.push(...answer.items);
    if (items.length >= total || answer.items.length === 0) break;
  }
  return { items: items.slice(0, COHORT_LIMIT), page: 1, pageSize: COHORT_LIMIT, total };
}

export function useAllChildren(params: Omit<ChildListParams, 'page' | 'pageSize'>, enabled = true) {
  return useQuery({
    queryKey: [...sponsorshipKeys.children(), 'all', params] as const,
    queryFn: ({ signal }) => getAllChildren(params, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useChildren(params: ChildListParams) {
  return useQuery(childrenQueryOptions(params));
}

export function useChild(id: string) {
  return useQuery(childQueryOptions(id));
}

export function useChildProgress(id: string) {
  return useQuery(childProgressQueryOptions(id));
}

export function useChildActivity(id: string, period: ActivityPeriod) {
  return useQuery(childActivityQueryOptions(id, period));
}

export function useChildAchievements(id: string) {
  return useQuery(childAchievementsQueryOptions(id));
}

export function useChildGoals(id: string) {
  return useQuery(childGoalsQueryOptions(id));
}

export function useChildInsights(id: string) {
  return useQuery(childInsightsQueryOptions(id));
}

export function useSetChildGoals(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (goals: ChildGoalInput[]) => setChildGoals(id, goals),
    meta: { silentError: true },
    onSuccess: (goals) => {
      queryClient.setQueryData(sponsorshipKeys.childView(id, 'goals'), goals);
      // Goals at risk feed the early warnings.
      void queryClient.invalidateQueries({ queryKey: sponsorshipKeys.childView(id, 'ai-insights') });
    },
  });
}
