import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api, readCookie, XSRF_COOKIE, XSRF_HEADER } from '@/lib/api';
import { authKeys } from '@/services/auth';
import type {
  CurrentUser,
  OnboardingAction,
  OnboardingState,
  PartnerSignUpRequest,
  ProblemDetails,
  ProfileImageResponse,
  ProfileRequest,
  ProfileResponse,
} from '@/types/partner';

// Partner · Account · Profile (/api/v1/partner/account/profile) and the public partner sign-up.

const BASE = '/api/v1/partner/account/profile';
export const SIGN_UP = '/api/v1/auth/signup/partner';

export type ImageKind = 'logo' | 'banner';

export const profileKeys = { all: ['partner', 'profile'] as const };

export const profileQueryOptions = () =>
  // Silent: the profile page shows its own error state, and the dashboard's checklist simply stays away.
  queryOptions({ queryKey: profileKeys.all, queryFn: ({ signal }) => api.get<ProfileResponse>(BASE, { signal }), meta: { silentError: true } });

export const useProfile = () => useQuery(profileQueryOptions());

export function useSaveProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ProfileRequest) => api.put<ProfileResponse>(BASE, body),
    meta: { silentError: true },
    onSuccess: (profile) => queryClient.setQueryData(profileKeys.all, profile),
  });
}

export function useOnboarding() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (action: OnboardingAction) => api.post<OnboardingState>(`${BASE}/onboarding`, { action }),
    meta: { silentError: true },
    onSuccess: (onboarding) =>
      queryClient.setQueryData<ProfileResponse>(profileKeys.all, (p) => (p ? { ...p, onboarding } : p)),
  });
}

export function useDeleteImage(kind: ImageKind) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete<void>(`${BASE}/${kind}`),
    meta: { silentError: true },
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: profileKeys.all }),
  });
}

/** The checks the server makes first, made here too so a wrong file gets its answer before it is sent. */
export const IMAGE_RULES = { maxBytes: 2 * 1024 * 1024, types: ['image/png', 'image/jpeg', 'image/webp'] };

/**
 * Sends a picture as multipart form data with XMLHttpRequest, so the upload reports progress (0–1, or null when the
 * browser cannot measure it). Errors become {@link ApiError}.
 */
export function uploadImage(kind: ImageKind, file: File, onProgress?: (fraction: number | null) => void): Promise<ProfileImageResponse> {
  const form = new FormData();
  form.append('file', file, file.name);
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${BASE}/${kind}`);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json');
    const token = readCookie(XSRF_COOKIE);
    if (token) xhr.setRequestHeader(XSRF_HEADER, token);
    xhr.upload.onprogress = (e) => onProgress?.(e.lengthComputable && e.total > 0 ? e.loaded / e.total : null);
    xhr.onerror = () => reject(new ApiError({ status: 0, title: 'Cannot reach the Elimu server. Check your connection and try again.' }));
    xhr.onload = () => {
      let body: unknown;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : undefined;
      } catch {
        body = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) return resolve(body as ProfileImageResponse);
      const problem = (body && typeof body === 'object' ? body : {}) as ProblemDetails;
      reject(new ApiError({ ...problem, status: problem.status ?? xhr.status, title: problem.title ?? `Upload failed (${xhr.status})` }));
    };
    xhr.send(form);
  });
}

export function useUploadImage(kind: ImageKind, onProgress?: (fraction: number | null) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => uploadImage(kind, file, onProgress),
    meta: { silentError: true },
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: profileKeys.all }),
  });
}

export function useSignUpPartner() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PartnerSignUpRequest) => api.post<CurrentUser>(SIGN_UP, body),
    meta: { silentError: true, skipAuthRedirect: true },
    onSuccess: (user) => {
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== authKeys.me[0] });
      queryClient.setQueryData(authKeys.me, user);
    },
  });
}

export const organizationTypes = ['NGO', 'Corporate', 'Government', 'Foundation', 'Individual'] as const;

/** WCAG contrast of two #RRGGBB colours (the server warns with the same formula, BrandColors.cs). */
export function contrast(a: string, b: string): number {
  const lum = (hex: string) => {
    const ch = (i: number) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * ch(1) + 0.7152 * ch(3) + 0.0722 * ch(5);
  };
  const [x, y] = [lum(a), lum(b)];
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
}

export const isHexColor = (value: string) => /^#[0-9a-fA-F]{6}$/.test(value);
