import { infiniteQueryOptions, keepPreviousData, queryOptions, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api';
import { toQuery } from '@/lib/query-string';
import type {
  AchievementList,
  ActivityPeriod,
  ActivitySummary,
  ChildGoalInput,
  ChildGoalsResponse,
  ChildHeader,
  ChildCohortsResponse,
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

/** The list's filters and sort, without paging: the infinite list asks for one page after another. */
export type ChildFeedParams = Omit<ChildListParams, 'page' | 'pageSize'>;

/**
 * Every child that matches, a page at a time as the list scrolls (the server pages and filters; 10,000 children
 * never arrive at once). The next page is asked for while there are more than the pages loaded so far.
 */
export const childFeedQueryOptions = (params: ChildFeedParams, pageSize: number) =>
  infiniteQueryOptions({
    queryKey: [...sponsorshipKeys.children(), 'feed', params, pageSize] as const,
    queryFn: ({ signal, pageParam }) => getChildren({ ...params, page: pageParam, pageSize }, signal),
    initialPageParam: 1,
    getNextPageParam: (last, pages) => (pages.length * pageSize < last.total && last.items.length > 0 ? last.page + 1 : undefined),
    placeholderData: keepPreviousData,
  });

export function useChildFeed(params: ChildFeedParams, pageSize: number, enabled = true) {
  return useInfiniteQuery({ ...childFeedQueryOptions(params, pageSize), enabled });
}

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

/** The filters of the cohort figures: the list's, without sorting or paging. */
export type ChildCohortParams = Omit<ChildListParams, 'page' | 'pageSize' | 'sort' | 'descending'>;

/** The cohort view's figures per program, computed by the server over every matching child (not a page of them). */
export const getChildCohorts = (params: ChildCohortParams, signal?: AbortSignal) =>
  api.get<ChildCohortsResponse>(`${BASE}/by-program${toQuery({ ...params })}`, { signal });

export const childCohortsQueryOptions = (params: ChildCohortParams) =>
  queryOptions({
    queryKey: [...sponsorshipKeys.children(), 'by-program', params] as const,
    queryFn: ({ signal }) => getChildCohorts(params, signal),
    placeholderData: keepPreviousData,
  });

export function useChildCohorts(params: ChildCohortParams, enabled = true) {
  return useQuery({ ...childCohortsQueryOptions(params), enabled });
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
