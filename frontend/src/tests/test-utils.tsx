import type { ReactElement, ReactNode } from 'react';
import { render } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createMemoryRouter, matchRoutes, MemoryRouter, RouterProvider, useLocation, type RouteObject } from 'react-router';
import { vi } from 'vitest';
import { preloadMatches } from '@/app/lazy-page';
import { createQueryClient } from '@/app/query-client';
import { routes } from '@/app/routes';
import { Toaster } from '@/components/ui/Toaster';
import { authKeys } from '@/services/auth';
import type { CurrentUser } from '@/types/partner';

export const partnerUser: CurrentUser = {
  id: '0193a7b0-0000-7000-8000-000000000001',
  email: 'partner@elimu.demo',
  displayName: 'Wanjiku Foundation',
  roles: ['partner'],
  partnerProfileId: '0193a7b0-0000-7000-8000-0000000000aa',
  partnerRole: 'owner',
  preferredLanguage: 'en',
};

export const parentUser: CurrentUser = {
  id: '0193a7b0-0000-7000-8000-000000000002',
  email: 'parent@elimu.demo',
  displayName: 'Achieng Otieno',
  roles: ['parent'],
  partnerProfileId: null,
  partnerRole: null,
  preferredLanguage: 'en',
};

export const adminUser: CurrentUser = {
  id: '0193a7b0-0000-7000-8000-000000000003',
  email: 'admin@elimu.demo',
  displayName: 'Elimu Admin',
  roles: ['admin'],
  partnerProfileId: null,
  partnerRole: null,
  preferredLanguage: 'en',
};

/** The app's query client (with its global error handler), without retries, optionally signed in. */
export function createTestQueryClient(user?: CurrentUser | null): QueryClient {
  const client = createQueryClient();
  client.setDefaultOptions({ queries: { ...client.getDefaultOptions().queries, retry: false, staleTime: Infinity } });
  if (user !== undefined) client.setQueryData(authKeys.me, user);
  return client;
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
}

export function problem(status: number, title: string, detail?: string, extra: Record<string, unknown> = {}): Response {
  return new Response(JSON.stringify({ status, title, detail, ...extra }), { status, headers: { 'Content-Type': 'application/problem+json' } });
}

type Handler = (request: { url: string; method: string; init: RequestInit | undefined }) => Response | Promise<Response>;

/**
 * Replaces fetch: `routes` maps "METHOD /path" (or "/path" for any method) to a handler; anything
 * else answers 404 ProblemDetails. Returns the spy to inspect calls.
 */
export function mockFetch(routes: Record<string, Handler | Response>) {
  const spy = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const raw = typeof input === 'string' ? input : input instanceof URL ? input.toString() : input.url;
    const url = new URL(raw, 'http://localhost');
    const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
    const key = `${method} ${url.pathname}`;
    const handler = routes[key] ?? routes[url.pathname];
    if (!handler) return problem(404, 'Not found');
    return typeof handler === 'function' ? handler({ url: raw, method, init }) : handler.clone();
  });
  vi.stubGlobal('fetch', spy);
  return spy;
}

/** Shows the current location, to assert navigation. */
export function LocationDisplay() {
  const location = useLocation();
  return <div data-testid="location">{`${location.pathname}${location.search}${location.hash}`}</div>;
}

export function renderWithProviders(ui: ReactElement, { route = '/', queryClient = createTestQueryClient(null) } = {}) {
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>
      <MemoryRouter initialEntries={[route]}>
        {children}
        <LocationDisplay />
      </MemoryRouter>
      <Toaster />
    </QueryClientProvider>
  );
  return { queryClient, ...render(ui, { wrapper }) };
}

/** Renders the real route table at `route`. */
export function renderApp(route: string, { queryClient = createTestQueryClient(), routeTable = routes }: { queryClient?: QueryClient; routeTable?: RouteObject[] } = {}) {
  const router = createMemoryRouter(routeTable, { initialEntries: [route] });
  // As the app does (App.tsx): a path's lazy layout and page load side by side.
  preloadMatches(matchRoutes(routeTable, route));
  router.subscribe((state) => preloadMatches(state.matches));
  const result = render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
      <Toaster />
    </QueryClientProvider>,
  );
  return { router, queryClient, ...result };
}
