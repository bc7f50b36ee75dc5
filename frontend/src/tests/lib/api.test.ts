import { describe, expect, it } from 'vitest';
import { api, ApiError, readCookie } from '@/lib/api';
import { handleGlobalError, SESSION_ENDED_MESSAGE } from '@/app/query-client';
import { authKeys, login } from '@/services/auth';
import { useToastStore } from '@/store/toastStore';
import { createTestQueryClient, json, mockFetch, partnerUser, problem } from '../test-utils';

const headersOf = (init: RequestInit | undefined) => (init?.headers ?? {}) as Record<string, string>;

describe('api', () => {
  it('GETs JSON with the session cookie and no antiforgery header', async () => {
    document.cookie = 'XSRF-TOKEN=abc; path=/';
    const spy = mockFetch({ 'GET /api/v1/thing': json({ ok: true }) });
    await expect(api.get('/api/v1/thing')).resolves.toEqual({ ok: true });
    const init = spy.mock.calls[0]![1];
    expect(init).toMatchObject({ method: 'GET', credentials: 'same-origin' });
    expect(headersOf(init).Accept).toBe('application/json');
    expect(headersOf(init)['X-XSRF-TOKEN']).toBeUndefined();
  });

  it.each(['post', 'put', 'patch', 'delete'] as const)('%s sends X-XSRF-TOKEN from the XSRF-TOKEN cookie', async (method) => {
    document.cookie = 'other=1; path=/';
    document.cookie = `XSRF-TOKEN=${encodeURIComponent('CfDJ8/token+value=')}; path=/`;
    const spy = mockFetch({ '/api/v1/thing': json({ saved: true }) });
    if (method === 'delete') await api.delete('/api/v1/thing');
    else await api[method]('/api/v1/thing', { name: 'Cohort A' });
    const init = spy.mock.calls[0]![1];
    expect(init?.method).toBe(method.toUpperCase());
    expect(headersOf(init)['X-XSRF-TOKEN']).toBe('CfDJ8/token+value=');
    if (method !== 'delete') {
      expect(headersOf(init)['Content-Type']).toBe('application/json');
      expect(init?.body).toBe(JSON.stringify({ name: 'Cohort A' }));
    }
  });

  it('reads the cookie at request time, so a rotated token is used', async () => {
    const spy = mockFetch({ '/api/v1/thing': json({}) });
    document.cookie = 'XSRF-TOKEN=first; path=/';
    await api.post('/api/v1/thing');
    document.cookie = 'XSRF-TOKEN=second; path=/';
    await api.post('/api/v1/thing');
    expect(spy.mock.calls.map(([, init]) => headersOf(init)['X-XSRF-TOKEN'])).toEqual(['first', 'second']);
  });

  it('sends no antiforgery header when there is no cookie', async () => {
    const spy = mockFetch({ '/api/v1/thing': json({}) });
    await api.post('/api/v1/thing', {});
    expect(readCookie('XSRF-TOKEN')).toBeNull();
    expect(headersOf(spy.mock.calls[0]![1])['X-XSRF-TOKEN']).toBeUndefined();
  });

  it('answers undefined for 204 No Content', async () => {
    mockFetch({ '/api/v1/auth/logout': () => new Response(null, { status: 204 }) });
    await expect(api.post('/api/v1/auth/logout')).resolves.toBeUndefined();
  });

  it('turns ProblemDetails into an ApiError carrying title, status, detail, code and errors', async () => {
    mockFetch({
      '/api/v1/partner/sponsorships/programs': problem(422, 'The program is not valid.', 'Minimum children must be at least 10.', {
        code: 'min_children_not_met',
        errors: { MinChildren: ['Must be at least 10.'] },
      }),
    });
    const error = await api.post('/api/v1/partner/sponsorships/programs', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    const apiError = error as ApiError;
    expect(apiError.status).toBe(422);
    expect(apiError.title).toBe('The program is not valid.');
    expect(apiError.detail).toBe('Minimum children must be at least 10.');
    expect(apiError.message).toBe('Minimum children must be at least 10.');
    expect(apiError.code).toBe('min_children_not_met');
    expect(apiError.fieldErrors('minChildren')).toEqual(['Must be at least 10.']);
    expect(apiError.fieldErrors('name')).toEqual([]);
  });

  it('gives a readable message when the error body is not JSON', async () => {
    mockFetch({ '/api/v1/auth/login': () => new Response('Too Many Requests', { status: 429, headers: { 'Content-Type': 'text/plain' } }) });
    const error = (await api.post('/api/v1/auth/login', {}).catch((e: unknown) => e)) as ApiError;
    expect(error.status).toBe(429);
    expect(error.message).toBe('Too many attempts. Please wait a moment and try again.');
  });

  it('reports a network failure as an ApiError with status 0', async () => {
    mockFetch({
      '/api/v1/thing': () => {
        throw new TypeError('Failed to fetch');
      },
    });
    const error = (await api.get('/api/v1/thing').catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(0);
    expect(error.message).toMatch(/Cannot reach the Elimu server/);
  });
});

describe('global error handler', () => {
  const toasts = () => useToastStore.getState().toasts;

  it('shows the ProblemDetails message in a toast', () => {
    const client = createTestQueryClient(partnerUser);
    handleGlobalError(client, new ApiError({ status: 409, title: 'Conflict', detail: 'The program is already active.' }), undefined);
    expect(toasts()).toEqual([expect.objectContaining({ tone: 'error', message: 'The program is already active.' })]);
  });

  it('stays quiet for errors the UI shows itself', () => {
    const client = createTestQueryClient(partnerUser);
    handleGlobalError(client, new ApiError({ status: 400, title: 'Bad' }), { silentError: true });
    expect(toasts()).toHaveLength(0);
  });

  it('ends the client session on 401 so ProtectedRoute sends the user to /login', () => {
    const client = createTestQueryClient(partnerUser);
    handleGlobalError(client, new ApiError({ status: 401, title: 'Unauthorized' }), undefined);
    expect(client.getQueryData(authKeys.me)).toBeNull();
    expect(toasts()[0]!.message).toBe(SESSION_ENDED_MESSAGE);
  });

  it('leaves the session alone for a 401 that is an answer (wrong password)', () => {
    const client = createTestQueryClient(partnerUser);
    handleGlobalError(client, new ApiError({ status: 401, title: 'Unauthorized' }), { skipAuthRedirect: true, silentError: true });
    expect(client.getQueryData(authKeys.me)).toEqual(partnerUser);
    expect(toasts()).toHaveLength(0);
  });

  it('is wired into the query cache: a failing query shows a toast', async () => {
    const client = createTestQueryClient(partnerUser);
    mockFetch({ '/api/v1/thing': problem(500, 'Server error', 'Something broke on our side.') });
    await client.fetchQuery({ queryKey: ['thing'], queryFn: () => api.get('/api/v1/thing') }).catch(() => undefined);
    expect(toasts()[0]!.message).toBe('Something broke on our side.');
  });
});

describe('auth service', () => {
  it('fetches /auth/me first when there is no XSRF cookie yet, then posts the credentials', async () => {
    const spy = mockFetch({
      'GET /api/v1/auth/me': () => {
        document.cookie = 'XSRF-TOKEN=from-me; path=/';
        return problem(401, 'Unauthorized');
      },
      'POST /api/v1/auth/login': json(partnerUser),
    });
    await expect(login({ email: 'partner@elimu.demo', password: 'Demo#2026!' })).resolves.toEqual(partnerUser);
    expect(spy.mock.calls.map(([url, init]) => `${init?.method} ${url}`)).toEqual(['GET /api/v1/auth/me', 'POST /api/v1/auth/login']);
    expect(headersOf(spy.mock.calls[1]![1])['X-XSRF-TOKEN']).toBe('from-me');
    expect(JSON.parse(spy.mock.calls[1]![1]!.body as string)).toEqual({ email: 'partner@elimu.demo', password: 'Demo#2026!' });
  });
});
