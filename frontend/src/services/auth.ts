import { queryOptions, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { api, isApiError, readCookie, XSRF_COOKIE } from '@/lib/api';
import { setLanguage, STORAGE_KEY, type Language } from '@/i18n/i18n';
import type { CurrentUser, LoginRequest, Role } from '@/types/partner';

export const authKeys = {
  me: ['auth', 'me'] as const,
};

/**
 * The signed-in user, or null when there is no session. The API answers 401 here (and sets the
 * XSRF-TOKEN cookie even then), so a 401 is an answer, not an error.
 */
export async function getMe(signal?: AbortSignal): Promise<CurrentUser | null> {
  try {
    return await api.get<CurrentUser>('/api/v1/auth/me', { signal });
  } catch (error) {
    if (isApiError(error) && error.status === 401) return null;
    throw error;
  }
}

/** The password was right and the account has two-factor on: a code from the app (or a recovery code) comes next. */
export interface SecondFactorRequired {
  code: 'two_factor_required';
  twoFactorRequired: true;
  expiresInSeconds: number;
}

export function needsSecondFactor(answer: CurrentUser | SecondFactorRequired): answer is SecondFactorRequired {
  return 'twoFactorRequired' in answer && answer.twoFactorRequired === true;
}

export async function login(credentials: LoginRequest): Promise<CurrentUser | SecondFactorRequired> {
  // The antiforgery cookie comes with GET /auth/me; make sure we have one before posting.
  if (!readCookie(XSRF_COOKIE)) await getMe().catch(() => null);
  return api.post<CurrentUser | SecondFactorRequired>('/api/v1/auth/login', credentials);
}

export function completeSecondFactor(answer: { code?: string; recoveryCode?: string }): Promise<CurrentUser> {
  return api.post<CurrentUser>('/api/v1/auth/login/second-factor', answer);
}

export function logout(): Promise<void> {
  return api.post<void>('/api/v1/auth/logout');
}

export const meQueryOptions = () =>
  queryOptions({
    queryKey: authKeys.me,
    queryFn: ({ signal }) => getMe(signal),
    staleTime: 5 * 60_000,
    retry: false,
    meta: { skipAuthRedirect: true },
  });

export function useCurrentUser() {
  return useQuery(meQueryOptions());
}

/**
 * True from a deliberate sign-out until the next sign-in. The guard of the page being left then sends to /login without
 * remembering that page: the next person to sign in on this browser (another role, perhaps) lands on their own home.
 * A session that simply ran out is remembered, so its user comes back where they were.
 */
let signedOut = false;

export function signedOutOnPurpose(): boolean {
  return signedOut;
}

function signedIn(queryClient: QueryClient, user: CurrentUser) {
  signedOut = false;
  queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== authKeys.me[0] });
  queryClient.setQueryData(authKeys.me, user);
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    // The login form shows the server's message itself; a 401 here means wrong credentials.
    meta: { silentError: true, skipAuthRedirect: true },
    onSuccess: (answer) => {
      if (!needsSecondFactor(answer)) signedIn(queryClient, answer);
    },
  });
}

export function useSecondFactor() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: completeSecondFactor,
    meta: { silentError: true, skipAuthRedirect: true },
    onSuccess: (user) => signedIn(queryClient, user),
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: logout,
    meta: { silentError: true, skipAuthRedirect: true },
    // Whatever the server answers (even 401: the session had already ended), the client signs out.
    onSettled: () => {
      signedOut = true;
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== authKeys.me[0] });
      queryClient.setQueryData(authKeys.me, null);
      // Loaded on demand: the partner store (and zustand's persistence) would otherwise ride in the entry that the
      // sign-in page and the parent's inbox load (scripts/bundle-budget.mjs).
      void import('@/store/reset-partner-ui').then(({ resetPartnerUi }) => resetPartnerUi());
      navigate('/login', { replace: true });
    },
  });
}

export function hasRole(user: CurrentUser | null | undefined, roles: readonly Role[]): boolean {
  return !!user && user.roles.some((r) => (roles as readonly string[]).includes(r.toLowerCase()));
}

/** Where `/` sends a user: partner, then parent, then admin/staff. Null when no dashboard fits. */
export function homePathFor(user: CurrentUser): string | null {
  if (hasRole(user, ['partner'])) return '/dashboard/partner';
  if (hasRole(user, ['parent'])) return '/dashboard/parent';
  if (hasRole(user, ['admin', 'staff'])) return '/dashboard/admin';
  return null;
}

/**
 * Switches the app's language at once; signed in, saves it on the account (PUT /auth/preferences) so every device
 * follows; signed out, marks it chosen so the next sign-in keeps it (i18n/use-account-language.ts).
 */
export function useChooseLanguage() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (language: Language) => {
      await setLanguage(language);
      const signedIn = queryClient.getQueryData<CurrentUser | null>(authKeys.me);
      if (!signedIn) {
        try {
          localStorage.setItem(`${STORAGE_KEY}.chosen`, '1');
        } catch {
          // no storage: the choice lasts for this page
        }
        return null;
      }
      return api.put<CurrentUser>('/api/v1/auth/preferences', { language });
    },
    onSuccess: (user) => {
      if (user) queryClient.setQueryData(authKeys.me, user);
    },
  });
}
