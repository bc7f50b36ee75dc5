import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api';
import { applyTheme, type Theme } from '@/lib/theme';
import { authKeys } from '@/services/auth';
import type { CurrentUser } from '@/types/partner';

// The signed-in user's own security settings, for every role: password, two-factor, sessions, theme.

export interface TwoFactorStatus { enabled: boolean; recoveryCodesLeft: number }
export interface AuthenticatorSetup { sharedKey: string; authenticatorUri: string }
export interface NewRecoveryCodes { recoveryCodes: string[] }
export interface TwoFactorProof { password?: string; code?: string }
export interface UserSession {
  id: string;
  userAgent?: string | null;
  ipAddress?: string | null;
  signedInAt: string;
  lastSeenAt: string;
  current: boolean;
}
export interface SessionPage { items: UserSession[]; page: number; pageSize: number; total: number }

export const securityKeys = {
  twoFactor: ['account', 'two-factor'] as const,
  sessions: ['account', 'sessions'] as const,
};

export const twoFactorQueryOptions = () =>
  queryOptions({ queryKey: securityKeys.twoFactor, queryFn: ({ signal }) => api.get<TwoFactorStatus>('/api/v1/auth/two-factor', { signal }) });

export const sessionsQueryOptions = () =>
  queryOptions({
    queryKey: securityKeys.sessions,
    queryFn: ({ signal }) => api.get<SessionPage>('/api/v1/auth/sessions?pageSize=100', { signal }),
  });

export const useTwoFactorStatus = () => useQuery(twoFactorQueryOptions());
export const useSessions = () => useQuery(sessionsQueryOptions());

// The forms show the server's messages next to their fields, so these do not raise the global error toast.
const silent = { silentError: true } as const;

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) => api.post<void>('/api/v1/auth/password', body),
    meta: silent,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: securityKeys.sessions }),
  });
}

export function useSetUpAuthenticator() {
  return useMutation({ mutationFn: () => api.post<AuthenticatorSetup>('/api/v1/auth/two-factor/authenticator'), meta: silent });
}

export function useEnableTwoFactor() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (code: string) => api.post<NewRecoveryCodes>('/api/v1/auth/two-factor/enable', { code }),
    meta: silent,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: securityKeys.twoFactor });
      void queryClient.invalidateQueries({ queryKey: securityKeys.sessions });
    },
  });
}

export function useRegenerateRecoveryCodes() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (proof: TwoFactorProof) => api.post<NewRecoveryCodes>('/api/v1/auth/two-factor/recovery-codes', proof),
    meta: silent,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: securityKeys.twoFactor }),
  });
}

export function useDisableTwoFactor() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (proof: TwoFactorProof) => api.post<void>('/api/v1/auth/two-factor/disable', proof),
    meta: silent,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: securityKeys.twoFactor });
      void queryClient.invalidateQueries({ queryKey: securityKeys.sessions });
    },
  });
}

export function useEndSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<void>(`/api/v1/auth/sessions/${encodeURIComponent(id)}`),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: securityKeys.sessions }),
  });
}

export function useEndOtherSessions() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ ended: number }>('/api/v1/auth/sessions/end-others'),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: securityKeys.sessions }),
  });
}

/** Applies the theme at once, then saves it to the account so every browser of the user gets it. */
export function useSaveTheme() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (theme: Theme) => api.put<{ theme: Theme }>('/api/v1/account/theme', { theme }),
    onMutate: (theme) => applyTheme(theme),
    onSuccess: ({ theme }) => {
      queryClient.setQueryData<CurrentUser | null>(authKeys.me, (me) => (me ? { ...me, theme } : me));
    },
  });
}

export const EXPORT_URL = '/api/v1/partner/account/export';
