import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { matchRoutes } from 'react-router';
import { routes } from '@/app/routes';
import { partnerSections } from '@/components/partner/sidebar/partner-sections';
import type { CurrentUser } from '@/types/partner';
import { adminUser, createTestQueryClient, json, mockFetch, parentUser, partnerUser, problem, renderApp } from '../test-utils';
import { overviewFixture } from '../partner/fixtures';

const counters = { pendingConsents: 0, childrenWithConsent: 0, openTickets: 0, childAlerts: 0, pendingPayments: 0, unreadNotifications: 0, unreadMessages: 0 };

function signedInAs(user: CurrentUser | null) {
  return createTestQueryClient(user);
}

describe('ProtectedRoute', () => {
  it('sends a visitor without a session to /login', async () => {
    mockFetch({ 'GET /api/v1/auth/me': problem(401, 'Unauthorized') });
    const { router } = renderApp('/dashboard/partner/sponsorships', { queryClient: createTestQueryClient() });

    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/login');
    expect(router.state.location.state).toEqual({ from: '/dashboard/partner/sponsorships' });
  });

  it('shows the "not allowed" page to a signed-in user of another role', async () => {
    const { router } = renderApp('/dashboard/partner', { queryClient: signedInAs(parentUser) });

    const page = await screen.findByTestId('not-allowed');
    expect(within(page).getByText('This area isn’t available to your account')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/dashboard/partner');
    expect(screen.queryByTestId('partner-sidebar')).not.toBeInTheDocument();
    expect(within(page).getByRole('link', { name: 'Go to my dashboard' })).toHaveAttribute('href', '/dashboard/parent');
  });

  it('keeps parents out of the admin area and partners out of the parent area', async () => {
    renderApp('/dashboard/admin', { queryClient: signedInAs(parentUser) });
    expect(await screen.findByTestId('not-allowed')).toBeInTheDocument();
  });

  it('lets a partner into the partner dashboard with its sidebar', async () => {
    mockFetch({ '/api/v1/partner/dashboard/overview': json(overviewFixture()), '/api/v1/partner/dashboard/counters': json(counters) });
    renderApp('/dashboard/partner', { queryClient: signedInAs(partnerUser) });

    expect(await screen.findByTestId('stat-children-with-consent')).toBeInTheDocument();
    expect(screen.getByTestId('partner-sidebar')).toBeInTheDocument();
  });

  it('sends the user to /login when the session ends during use (401 from the API)', async () => {
    mockFetch({ '/api/v1/partner/dashboard/overview': problem(401, 'Unauthorized'), '/api/v1/partner/dashboard/counters': json(counters) });
    const { router } = renderApp('/dashboard/partner', { queryClient: signedInAs(partnerUser) });

    await waitFor(() => expect(router.state.location.pathname).toBe('/login'));
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument();
    expect(screen.getByTestId('toast')).toHaveTextContent('Your session has ended. Please sign in again.');
  });
});

describe('/ redirects by role', () => {
  it.each([
    ['partner', partnerUser, '/dashboard/partner'],
    ['parent', parentUser, '/dashboard/parent'],
    ['admin', adminUser, '/dashboard/admin'],
    ['staff', { ...adminUser, roles: ['staff'] }, '/dashboard/admin'],
  ])('%s → %s', async (_role, user, target) => {
    mockFetch({ '/api/v1/partner/dashboard/overview': json(overviewFixture()), '/api/v1/partner/dashboard/counters': json(counters) });
    const { router } = renderApp('/', { queryClient: signedInAs(user) });
    await waitFor(() => expect(router.state.location.pathname).toBe(target));
  });

  it('no session → /login', async () => {
    const { router } = renderApp('/', { queryClient: signedInAs(null) });
    await waitFor(() => expect(router.state.location.pathname).toBe('/login'));
  });

  it('a student has no dashboard here and sees the "not allowed" page', async () => {
    renderApp('/', { queryClient: signedInAs({ ...parentUser, roles: ['student'] }) });
    expect(await screen.findByTestId('not-allowed')).toBeInTheDocument();
  });
});

describe('partner routes', () => {
  const placeholderPaths = Object.values(partnerSections).map((s) => s.path.replace(':id', '0193a7b0-0000-7000-8000-00000000c0de'));

  it('has the 22 section routes of plan Step 10 besides the overview', () => {
    const step10 = [
      'sponsorships',
      'sponsorships/:id',
      'sponsored-children',
      'sponsored-children/:id',
      'enrollments',
      'impact-reports',
      'collaboration',
      'sponsored-courses',
      'resources',
      'ai-resources',
      'funding',
      'budget',
      'grants',
      'roi-metrics',
      'custom-reports',
      'student-insights',
      'tickets',
      'help-resources',
      'training',
      'notifications',
      'profile',
      'settings',
    ];
    expect(step10).toHaveLength(22);
    // Every Step 10 path is routed: to its own page, or to the placeholder of a section not built yet.
    const sectionPaths = Object.values(partnerSections).map((s) => s.path);
    for (const path of step10) {
      const route = matchRoutes(routes, `/dashboard/partner/${path}`)!.at(-1)!.route;
      expect(route.path).not.toBe('*');
      if (route.path === ':section') expect(sectionPaths).toContain(path);
    }
  });

  it('a partner path that names no section is "not found", inside the partner layout', async () => {
    mockFetch({ '/api/v1/partner/dashboard/counters': json(counters) });
    renderApp('/dashboard/partner/no-such-section', { queryClient: signedInAs(partnerUser) });
    expect(await screen.findByTestId('not-found')).toBeInTheDocument();
    expect(screen.queryByTestId('section-unavailable')).not.toBeInTheDocument();
    expect(screen.getByTestId('mobile-menu-button')).toBeInTheDocument();
  });

  it.each(placeholderPaths)('/dashboard/partner/%s shows its header and says plainly it is not available yet', async (path) => {
    mockFetch({ '/api/v1/partner/dashboard/counters': json(counters) });
    renderApp(`/dashboard/partner/${path}`, { queryClient: signedInAs(partnerUser) });

    const empty = await screen.findByTestId('section-unavailable');
    expect(within(empty).getByText('This section is not available yet')).toBeInTheDocument();
    expect(within(empty).getByText(/will appear here once this section is enabled\./)).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1 })).toBeInTheDocument();
    expect(screen.getByRole('navigation', { name: 'Breadcrumb' })).toBeInTheDocument();
    expect(document.body.textContent).not.toMatch(/coming soon|todo|lorem ipsum/i);
  });

  it('names the Sponsored Children view chosen with ?tab=', async () => {
    const empty = { items: [], page: 1, pageSize: 24, total: 0 };
    mockFetch({
      '/api/v1/partner/dashboard/counters': json(counters),
      '/api/v1/partner/sponsorships/children': json(empty),
      '/api/v1/partner/sponsorships/programs': json(empty),
    });
    renderApp('/dashboard/partner/sponsored-children?tab=ai-insights', { queryClient: signedInAs(partnerUser) });
    expect(await screen.findByRole('heading', { level: 1, name: 'Sponsored Children · AI Insights' })).toBeInTheDocument();
    expect(screen.getByText(/Choose a child to open this view\./)).toBeInTheDocument();
  });

  it('shows a Not Found page inside the partner layout for unknown partner routes', async () => {
    mockFetch({ '/api/v1/partner/dashboard/counters': json(counters) });
    renderApp('/dashboard/partner/no-such-page', { queryClient: signedInAs(partnerUser) });
    expect(await screen.findByTestId('not-found')).toBeInTheDocument();
    expect(screen.getByTestId('partner-sidebar')).toBeInTheDocument();
  });

  it('shows a Not Found page for unknown top-level routes', async () => {
    renderApp('/no/such/page', { queryClient: signedInAs(parentUser) });
    expect(await screen.findByTestId('not-found')).toBeInTheDocument();
    expect(screen.getByTestId('logout-button')).toBeInTheDocument();
  });
});

