import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api';
import { toQuery } from '@/lib/query-string';
import type { PagedStudentPreviews } from '@/types/partner';
import { SPONSORSHIPS_BASE, sponsorshipKeys, type AvailableStudentParams } from './sponsorship-keys';

// Partner · Partnerships · Students not yet in any of the partner's programs
// (GET /api/v1/partner/sponsorships/available-students).

export type { AvailableStudentParams } from './sponsorship-keys';

export const getAvailableStudents = (params: AvailableStudentParams, signal?: AbortSignal) =>
  api.get<PagedStudentPreviews>(`${SPONSORSHIPS_BASE}/available-students${toQuery({ ...params })}`, { signal });

export const availableStudentsQueryOptions = (params: AvailableStudentParams) =>
  queryOptions({
    queryKey: sponsorshipKeys.availableStudents(params),
    queryFn: ({ signal }) => getAvailableStudents(params, signal),
    placeholderData: keepPreviousData,
  });

export function useAvailableStudents(params: AvailableStudentParams, enabled = true) {
  return useQuery({ ...availableStudentsQueryOptions(params), enabled });
}
