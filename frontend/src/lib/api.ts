import type { ProblemDetails } from '@/types/partner';

/**
 * The one way the SPA talks to the API.
 * - cookie session (`credentials: 'same-origin'`), JSON in and out;
 * - unsafe methods carry the antiforgery header `X-XSRF-TOKEN`, read from the `XSRF-TOKEN` cookie
 *   at the moment of the request (the server rotates it after login);
 * - any non-2xx answer becomes an {@link ApiError} carrying the RFC 9457 ProblemDetails.
 */

export const XSRF_COOKIE = 'XSRF-TOKEN';
export const XSRF_HEADER = 'X-XSRF-TOKEN';

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export class ApiError extends Error {
  readonly status: number;
  readonly title: string;
  readonly detail: string | undefined;
  readonly code: string | undefined;
  readonly errors: Record<string, string[]> | undefined;
  readonly problem: ProblemDetails;

  constructor(problem: ProblemDetails) {
    super(problem.detail || problem.title || 'Something went wrong.');
    this.name = 'ApiError';
    this.problem = problem;
    this.status = problem.status ?? 0;
    this.title = problem.title ?? 'Error';
    this.detail = problem.detail;
    this.code = problem.code;
    this.errors = problem.errors;
  }

  /** The messages for one field of a validation problem (keys compared case-insensitively). */
  fieldErrors(field: string): string[] {
    if (!this.errors) return [];
    const key = Object.keys(this.errors).find((k) => k.toLowerCase() === field.toLowerCase());
    return key ? (this.errors[key] ?? []) : [];
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

export function readCookie(name: string): string | null {
  if (typeof document === 'undefined' || !document.cookie) return null;
  for (const part of document.cookie.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return null;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal;
  headers?: Record<string, string>;
}

const FALLBACK_TITLES: Record<number, string> = {
  400: 'The request was not valid.',
  401: 'Please sign in to continue.',
  403: 'You do not have access to this.',
  404: 'We could not find that.',
  409: 'That change conflicts with the current state.',
  423: 'This account is locked.',
  429: 'Too many attempts. Please wait a moment and try again.',
  500: 'The server had a problem. Please try again.',
  503: 'The service is unavailable right now. Please try again shortly.',
};

async function toProblem(response: Response): Promise<ProblemDetails> {
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    try {
      const body = (await response.json()) as Partial<ProblemDetails> | null;
      if (body && typeof body === 'object') {
        return { ...body, status: body.status ?? response.status, title: body.title ?? FALLBACK_TITLES[response.status] ?? response.statusText };
      }
    } catch {
      // fall through to the generic problem
    }
  }
  return {
    status: response.status,
    title: FALLBACK_TITLES[response.status] ?? (response.statusText || `Request failed (${response.status})`),
  };
}

export async function apiFetch<T>(url: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  let body: BodyInit | undefined;
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  if (UNSAFE_METHODS.has(method)) {
    const token = readCookie(XSRF_COOKIE);
    if (token) headers[XSRF_HEADER] = token;
  }

  let response: Response;
  try {
    response = await fetch(url, { method, headers, body, credentials: 'same-origin', signal: options.signal });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError({ status: 0, title: 'Cannot reach the Elimu server. Check your connection and try again.' });
  }

  if (!response.ok) throw new ApiError(await toProblem(response));
  if (response.status === 204 || response.status === 205) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(url: string, options?: Omit<RequestOptions, 'method' | 'body'>) => apiFetch<T>(url, { ...options, method: 'GET' }),
  post: <T>(url: string, body?: unknown, options?: Omit<RequestOptions, 'method' | 'body'>) =>
    apiFetch<T>(url, { ...options, method: 'POST', body }),
  put: <T>(url: string, body?: unknown, options?: Omit<RequestOptions, 'method' | 'body'>) =>
    apiFetch<T>(url, { ...options, method: 'PUT', body }),
  patch: <T>(url: string, body?: unknown, options?: Omit<RequestOptions, 'method' | 'body'>) =>
    apiFetch<T>(url, { ...options, method: 'PATCH', body }),
  delete: <T>(url: string, options?: Omit<RequestOptions, 'method' | 'body'>) => apiFetch<T>(url, { ...options, method: 'DELETE' }),
};

/**
 * POSTs multipart form data (a form with files) the way {@link apiFetch} sends JSON: the session cookie, the
 * antiforgery header, and a non-2xx answer as an {@link ApiError}. The browser sets the multipart boundary.
 */
export async function apiPostForm<T>(url: string, form: FormData, signal?: AbortSignal): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  const token = readCookie(XSRF_COOKIE);
  if (token) headers[XSRF_HEADER] = token;
  let response: Response;
  try {
    response = await fetch(url, { method: 'POST', headers, body: form, credentials: 'same-origin', signal });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError({ status: 0, title: 'Cannot reach the Elimu server. Check your connection and try again.' });
  }
  if (!response.ok) throw new ApiError(await toProblem(response));
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}
