import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClientProvider } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import { createMemoryRouter, matchRoutes, Outlet, RouterProvider, type RouteObject } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { lazyPage, preloadMatches } from '@/app/lazy-page';
import { RootLayout } from '@/components/layout/RootLayout';
import { SimpleLayout } from '@/components/layout/SimpleLayout';
import { DashboardLayout } from '@/components/layout/DashboardLayout';
import { createTestQueryClient, json, mockFetch, parentUser, partnerUser } from '../test-utils';

// What Chrome says when the chunk of a lazy page cannot be fetched (offline, or gone after a release).
const offline = () => new TypeError('Failed to fetch dynamically imported module: http://localhost/assets/ConsentsPage-x1y2z3.js');

/** A page whose code fails to load `failures` times, then loads. */
function flakyPage(failures: number, text: string) {
  const load = vi.fn(async () => {
    if (load.mock.calls.length <= failures) throw offline();
    return { default: () => <h1>{text}</h1> };
  });
  return { Page: lazyPage(load), load };
}

function renderAt(path: string, table: RouteObject[], user = parentUser) {
  const router = createMemoryRouter([{ element: <RootLayout />, children: table }], { initialEntries: [path] });
  render(
    <QueryClientProvider client={createTestQueryClient(user)}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return router;
}

describe('a page whose code cannot be loaded', () => {
  // React reports each error a boundary catches on the console; here they are the point of the test.
  beforeEach(() => void vi.spyOn(console, 'error').mockImplementation(() => undefined));

  it('shows a retry state inside the layout, and Retry imports the page again', async () => {
    const { Page, load } = flakyPage(1, 'Consent requests');
    renderAt('/dashboard/parent/consents', [{ path: '/dashboard/parent', element: <SimpleLayout title="Parent" />, children: [{ path: 'consents', element: <Page /> }] }]);

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('This page could not be loaded.');
    expect(alert).toHaveTextContent('Check your connection.');
    expect(alert).not.toHaveTextContent('dynamically imported module');
    // The layout stays: the header with the user and the logout button.
    expect(screen.getByTestId('logout-button')).toBeInTheDocument();
    expect(screen.getByRole('main')).toContainElement(alert);

    await userEvent.setup().click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('heading', { name: 'Consent requests' })).toBeInTheDocument();
    expect(load).toHaveBeenCalledTimes(2);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('keeps the partner sidebar usable and tries again by itself when the connection comes back', async () => {
    mockFetch({ 'GET /api/v1/partner/dashboard/counters': json({ pendingConsents: 0, childrenWithConsent: 0, openTickets: 0, childAlerts: 0, pendingPayments: 0, unreadNotifications: 0, unreadMessages: 0 }) });
    const { Page, load } = flakyPage(1, 'Enrollments');
    renderAt('/dashboard/partner/enrollments', [{ path: '/dashboard/partner', element: <DashboardLayout />, children: [{ path: 'enrollments', element: <Page /> }] }], partnerUser);

    expect(await screen.findByRole('alert')).toHaveTextContent('This page could not be loaded.');
    expect(screen.getByRole('link', { name: /Sponsorships/ })).toBeInTheDocument();

    act(() => void window.dispatchEvent(new Event('online')));
    expect(await screen.findByRole('heading', { name: 'Enrollments' })).toBeInTheDocument();
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('still says so when Retry fails again, and another page can be opened meanwhile', async () => {
    const { Page } = flakyPage(2, 'Consent requests');
    const router = renderAt('/dashboard/parent/consents', [
      {
        path: '/dashboard/parent',
        element: <SimpleLayout title="Parent" />,
        children: [
          { index: true, element: <h1>Parent home</h1> },
          { path: 'consents', element: <Page /> },
        ],
      },
    ]);
    const user = userEvent.setup();
    await user.click(within(await screen.findByRole('alert')).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('This page could not be loaded.');

    await act(() => router.navigate('/dashboard/parent'));
    expect(await screen.findByRole('heading', { name: 'Parent home' })).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('a page that fails while rendering says it could not be shown, also inside the layout', async () => {
    function Broken(): never {
      throw new Error('Cannot read properties of undefined');
    }
    renderAt('/dashboard/parent/consents', [{ path: '/dashboard/parent', element: <SimpleLayout title="Parent" />, children: [{ path: 'consents', element: <Broken /> }] }]);

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('This page could not be shown');
    expect(within(alert).getByRole('button', { name: 'Reload' })).toBeInTheDocument();
    expect(screen.getByTestId('logout-button')).toBeInTheDocument();
  });
});

describe('preloading lazy pages', () => {
  it('loads a layout and its page side by side, each once', async () => {
    let finishLayout: () => void = () => undefined;
    const layoutLoad = vi.fn(
      () => new Promise<{ default: () => ReactElement }>((resolve) => (finishLayout = () => resolve({ default: () => <Outlet /> }))),
    );
    const pageLoad = vi.fn(async () => ({ default: () => <h1>Enrollments</h1> }));
    const Layout = lazyPage(layoutLoad);
    const Page = lazyPage(pageLoad);
    const table: RouteObject[] = [{ path: '/p', element: <Layout />, children: [{ path: 'enrollments', element: <Page /> }] }];

    preloadMatches(matchRoutes(table, '/p/enrollments'));
    // The page is asked for before the layout has arrived, not after it renders.
    expect(layoutLoad).toHaveBeenCalledTimes(1);
    expect(pageLoad).toHaveBeenCalledTimes(1);

    renderAt('/p/enrollments', table);
    act(() => finishLayout());
    expect(await screen.findByRole('heading', { name: 'Enrollments' })).toBeInTheDocument();
    expect(layoutLoad).toHaveBeenCalledTimes(1);
    expect(pageLoad).toHaveBeenCalledTimes(1);
  });
});
