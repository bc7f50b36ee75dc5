import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api';
import { getLanguage } from '@/i18n/i18n';
import type { ConsentAnswer, ConsentAnswerTogether, ConsentRevokeRequest, ConsentsAnsweredTogether, ConsentStatus, Paged, ParentConsent } from '@/types/partner';

// Parent · Consent (GET /api/v1/parent/consents, answer under /api/v1/partner/sponsorships/consent/{id}/respond,
// several of one program at once under /api/v1/parent/consents/answer-together). Requests are read in the reader's
// language (?language=): the keys carry it, so switching language fetches the Kiswahili text (or the English).

export interface ParentConsentFilter {
  status?: ConsentStatus;
  programId?: string;
  page?: number;
  pageSize?: number;
}

export const parentConsentKeys = {
  all: ['parent', 'consents'] as const,
  lists: () => [...parentConsentKeys.all, 'list'] as const,
  list: (filter: ParentConsentFilter) => [...parentConsentKeys.lists(), filter, getLanguage()] as const,
  pendingCount: () => [...parentConsentKeys.all, 'pending-count'] as const,
  detail: (id: string) => [...parentConsentKeys.all, 'detail', id, getLanguage()] as const,
};

function query(filter: ParentConsentFilter): string {
  const params = new URLSearchParams();
  if (filter.status) params.set('status', filter.status);
  if (filter.programId) params.set('programId', filter.programId);
  if (filter.page) params.set('page', String(filter.page));
  if (filter.pageSize) params.set('pageSize', String(filter.pageSize));
  params.set('language', getLanguage());
  const text = params.toString();
  return text ? `?${text}` : '';
}

export function getParentConsents(filter: ParentConsentFilter = {}, signal?: AbortSignal): Promise<Paged<ParentConsent>> {
  return api.get<Paged<ParentConsent>>(`/api/v1/parent/consents${query(filter)}`, { signal });
}

export function getParentConsent(id: string, signal?: AbortSignal): Promise<ParentConsent> {
  return api.get<ParentConsent>(`/api/v1/parent/consents/${encodeURIComponent(id)}?language=${getLanguage()}`, { signal });
}

export function respondToConsent(id: string, answer: ConsentAnswer): Promise<ParentConsent> {
  return api.post<ParentConsent>(`/api/v1/partner/sponsorships/consent/${encodeURIComponent(id)}/respond`, answer);
}

/** The most requests one signature may cover (the API's AnswerConsentsTogether.MaxRequests). */
export const SIGN_TOGETHER_MAX = 20;

export function answerConsentsTogether(answer: ConsentAnswerTogether): Promise<ConsentsAnsweredTogether> {
  return api.post<ConsentsAnsweredTogether>('/api/v1/parent/consents/answer-together', answer);
}

export function revokeConsent(id: string, body: ConsentRevokeRequest): Promise<ParentConsent> {
  return api.post<ParentConsent>(`/api/v1/parent/consents/${encodeURIComponent(id)}/revoke`, body);
}

/** The inbox: every request (the API puts unanswered ones first, then the newest). */
export const parentConsentsQueryOptions = (filter: ParentConsentFilter = {}) =>
  queryOptions({
    queryKey: parentConsentKeys.list(filter),
    queryFn: ({ signal }) => getParentConsents(filter, signal),
    placeholderData: keepPreviousData,
  });

/** How many requests wait for an answer (one row fetched; `total` is the count). */
export const pendingConsentCountQueryOptions = () =>
  queryOptions({
    queryKey: parentConsentKeys.pendingCount(),
    queryFn: async ({ signal }) => (await getParentConsents({ status: 'pending', pageSize: 1 }, signal)).total,
  });

export const parentConsentQueryOptions = (id: string) =>
  queryOptions({
    queryKey: parentConsentKeys.detail(id),
    queryFn: ({ signal }) => getParentConsent(id, signal),
    // A 404 (another guardian's request, or a wrong link) is shown by the page itself.
    meta: { silentError: true },
  });

/** The guardian's requests still waiting in one program (a family rarely has more than a few children in one). */
export const waitingInProgramQueryOptions = (programId: string) =>
  queryOptions({
    queryKey: parentConsentKeys.list({ status: 'pending', programId, pageSize: 100 }),
    queryFn: ({ signal }) => getParentConsents({ status: 'pending', programId, pageSize: 100 }, signal),
    // Without it the page still offers to sign for this child; no error to show.
    meta: { silentError: true },
  });

/** The request to answer next: the first one still waiting (the API lists unanswered requests first). */
export const nextWaitingConsentQueryOptions = () =>
  queryOptions({
    queryKey: parentConsentKeys.list({ status: 'pending', pageSize: 1 }),
    queryFn: async ({ signal }) => (await getParentConsents({ status: 'pending', pageSize: 1 }, signal)).items[0] ?? null,
  });

export function useParentConsents(filter: ParentConsentFilter = {}) {
  return useQuery(parentConsentsQueryOptions(filter));
}

export function usePendingConsentCount() {
  return useQuery(pendingConsentCountQueryOptions());
}

export function useParentConsent(id: string) {
  return useQuery(parentConsentQueryOptions(id));
}

export function useWaitingInProgram(programId: string, enabled: boolean) {
  return useQuery({ ...waitingInProgramQueryOptions(programId), enabled });
}

export function useNextWaitingConsent(enabled: boolean) {
  return useQuery({ ...nextWaitingConsentQueryOptions(), enabled });
}

/** After an answer or a withdrawal: the detail is the server's answer; lists and the count are stale. */
function useConsentUpdated() {
  const queryClient = useQueryClient();
  return (consent: ParentConsent) => {
    queryClient.setQueryData(parentConsentKeys.detail(consent.id), consent);
    void queryClient.invalidateQueries({ queryKey: parentConsentKeys.lists() });
    void queryClient.invalidateQueries({ queryKey: parentConsentKeys.pendingCount() });
  };
}

export function useRespondToConsent(id: string) {
  const updated = useConsentUpdated();
  return useMutation({
    mutationFn: (answer: ConsentAnswer) => respondToConsent(id, answer),
    // The form shows field errors under the fields and any other refusal above the buttons.
    meta: { silentError: true },
    onSuccess: updated,
  });
}

/** One signature for the guardian's waiting children of one program: every record is stored as the server returned it. */
export function useAnswerConsentsTogether() {
  const updated = useConsentUpdated();
  return useMutation({
    mutationFn: answerConsentsTogether,
    meta: { silentError: true },
    onSuccess: (result) => result.answered.forEach(updated),
  });
}

export function useRevokeConsent(id: string) {
  const updated = useConsentUpdated();
  return useMutation({
    mutationFn: (body: ConsentRevokeRequest) => revokeConsent(id, body),
    meta: { silentError: true },
    onSuccess: updated,
  });
}
