import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api';
import type { StudentFilterOptions } from '@/types/partner';
import { SPONSORSHIPS_BASE } from './sponsorship-keys';

// Partner · Partnerships · What the filters offer (GET /api/v1/partner/sponsorships/filter-options):
// counties, grades, learning needs and schools come from the server, so the front end keeps no fixed lists.

export const filterOptionKeys = { all: ['partner', 'filter-options'] as const };

export const getFilterOptions = (signal?: AbortSignal) => api.get<StudentFilterOptions>(`${SPONSORSHIPS_BASE}/filter-options`, { signal });

export const filterOptionsQueryOptions = () =>
  queryOptions({
    queryKey: filterOptionKeys.all,
    queryFn: ({ signal }) => getFilterOptions(signal),
    // A vocabulary, not live data: an hour is fresh enough.
    staleTime: 60 * 60 * 1000,
  });

export function useFilterOptions() {
  return useQuery(filterOptionsQueryOptions());
}
