import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api';
import type { Paged, PendingProgram, ProgramStatus } from '@/types/partner';

// Admin · Sponsorships (GET /api/v1/admin/sponsorship-programs, approve, reject).

export type AdminProgram = PendingProgram['program'];

export interface AdminProgramFilter {
  status: ProgramStatus;
  page?: number;
  pageSize?: number;
}

export const adminProgramKeys = {
  all: ['admin', 'sponsorship-programs'] as const,
  lists: () => [...adminProgramKeys.all, 'list'] as const,
  list: (filter: AdminProgramFilter) => [...adminProgramKeys.lists(), filter] as const,
  pendingCount: () => [...adminProgramKeys.all, 'pending-count'] as const,
};

const BASE = '/api/v1/admin/sponsorship-programs';

export function getAdminPrograms(filter: AdminProgramFilter, signal?: AbortSignal): Promise<Paged<PendingProgram>> {
  const params = new URLSearchParams({ status: filter.status });
  if (filter.page) params.set('page', String(filter.page));
  if (filter.pageSize) params.set('pageSize', String(filter.pageSize));
  return api.get<Paged<PendingProgram>>(`${BASE}?${params}`, { signal });
}

export function approveProgram(id: string): Promise<AdminProgram> {
  return api.post<AdminProgram>(`${BASE}/${encodeURIComponent(id)}/approve`);
}

export function rejectProgram(id: string, reason: string): Promise<AdminProgram> {
  return api.post<AdminProgram>(`${BASE}/${encodeURIComponent(id)}/reject`, { reason });
}

export const adminProgramsQueryOptions = (filter: AdminProgramFilter) =>
  queryOptions({
    queryKey: adminProgramKeys.list(filter),
    queryFn: ({ signal }) => getAdminPrograms(filter, signal),
    placeholderData: keepPreviousData,
  });

/** Programs waiting for approval (one row fetched; `total` is the count). */
export const pendingProgramCountQueryOptions = () =>
  queryOptions({
    queryKey: adminProgramKeys.pendingCount(),
    queryFn: async ({ signal }) => (await getAdminPrograms({ status: 'PENDING_APPROVAL', pageSize: 1 }, signal)).total,
  });

export function useAdminPrograms(filter: AdminProgramFilter) {
  return useQuery(adminProgramsQueryOptions(filter));
}

export function usePendingProgramCount(enabled = true) {
  return useQuery({ ...pendingProgramCountQueryOptions(), enabled });
}

function useInvalidatePrograms() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: adminProgramKeys.all });
}

export function useApproveProgram() {
  const invalidate = useInvalidatePrograms();
  return useMutation({
    mutationFn: (id: string) => approveProgram(id),
    // The review dialog shows the refusal (min_children_not_met, invalid_transition) itself.
    meta: { silentError: true },
    onSuccess: invalidate,
  });
}

export function useRejectProgram() {
  const invalidate = useInvalidatePrograms();
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) => rejectProgram(id, reason),
    meta: { silentError: true },
    onSuccess: invalidate,
  });
}
