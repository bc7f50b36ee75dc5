import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api';
import { toQuery } from '@/lib/query-string';
import type { PagedChildTimeline } from '@/types/partner';
import { SPONSORSHIPS_BASE, sponsorshipKeys } from './sponsorship-keys';

// Partner · Partnerships: a consented child's timeline (GET /children/{id}/timeline), newest first, a page at a time.

export const TIMELINE_PAGE_SIZE = 20;

export const getChildTimeline = (id: string, page: number, signal?: AbortSignal) =>
  api.get<PagedChildTimeline>(`${SPONSORSHIPS_BASE}/children/${id}/timeline${toQuery({ page, pageSize: TIMELINE_PAGE_SIZE })}`, { signal });

export const childTimelineQueryOptions = (id: string, page: number) =>
  queryOptions({
    queryKey: sponsorshipKeys.childView(id, 'timeline', String(page)),
    queryFn: ({ signal }) => getChildTimeline(id, page, signal),
    placeholderData: keepPreviousData,
    meta: { silentError: true },
  });

export function useChildTimeline(id: string, page: number) {
  return useQuery(childTimelineQueryOptions(id, page));
}
