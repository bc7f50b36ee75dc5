import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, isApiError } from '@/lib/api';
import { toQuery } from '@/lib/query-string';
import type { ChildConsentStatus, ConsentRequestBody, ConsentRequestPreview, ConsentRequestResult, PagedChildConsents } from '@/types/partner';
import { dashboardKeys } from './dashboard';
import { SPONSORSHIPS_BASE, sponsorshipKeys } from './sponsorship-keys';

// Partner · Partnerships · Guardian consent (/api/v1/partner/sponsorships/consent/*): ask for it, see
// where it stands, and read the views' 403 consent_required.

const BASE = `${SPONSORSHIPS_BASE}/consent`;

export const requestConsent = (body: Partial<ConsentRequestBody>) =>
  api.post<ConsentRequestResult>(`${BASE}/request`, { sponsoredChildId: null, programId: null, ...body });

/** Whose guardians a consent request asks: a program's waiting children, or one child. */
export type ConsentRequestTarget = { programId: string } | { sponsoredChildId: string };

export const getConsentRequestPreview = (target: ConsentRequestTarget, signal?: AbortSignal) =>
  api.get<ConsentRequestPreview>(`${BASE}/request/preview${toQuery(target)}`, { signal });

/** Who "Request consent" would ask and what they would read, fetched while the confirmation is open. */
export function useConsentRequestPreview(target: ConsentRequestTarget, enabled: boolean) {
  return useQuery({
    queryKey: [...sponsorshipKeys.all, 'consent-preview', target],
    queryFn: ({ signal }) => getConsentRequestPreview(target, signal),
    enabled,
    staleTime: 0,
  });
}

export const getConsentStatus = (programId?: string, status?: ChildConsentStatus | '', signal?: AbortSignal) =>
  api.get<PagedChildConsents>(`${BASE}/status${toQuery({ programId, status })}`, { signal });

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
      void queryClient.invalidateQueries({ queryKey: [...sponsorshipKeys.all, 'consent-preview'] });
      void queryClient.invalidateQueries({ queryKey: dashboardKeys.all });
      if (body.programId) void queryClient.invalidateQueries({ queryKey: sponsorshipKeys.program(body.programId) });
    },
  });
}

/**
 * 403 consent_required (a guardian has not consented, or withdrew) or program_not_active (the program is not approved
 * and running); `consentStatus` says which.
 */
export function consentRequired(error: unknown): { consentStatus: ChildConsentStatus | null; message: string } | null {
  if (!isApiError(error) || error.status !== 403 || (error.code !== 'consent_required' && error.code !== 'program_not_active')) return null;
  const status = error.problem.consentStatus;
  return { consentStatus: typeof status === 'string' ? (status as ChildConsentStatus) : null, message: error.detail ?? error.message };
}

/** One page of a program's children with their consent requests: expiry, reminders and when they may be asked again. */
export function useConsentRequests(programId: string, status: ChildConsentStatus | '', page: number) {
  return useQuery({
    queryKey: [...sponsorshipKeys.consentStatus(programId, status), page],
    queryFn: ({ signal }) => api.get<PagedChildConsents>(`${BASE}/status${toQuery({ programId, status, page, pageSize: 20 })}`, { signal }),
    placeholderData: keepPreviousData,
    meta: { silentError: true },
  });
}
