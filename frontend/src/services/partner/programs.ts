import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, isApiError } from '@/lib/api';
import { toQuery } from '@/lib/query-string';
import type { AddChildrenResponse, PagedPrograms, ProgramAction, ProgramRequest, ProgramResponse, RefusedStudent } from '@/types/partner';
import { invalidateProgramData, SPONSORSHIPS_BASE, sponsorshipKeys, type ProgramListParams } from './sponsorship-keys';

// Partner · Partnerships · Programs (/api/v1/partner/sponsorships/programs/*): list, detail, create,
// update, status actions, and adding or removing children.

export type { ProgramListParams } from './sponsorship-keys';

const BASE = `${SPONSORSHIPS_BASE}/programs`;

export const getPrograms = (params: ProgramListParams, signal?: AbortSignal) => api.get<PagedPrograms>(`${BASE}${toQuery({ ...params })}`, { signal });

export const getProgram = (id: string, signal?: AbortSignal) => api.get<ProgramResponse>(`${BASE}/${id}`, { signal });

export const createProgram = (body: ProgramRequest) => api.post<ProgramResponse>(BASE, body);

export const updateProgram = (id: string, body: ProgramRequest) => api.put<ProgramResponse>(`${BASE}/${id}`, body);

export const changeProgramStatus = (id: string, action: ProgramAction) => api.post<ProgramResponse>(`${BASE}/${id}/${action}`, {});

export const addChildren = (programId: string, studentIds: string[]) => api.post<AddChildrenResponse>(`${BASE}/${programId}/children`, { studentIds });

export const removeChild = (programId: string, studentId: string) => api.delete<ProgramResponse>(`${BASE}/${programId}/children/${studentId}`);

export const programsQueryOptions = (params: ProgramListParams) =>
  queryOptions({
    queryKey: sponsorshipKeys.programList(params),
    queryFn: ({ signal }) => getPrograms(params, signal),
    placeholderData: keepPreviousData,
  });

export const programQueryOptions = (id: string) =>
  queryOptions({
    queryKey: sponsorshipKeys.program(id),
    queryFn: ({ signal }) => getProgram(id, signal),
    // The page shows a not-found state itself.
    meta: { silentError: true },
  });

export function usePrograms(params: ProgramListParams) {
  return useQuery(programsQueryOptions(params));
}

export function useProgram(id: string) {
  return useQuery(programQueryOptions(id));
}

/** Create; field errors (400) are shown under the form's fields, so no toast. */
export function useCreateProgram() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createProgram,
    meta: { silentError: true },
    onSuccess: (program) => {
      queryClient.setQueryData(sponsorshipKeys.program(program.id), program);
      invalidateProgramData(queryClient);
    },
  });
}

export function useUpdateProgram(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ProgramRequest) => updateProgram(id, body),
    meta: { silentError: true },
    onSuccess: (program) => {
      queryClient.setQueryData(sponsorshipKeys.program(id), program);
      invalidateProgramData(queryClient, id);
    },
  });
}

/** submit, pause, resume, complete, cancel: a 409 is explained by the page, so no toast. */
export function useProgramAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action }: { id: string; action: ProgramAction }) => changeProgramStatus(id, action),
    meta: { silentError: true },
    onSuccess: (program) => {
      queryClient.setQueryData(sponsorshipKeys.program(program.id), program);
      invalidateProgramData(queryClient, program.id);
    },
    // A refused transition may mean the status moved meanwhile: show the current one.
    onError: (_error, { id }) => void queryClient.invalidateQueries({ queryKey: sponsorshipKeys.program(id) }),
  });
}

export function useAddChildren(programId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (studentIds: string[]) => addChildren(programId, studentIds),
    meta: { silentError: true },
    onSuccess: () => invalidateProgramData(queryClient, programId),
  });
}

export function useRemoveChild(programId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (studentId: string) => removeChild(programId, studentId),
    meta: { silentError: true },
    onSuccess: (program) => {
      queryClient.setQueryData(sponsorshipKeys.program(programId), program);
      invalidateProgramData(queryClient, programId);
    },
  });
}

// ---------------------------------------------------------------------------------------------
// Reading the API's refusals
// ---------------------------------------------------------------------------------------------

/** 422 children_refused: each refused student id with its reason. */
export function refusedStudents(error: unknown): RefusedStudent[] {
  if (!isApiError(error) || error.code !== 'children_refused') return [];
  const refused = error.problem.refused;
  if (!Array.isArray(refused)) return [];
  return refused.filter(
    (r): r is RefusedStudent => !!r && typeof r === 'object' && typeof (r as RefusedStudent).studentId === 'string',
  );
}

/** 409 min_children_not_met: the minimum, how many are enrolled, and how many are missing. */
export function minChildrenNotMet(error: unknown): { minChildren: number | null; enrolled: number | null; missing: number | null; message: string } | null {
  if (!isApiError(error) || error.code !== 'min_children_not_met') return null;
  const num = (v: unknown) => (typeof v === 'number' ? v : null);
  return {
    minChildren: num(error.problem.minChildren),
    enrolled: num(error.problem.enrolled),
    missing: num(error.problem.missing),
    message: error.detail ?? error.message,
  };
}
