import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api';
import type { LeaveRequest, LeaveResponse, ProgramPreferences, SubstituteAccepted, SubstituteOffer } from '@/types/partner';
import { invalidateProgramData, SPONSORSHIPS_BASE, sponsorshipKeys } from './sponsorship-keys';

// Partner · Partnerships · Children who leave, their substitutes, and a program's preferences (issue 20):
// /programs/{id}/children/{studentId}/leave, /programs/{id}/substitutes, /programs/{id}/preferences.

const BASE = `${SPONSORSHIPS_BASE}/programs`;

const substitutesKey = (programId: string) => [...sponsorshipKeys.program(programId), 'substitutes'] as const;
const preferencesKey = (programId: string) => [...sponsorshipKeys.program(programId), 'preferences'] as const;

export const leaveChild = (programId: string, studentId: string, body: LeaveRequest) =>
  api.post<LeaveResponse>(`${BASE}/${programId}/children/${studentId}/leave`, body);

export const substitutesQueryOptions = (programId: string) =>
  queryOptions({
    queryKey: substitutesKey(programId),
    queryFn: ({ signal }) => api.get<SubstituteOffer>(`${BASE}/${programId}/substitutes`, { signal }),
    // An offer that cannot load shows nothing; the program page itself is what matters.
    meta: { silentError: true },
  });

export function useSubstitutes(programId: string, enabled = true) {
  return useQuery({ ...substitutesQueryOptions(programId), enabled });
}

export function useLeaveChild(programId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ studentId, body }: { studentId: string; body: LeaveRequest }) => leaveChild(programId, studentId, body),
    // Field errors (a missing note) are shown in the dialog.
    meta: { silentError: true },
    onSuccess: (result) => {
      queryClient.setQueryData(substitutesKey(programId), result.offer);
      invalidateProgramData(queryClient, programId);
    },
  });
}

export function useAcceptSubstitute(programId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (studentId: string) => api.post<SubstituteAccepted>(`${BASE}/${programId}/substitutes`, { studentId }),
    meta: { silentError: true },
    onSuccess: (result) => {
      queryClient.setQueryData(substitutesKey(programId), result.offer);
      invalidateProgramData(queryClient, programId);
    },
    onError: () => void queryClient.invalidateQueries({ queryKey: substitutesKey(programId) }),
  });
}

export function useDeclineSubstitutes(programId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<SubstituteOffer>(`${BASE}/${programId}/substitutes/decline`, {}),
    onSuccess: (offer) => queryClient.setQueryData(substitutesKey(programId), offer),
  });
}

export function usePreferences(programId: string) {
  return useQuery({
    queryKey: preferencesKey(programId),
    queryFn: ({ signal }) => api.get<ProgramPreferences>(`${BASE}/${programId}/preferences`, { signal }),
    meta: { silentError: true },
  });
}

export const putPreferences = (programId: string, body: ProgramPreferences) => api.put<ProgramPreferences>(`${BASE}/${programId}/preferences`, body);

function useOnPreferencesSaved() {
  const queryClient = useQueryClient();
  return (programId: string, saved: ProgramPreferences) => {
    queryClient.setQueryData(preferencesKey(programId), saved);
    void queryClient.invalidateQueries({ queryKey: substitutesKey(programId) });
    void queryClient.invalidateQueries({ queryKey: [...sponsorshipKeys.all, 'available-students'] });
  };
}

export function useSavePreferences(programId: string) {
  const saved = useOnPreferencesSaved();
  return useMutation({
    mutationFn: (body: ProgramPreferences) => putPreferences(programId, body),
    meta: { silentError: true },
    onSuccess: (result) => saved(programId, result),
  });
}

/** The new-program form's preferences, saved once the program exists (POST /programs does not take them). */
export function useSaveNewProgramPreferences() {
  const saved = useOnPreferencesSaved();
  return useMutation({
    mutationFn: ({ programId, body }: { programId: string; body: ProgramPreferences }) => putPreferences(programId, body),
    meta: { silentError: true },
    onSuccess: (result, { programId }) => saved(programId, result),
  });
}
