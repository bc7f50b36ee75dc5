import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, readCookie, XSRF_COOKIE, XSRF_HEADER } from '@/lib/api';
import { toQuery } from '@/lib/query-string';
import type { CohortResponse, ImportCommitResponse, ImportDryRunResponse, ImportProgramSummary, ImportRowResult, ProblemDetails } from '@/types/partner';
import { dashboardKeys } from './dashboard';
import { invalidateProgramData } from './sponsorship-keys';

// Partner · Partnerships · Enrollments (/api/v1/partner/enrollments/*): bulk import from CSV/XLSX and cohort tracking.

const BASE = '/api/v1/partner/enrollments';

export type { CohortResponse, ImportCommitResponse, ImportDryRunResponse, ImportProgramSummary, ImportRowResult };

/** The outcomes the dry run spells (ImportRowResult.outcome); the preview keys its badges on them. */
export type ImportOutcome =
  | 'ok'
  | 'not_found'
  | 'already_sponsored'
  | 'duplicate_in_file'
  | 'over_max_children'
  | 'program_not_found'
  | 'program_closed'
  | 'invalid_row';

/** A cohort week as the chart reads it: every count present, `enrolled` = waiting + active. */
export interface CohortWeek {
  weekStart: string;
  asOf: string;
  pendingConsent: number;
  active: number;
  removed: number;
  enrolled: number;
}

export interface CohortSeries {
  programId: string;
  programName: string;
  status: string;
  weeks: CohortWeek[];
}

export type TemplateFormat = 'csv' | 'xlsx';

export interface ImportInput {
  file: File;
  /** Used for rows that name no program (or a file without a program column). */
  programId?: string;
}

export const enrollmentKeys = {
  all: ['partner', 'enrollments'] as const,
  cohorts: (programId: string, weeks: number) => [...enrollmentKeys.all, 'cohorts', programId, weeks] as const,
};

export const templateUrl = (format: TemplateFormat) => `${BASE}/template${toQuery({ format })}`;

/**
 * Sends the file as multipart form data with XMLHttpRequest, so the upload reports progress
 * (`onProgress` gets 0–1, or null when the browser cannot measure it). Errors become {@link ApiError}.
 */
export function uploadImport<T>(path: 'dry-run' | 'commit', input: ImportInput, onProgress?: (fraction: number | null) => void, signal?: AbortSignal): Promise<T> {
  const form = new FormData();
  form.append('file', input.file, input.file.name);
  if (input.programId) form.append('programId', input.programId);

  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${BASE}/imports/${path}`);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json');
    const token = readCookie(XSRF_COOKIE);
    if (token) xhr.setRequestHeader(XSRF_HEADER, token);

    xhr.upload.onprogress = (e) => onProgress?.(e.lengthComputable && e.total > 0 ? e.loaded / e.total : null);
    xhr.upload.onload = () => onProgress?.(1);
    xhr.onerror = () => reject(new ApiError({ status: 0, title: 'Cannot reach the Elimu server. Check your connection and try again.' }));
    xhr.onabort = () => reject(new DOMException('The upload was cancelled.', 'AbortError'));
    xhr.onload = () => {
      let body: unknown = undefined;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : undefined;
      } catch {
        body = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(body as T);
        return;
      }
      const problem = (body && typeof body === 'object' ? body : {}) as ProblemDetails;
      reject(new ApiError({ ...problem, status: problem.status ?? xhr.status, title: problem.title ?? (xhr.statusText || `Upload failed (${xhr.status})`) }));
    };
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(form);
  });
}

export const getCohorts = (programId: string, weeks: number, signal?: AbortSignal) =>
  api.get<CohortResponse>(`${BASE}/cohorts${toQuery({ programId, weeks })}`, { signal });

export const cohortsQueryOptions = (programId = '', weeks = 12) =>
  queryOptions({
    queryKey: enrollmentKeys.cohorts(programId, weeks),
    queryFn: ({ signal }) => getCohorts(programId, weeks, signal),
    placeholderData: keepPreviousData,
    meta: { silentError: true },
  });

export function useCohorts(programId = '', weeks = 12) {
  return useQuery(cohortsQueryOptions(programId, weeks));
}

/** The dry run: the page shows its errors (a bad file is a 400 on `file`), so no toast. */
export function useImportDryRun(onProgress?: (fraction: number | null) => void) {
  return useMutation({
    mutationFn: (input: ImportInput) => uploadImport<ImportDryRunResponse>('dry-run', input, onProgress),
    meta: { silentError: true },
  });
}

export function useImportCommit(onProgress?: (fraction: number | null) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ImportInput) => uploadImport<ImportCommitResponse>('commit', input, onProgress),
    meta: { silentError: true },
    onSuccess: () => {
      invalidateProgramData(queryClient);
      void queryClient.invalidateQueries({ queryKey: enrollmentKeys.all });
      void queryClient.invalidateQueries({ queryKey: dashboardKeys.all });
    },
  });
}

/** Reads a cohort answer defensively: unknown shapes become an empty list rather than a crash. */
export function normaliseCohorts(data: unknown): CohortSeries[] {
  if (!data || typeof data !== 'object') return [];
  const programs = (data as { programs?: unknown }).programs;
  if (!Array.isArray(programs)) return [];
  const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
  return programs
    .filter((p): p is Record<string, unknown> => !!p && typeof p === 'object')
    .map((p) => ({
      programId: String(p.programId ?? ''),
      programName: String(p.programName ?? 'Program'),
      status: String(p.status ?? ''),
      weeks: (Array.isArray(p.weeks) ? p.weeks : [])
        .filter((w): w is Record<string, unknown> => !!w && typeof w === 'object')
        .map((w) => {
          const pendingConsent = num(w.pendingConsent);
          const active = num(w.active);
          return {
            weekStart: String(w.weekStart ?? ''),
            asOf: String(w.asOf ?? w.weekStart ?? ''),
            pendingConsent,
            active,
            removed: num(w.removed),
            enrolled: typeof w.enrolled === 'number' ? w.enrolled : pendingConsent + active,
          };
        }),
    }));
}