describe('parent and admin landings', () => {
  it('greets the parent and points to consent requests', async () => {
    const user = userEvent.setup();
    mockFetch({ 'GET /api/v1/parent/consents': json({ items: [], page: 1, pageSize: 1, total: 0 }) });
    const { router } = renderApp('/dashboard/parent', { queryClient: signedInAs(parentUser) });

    expect(await screen.findByRole('heading', { level: 1, name: 'Karibu, Achieng Otieno' })).toBeInTheDocument();
    expect(await screen.findByText(/No requests wait for your answer/)).toBeInTheDocument();
    await user.click(screen.getByTestId('parent-consents-link'));
    await waitFor(() => expect(router.state.location.pathname).toBe('/dashboard/parent/consents'));
    expect(await screen.findByTestId('consents-empty')).toHaveTextContent('No consent requests');
  });

  it('greets the admin with the number of programs waiting for approval', async () => {
    mockFetch({ 'GET /api/v1/admin/sponsorship-programs': json({ items: [], page: 1, pageSize: 1, total: 0 }) });
    renderApp('/dashboard/admin', { queryClient: signedInAs(adminUser) });
    expect(await screen.findByRole('heading', { level: 1, name: 'Karibu, Elimu Admin' })).toBeInTheDocument();
    expect(await screen.findByTestId('admin-pending-text')).toHaveTextContent('No sponsorship programs wait for approval.');
  });

  it('logs out from the top bar', async () => {
    const user = userEvent.setup();
    const fetchSpy = mockFetch({ 'POST /api/v1/auth/logout': () => new Response(null, { status: 204 }) });
    const { router } = renderApp('/dashboard/admin', { queryClient: signedInAs(adminUser) });

    await user.click(await screen.findByTestId('logout-button'));
    await waitFor(() => expect(router.state.location.pathname).toBe('/login'));
    expect(fetchSpy.mock.calls.some(([url, init]) => url === '/api/v1/auth/logout' && init?.method === 'POST')).toBe(true);
  });
});
