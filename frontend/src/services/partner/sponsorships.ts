import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, isApiError } from '@/lib/api';
import type {
  AchievementList,
  ActivityPeriod,
  ActivitySummary,
  AddChildrenResponse,
  CbcGrade,
  ChildConsentStatus,
  ChildGoalInput,
  ChildGoalsResponse,
  ChildHeader,
  ChildInsightsResponse,
  ChildSort,
  ConsentRequestBody,
  ConsentRequestResult,
  LearningJourney,
  PagedChildConsents,
  PagedPrograms,
  PagedSponsoredChildren,
  PagedStudentPreviews,
  ProgramAction,
  ProgramRequest,
  ProgramResponse,
  ProgramStatus,
  RefusedStudent,
  SponsoredChildStatus,
} from '@/types/partner';
import { dashboardKeys } from './dashboard';

// Partner · Partnerships: programs, children, child views, consent (/api/v1/partner/sponsorships/*).

const BASE = '/api/v1/partner/sponsorships';

/** Drops empty values and builds a query string ("" when nothing is left). */
export function toQuery(params: Record<string, string | number | boolean | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

// ---------------------------------------------------------------------------------------------
// Query keys
// ---------------------------------------------------------------------------------------------

export interface ProgramListParams {
  status?: ProgramStatus | '';
  search?: string;
  page?: number;
  pageSize?: number;
}

export interface AvailableStudentParams {
  grade?: CbcGrade | '';
  county?: string;
  school?: string;
  learningNeed?: string;
  search?: string;
  page?: number;
  pageSize?: number;
}

export interface ChildListParams {
  programId?: string;
  status?: SponsoredChildStatus | '';
  grade?: CbcGrade | '';
  county?: string;
  search?: string;
  hasAlert?: boolean;
  sort?: ChildSort;
  descending?: boolean;
  page?: number;
  pageSize?: number;
}

export type ChildView = 'progress' | 'activity' | 'achievements' | 'goals' | 'ai-insights';

export const sponsorshipKeys = {
  all: ['partner', 'sponsorships'] as const,
  programs: () => [...sponsorshipKeys.all, 'programs'] as const,
  programList: (params: ProgramListParams) => [...sponsorshipKeys.programs(), 'list', params] as const,
  program: (id: string) => [...sponsorshipKeys.programs(), 'detail', id] as const,
  availableStudents: (params: AvailableStudentParams) => [...sponsorshipKeys.all, 'available-students', params] as const,
  children: () => [...sponsorshipKeys.all, 'children'] as const,
  childList: (params: ChildListParams) => [...sponsorshipKeys.children(), 'list', params] as const,
  child: (id: string) => [...sponsorshipKeys.children(), 'detail', id] as const,
  childView: (id: string, view: ChildView, extra?: string) => [...sponsorshipKeys.child(id), view, ...(extra ? [extra] : [])] as const,
  consentStatus: (programId?: string, status?: ChildConsentStatus | '') => [...sponsorshipKeys.all, 'consent-status', programId ?? '', status ?? ''] as const,
};

// ---------------------------------------------------------------------------------------------
// Programs
// ---------------------------------------------------------------------------------------------

export const getPrograms = (params: ProgramListParams, signal?: AbortSignal) =>
  api.get<PagedPrograms>(`${BASE}/programs${toQuery({ ...params })}`, { signal });

export const getProgram = (id: string, signal?: AbortSignal) => api.get<ProgramResponse>(`${BASE}/programs/${id}`, { signal });

export const createProgram = (body: ProgramRequest) => api.post<ProgramResponse>(`${BASE}/programs`, body);

export const updateProgram = (id: string, body: ProgramRequest) => api.put<ProgramResponse>(`${BASE}/programs/${id}`, body);

export const changeProgramStatus = (id: string, action: ProgramAction) => api.post<ProgramResponse>(`${BASE}/programs/${id}/${action}`, {});

export const addChildren = (programId: string, studentIds: string[]) =>
  api.post<AddChildrenResponse>(`${BASE}/programs/${programId}/children`, { studentIds });

export const removeChild = (programId: string, studentId: string) =>
  api.delete<ProgramResponse>(`${BASE}/programs/${programId}/children/${studentId}`);

export const getAvailableStudents = (params: AvailableStudentParams, signal?: AbortSignal) =>
  api.get<PagedStudentPreviews>(`${BASE}/available-students${toQuery({ ...params })}`, { signal });

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

export const availableStudentsQueryOptions = (params: AvailableStudentParams) =>
  queryOptions({
    queryKey: sponsorshipKeys.availableStudents(params),
    queryFn: ({ signal }) => getAvailableStudents(params, signal),
    placeholderData: keepPreviousData,
  });

export function usePrograms(params: ProgramListParams) {
  return useQuery(programsQueryOptions(params));
}

export function useProgram(id: string) {
  return useQuery(programQueryOptions(id));
}

export function useAvailableStudents(params: AvailableStudentParams, enabled = true) {
  return useQuery({ ...availableStudentsQueryOptions(params), enabled });
}

/** After a program changes: its lists, its detail, its children and the dashboard figures. */
export function invalidateProgramData(queryClient: QueryClient, programId?: string) {
  void queryClient.invalidateQueries({ queryKey: sponsorshipKeys.programs() });
  void queryClient.invalidateQueries({ queryKey: sponsorshipKeys.children() });
  void queryClient.invalidateQueries({ queryKey: [...sponsorshipKeys.all, 'available-students'] });
  void queryClient.invalidateQueries({ queryKey: [...sponsorshipKeys.all, 'consent-status'] });
  void queryClient.invalidateQueries({ queryKey: dashboardKeys.all });
  if (programId) void queryClient.invalidateQueries({ queryKey: sponsorshipKeys.program(programId) });
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
// Sponsored children and their views
// ---------------------------------------------------------------------------------------------

export const getChildren = (params: ChildListParams, signal?: AbortSignal) =>
  api.get<PagedSponsoredChildren>(`${BASE}/children${toQuery({ ...params })}`, { signal });

export const getChild = (id: string, signal?: AbortSignal) => api.get<ChildHeader>(`${BASE}/children/${id}`, { signal });

export const getChildProgress = (id: string, signal?: AbortSignal) => api.get<LearningJourney>(`${BASE}/children/${id}/progress`, { signal });

export const getChildActivity = (id: string, period: ActivityPeriod, signal?: AbortSignal) =>
  api.get<ActivitySummary>(`${BASE}/children/${id}/activity${toQuery({ period })}`, { signal });

export const getChildAchievements = (id: string, signal?: AbortSignal) =>
  api.get<AchievementList>(`${BASE}/children/${id}/achievements`, { signal });

export const getChildGoals = (id: string, signal?: AbortSignal) => api.get<ChildGoalsResponse>(`${BASE}/children/${id}/goals`, { signal });

export const setChildGoals = (id: string, goals: ChildGoalInput[]) => api.put<ChildGoalsResponse>(`${BASE}/children/${id}/goals`, { goals });

export const getChildInsights = (id: string, signal?: AbortSignal) =>
  api.get<ChildInsightsResponse>(`${BASE}/children/${id}/ai-insights`, { signal });

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

// ---------------------------------------------------------------------------------------------
// Consent
// ---------------------------------------------------------------------------------------------

export const requestConsent = (body: Partial<ConsentRequestBody>) =>
  api.post<ConsentRequestResult>(`${BASE}/consent/request`, { sponsoredChildId: null, programId: null, ...body });

export const getConsentStatus = (programId?: string, status?: ChildConsentStatus | '', signal?: AbortSignal) =>
  api.get<PagedChildConsents>(`${BASE}/consent/status${toQuery({ programId, status })}`, { signal });

export const consentStatusQueryOptions = (programId?: string, status?: ChildConsentStatus | '') =>
  queryOptions({
    queryKey: sponsorshipKeys.consentStatus(programId, status),
    queryFn: ({ signal }) => getConsentStatus(programId, status, signal),
  });

export function useConsentStatus(programId?: string, status?: ChildConsentStatus | '') {
  return useQuery(consentStatusQueryOptions(programId, status));
}

/** Ask guardians of one child (`sponsoredChildId`) or of a program's waiting children (`programId`). */
export function useRequestConsent() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: requestConsent,
    onSuccess: (_result, body) => {
      void queryClient.invalidateQueries({ queryKey: sponsorshipKeys.children() });
      void queryClient.invalidateQueries({ queryKey: [...sponsorshipKeys.all, 'consent-status'] });
      void queryClient.invalidateQueries({ queryKey: dashboardKeys.all });
      if (body.programId) void queryClient.invalidateQueries({ queryKey: sponsorshipKeys.program(body.programId) });
    },
  });
}

// ---------------------------------------------------------------------------------------------
// Reading the API's refusals
// ---------------------------------------------------------------------------------------------

/** 403 consent_required: a guardian has not consented (or withdrew); `consentStatus` says which. */
export function consentRequired(error: unknown): { consentStatus: ChildConsentStatus | null; message: string } | null {
  if (!isApiError(error) || error.status !== 403 || error.code !== 'consent_required') return null;
  const status = error.problem.consentStatus;
  return { consentStatus: typeof status === 'string' ? (status as ChildConsentStatus) : null, message: error.detail ?? error.message };
}

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
