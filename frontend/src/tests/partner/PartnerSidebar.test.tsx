import { useState } from 'react';
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter, Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { PartnerSidebar } from '@/components/partner/sidebar/PartnerSidebar';
import { partnerNav } from '@/components/partner/sidebar/partner-nav';
import { DashboardLayout } from '@/components/layout/DashboardLayout';
import { PARTNER_STORE_KEY, usePartnerStore } from '@/store';
import { createTestQueryClient, json, LocationDisplay, mockFetch, partnerUser } from '../test-utils';

function SidebarHarness() {
  const [mobileOpen, setMobileOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setMobileOpen(true)}>
        open drawer
      </button>
      <PartnerSidebar mobileOpen={mobileOpen} onMobileClose={() => setMobileOpen(false)} />
      <LocationDisplay />
    </>
  );
}

function renderSidebar(route = '/dashboard/partner') {
  const queryClient = createTestQueryClient(partnerUser);
  return render(
    <QueryClientProvider client={queryClient}>
      <MemoryRouter initialEntries={[route]}>
        <Routes>
          <Route path="/login" element={<LocationDisplay />} />
          <Route path="*" element={<SidebarHarness />} />
        </Routes>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

const sidebar = () => screen.getByTestId('partner-sidebar');
const nav = () => within(sidebar()).getByRole('navigation', { name: 'Partner navigation' });
const toggle = (key: string) => screen.getByTestId(`sidebar-section-toggle-${key}`);
const location = () => screen.getByTestId('location').textContent;

describe('PartnerSidebar', () => {
  it('renders the 7 sections in order inside a navigation landmark', () => {
    renderSidebar();
    const sections = within(nav()).getAllByTestId(/^sidebar-section-[a-z]+$/);
    expect(sections.map((s) => s.dataset.testid)).toEqual([
      'sidebar-section-dashboard',
      'sidebar-section-partnerships',
      'sidebar-section-content',
      'sidebar-section-finance',
      'sidebar-section-analytics',
      'sidebar-section-support',
      'sidebar-section-account',
    ]);
    expect(within(nav()).getByRole('button', { name: /^Dashboard/ })).toBeInTheDocument();
    expect(within(nav()).getByRole('button', { name: /^Account/ })).toBeInTheDocument();
  });

  it('shows the Partnerships items with the six Sponsored Children views', () => {
    renderSidebar();
    const section = screen.getByTestId('sidebar-section-partnerships');
    for (const label of ['Sponsorships', 'Sponsored Children', 'Enrollments', 'Impact Reports', 'Collaboration']) {
      expect(within(section).getByRole('link', { name: new RegExp(`^${label}`) })).toBeInTheDocument();
    }
    const views = within(section).getByRole('list', { name: 'Sponsored Children views' });
    expect(within(views).getAllByRole('link').map((a) => a.textContent)).toEqual([
      'Overview',
      'Learning Journey',
      'Activity',
      'Achievements',
      'Goals',
      'AI Insights',
    ]);
    expect(within(views).getByRole('link', { name: 'Goals' })).toHaveAttribute('href', '/dashboard/partner/sponsored-children?tab=goals');
  });

  it('expands and collapses a section, keeping the state in the store', async () => {
    const user = userEvent.setup();
    renderSidebar();

    expect(toggle('finance')).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('link', { name: /^Budget Management/ })).not.toBeInTheDocument();

    await user.click(toggle('finance'));
    expect(toggle('finance')).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByRole('link', { name: /^Budget Management/ })).toHaveAttribute('href', '/dashboard/partner/budget');
    expect(usePartnerStore.getState().openSidebarSections).toContain('finance');

    await user.click(toggle('finance'));
    expect(toggle('finance')).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('link', { name: /^Budget Management/ })).not.toBeInTheDocument();
    expect(usePartnerStore.getState().openSidebarSections).not.toContain('finance');
  });

  it('navigates when an item is clicked and marks it as the current page', async () => {
    const user = userEvent.setup();
    renderSidebar();

    expect(screen.getByTestId('sidebar-item-overview')).toHaveAttribute('aria-current', 'page');

    await user.click(screen.getByTestId('sidebar-item-sponsorships'));
    expect(location()).toBe('/dashboard/partner/sponsorships');
    expect(screen.getByTestId('sidebar-item-sponsorships')).toHaveAttribute('aria-current', 'page');
    expect(screen.getByTestId('sidebar-item-overview')).not.toHaveAttribute('aria-current');

    await user.click(screen.getByTestId('sidebar-item-children-goals'));
    expect(location()).toBe('/dashboard/partner/sponsored-children?tab=goals');
    expect(screen.getByTestId('sidebar-item-children-goals')).toHaveAttribute('aria-current', 'page');
    expect(screen.getByTestId('sidebar-item-children-overview')).not.toHaveAttribute('aria-current');

    await user.click(screen.getByTestId('sidebar-item-quick-links'));
    expect(location()).toBe('/dashboard/partner#quick-links');
    expect(screen.getByTestId('sidebar-item-quick-links')).toHaveAttribute('aria-current', 'page');
    expect(screen.getByTestId('sidebar-item-overview')).not.toHaveAttribute('aria-current');
  });

  it('opens and highlights the section of the current route', () => {
    renderSidebar('/dashboard/partner/tickets');
    expect(toggle('support')).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByTestId('sidebar-item-tickets')).toHaveAttribute('aria-current', 'page');
    expect(screen.getByTestId('sidebar-item-tickets').dataset.active).toBe('true');
    expect(usePartnerStore.getState().activeSection).toBe('support');
  });

  it('keeps a parent item active on its sub-routes', () => {
    renderSidebar('/dashboard/partner/sponsorships/0193a7b0-0000-7000-8000-00000000beef');
    expect(screen.getByTestId('sidebar-item-sponsorships')).toHaveAttribute('aria-current', 'page');
  });

  it('filters items as you type and says when nothing matches', async () => {
    const user = userEvent.setup();
    renderSidebar();
    const search = screen.getByTestId('sidebar-search');

    await user.type(search, 'tick');
    expect(usePartnerStore.getState().globalSearch).toBe('tick');
    expect(screen.getByTestId('sidebar-item-tickets')).toBeInTheDocument();
    expect(screen.queryByTestId('sidebar-item-sponsorships')).not.toBeInTheDocument();
    expect(within(nav()).getAllByTestId(/^sidebar-section-[a-z]+$/).map((s) => s.dataset.testid)).toEqual(['sidebar-section-support']);
    // A closed section with a match is shown open.
    expect(toggle('support')).toHaveAttribute('aria-expanded', 'true');

    await user.clear(search);
    await user.type(search, 'goals');
    expect(screen.getByTestId('sidebar-item-sponsored-children')).toBeInTheDocument();
    expect(screen.getByTestId('sidebar-item-children-goals')).toBeInTheDocument();
    expect(screen.queryByTestId('sidebar-item-children-activity')).not.toBeInTheDocument();

    await user.clear(search);
    await user.type(search, 'finance');
    expect(screen.getByTestId('sidebar-item-funding')).toBeInTheDocument();
    expect(screen.getByTestId('sidebar-item-budget')).toBeInTheDocument();
    expect(screen.getByTestId('sidebar-item-grants')).toBeInTheDocument();

    await user.clear(search);
    await user.type(search, 'zebra');
    expect(screen.getByTestId('sidebar-no-matches')).toHaveTextContent('No matches for “zebra”');
    expect(within(sidebar()).queryAllByRole('link', { name: /Sponsorships|Tickets/ })).toHaveLength(0);

    await user.clear(search);
    expect(screen.queryByTestId('sidebar-no-matches')).not.toBeInTheDocument();
    expect(within(nav()).getAllByTestId(/^sidebar-section-[a-z]+$/)).toHaveLength(7);
  });

  it('shows badge counters from the store and hides zeros', async () => {
    usePartnerStore.getState().setCounters({ childrenWithConsent: 12, childAlerts: 0, pendingConsents: 3, openTickets: 5, pendingPayments: 0 });
    usePartnerStore.setState({ openSidebarSections: ['partnerships', 'finance', 'support'] });
    renderSidebar();

    // Sponsorships lists programs: a count of children beside it would read as a number of programs.
    expect(screen.queryByTestId('sidebar-badge-sponsorships')).not.toBeInTheDocument();
    expect(screen.getByTestId('sidebar-badge-enrollments')).toHaveTextContent('3');
    expect(screen.queryByTestId('sidebar-badge-child-alerts')).not.toBeInTheDocument();
    // Screen readers hear what the number means.
    expect(screen.getByTestId('sidebar-item-enrollments')).toHaveAccessibleName(/^Enrollments\W+3 awaiting a guardian’s answer$/);

    // Live: a pushed update changes the badges at once.
    act(() => usePartnerStore.getState().setCounters({ childAlerts: 2, pendingConsents: 0 }));
    // New alerts are counted on the page that lists them, not on the children's list.
    expect(screen.getByTestId('sidebar-badge-child-alerts')).toHaveTextContent('2');
    expect(screen.getByTestId('sidebar-item-child-alerts')).toHaveAccessibleName(/^Child Alerts\W+2 need attention$/);
    expect(screen.queryByTestId('sidebar-badge-sponsored-children')).not.toBeInTheDocument();
    expect(screen.queryByTestId('sidebar-badge-enrollments')).not.toBeInTheDocument();
  });

  it('shows every section built, with its badge, and no Soon marker', async () => {
    usePartnerStore.getState().setCounters({ childrenWithConsent: 12, childAlerts: 0, pendingConsents: 0, openTickets: 5, pendingPayments: 140 });
    usePartnerStore.setState({ openSidebarSections: ['dashboard', 'partnerships', 'content', 'finance', 'support'] });
    renderSidebar();

    // Built pages show their counts (tickets, funding); every page of the plan is built, so none says "Soon".
    expect(screen.getByTestId('sidebar-badge-tickets')).toHaveTextContent('5');
    expect(screen.getByTestId('sidebar-badge-funding')).toHaveTextContent('99+');
    expect(screen.queryAllByText('Soon')).toEqual([]);
    for (const key of ['overview', 'quick-links', 'ai-highlights', 'impact-reports', 'sponsored-courses', 'resources', 'ai-resources', 'sponsorships', 'sponsored-children', 'enrollments', 'collaboration', 'tickets', 'funding', 'budget', 'grants']) {
      expect(screen.queryByTestId(`sidebar-soon-${key}`)).not.toBeInTheDocument();
      expect(screen.getByTestId(`sidebar-item-${key}`)).toHaveAttribute('data-built', 'true');
    }
    // Funding is built, so its pending payments mark the collapsed Finance section.
    await userEvent.setup().click(screen.getByTestId('sidebar-section-toggle-finance'));
    expect(screen.getByTestId('sidebar-section-toggle-finance')).toHaveAccessibleName('Finance, has updates');
  });

  it('collapses to an icon rail and back, persisting the choice', async () => {
    const user = userEvent.setup();
    renderSidebar();

    await user.click(screen.getByTestId('sidebar-collapse'));
    expect(usePartnerStore.getState().sidebarCollapsed).toBe(true);
    expect(sidebar()).toHaveAttribute('data-collapsed', 'true');
    expect(screen.queryByTestId('sidebar-search')).not.toBeInTheDocument();
    expect(screen.queryByText('Partnership Overview')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Finance' })).toBeInTheDocument();
    expect(JSON.parse(localStorage.getItem(PARTNER_STORE_KEY)!).state.sidebarCollapsed).toBe(true);

    await user.click(screen.getByTestId('sidebar-collapse'));
    expect(usePartnerStore.getState().sidebarCollapsed).toBe(false);
    expect(sidebar()).toHaveAttribute('data-collapsed', 'false');
    expect(screen.getByTestId('sidebar-search')).toBeInTheDocument();
    expect(JSON.parse(localStorage.getItem(PARTNER_STORE_KEY)!).state.sidebarCollapsed).toBe(false);
  });

  it('opens a section from the rail by expanding the sidebar', async () => {
    const user = userEvent.setup();
    usePartnerStore.setState({ sidebarCollapsed: true });
    renderSidebar();

    await user.click(screen.getByTestId('sidebar-rail-analytics'));
    expect(usePartnerStore.getState().sidebarCollapsed).toBe(false);
    expect(toggle('analytics')).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByRole('link', { name: /^ROI Metrics/ })).toBeInTheDocument();
  });

  it('logs out from the Logout item', async () => {
    const user = userEvent.setup();
    document.cookie = 'XSRF-TOKEN=token-123; path=/';
    const fetchSpy = mockFetch({ 'POST /api/v1/auth/logout': () => new Response(null, { status: 204 }) });
    usePartnerStore.setState({ openSidebarSections: ['account'] });
    renderSidebar();

    await user.click(screen.getByTestId('sidebar-item-logout'));
    await screen.findByText('/login');
    const [url, init] = fetchSpy.mock.calls.find(([u]) => String(u).includes('/auth/logout'))!;
    expect(url).toBe('/api/v1/auth/logout');
    expect(init?.method).toBe('POST');
    expect((init?.headers as Record<string, string>)['X-XSRF-TOKEN']).toBe('token-123');
  });

  it('has an item for every route of the navigation table', () => {
    usePartnerStore.setState({ openSidebarSections: partnerNav.map((s) => s.key) });
    renderSidebar();
    for (const section of partnerNav) {
      for (const item of section.items) expect(screen.getByTestId(`sidebar-item-${item.key}`)).toBeInTheDocument();
    }
  });
});

describe('PartnerSidebar on a phone', () => {
  function renderLayout() {
    mockFetch({ '/api/v1/partner/dashboard/counters': json({ pendingConsents: 0, childrenWithConsent: 0, openTickets: 0, childAlerts: 0, pendingPayments: 0 }) });
    const queryClient = createTestQueryClient(partnerUser);
    return render(
      <QueryClientProvider client={queryClient}>
        <MemoryRouter initialEntries={['/dashboard/partner']}>
          <Routes>
            <Route path="/dashboard/partner" element={<DashboardLayout />}>
              <Route path="*" element={<LocationDisplay />} />
              <Route index element={<LocationDisplay />} />
            </Route>
          </Routes>
        </MemoryRouter>
      </QueryClientProvider>,
    );
  }

  it('is an overlay drawer opened by the menu button and closed by the backdrop', async () => {
    window.innerWidth = 375;
    const user = userEvent.setup();
    renderLayout();

    expect(sidebar()).toHaveAttribute('data-mobile-open', 'false');
    expect(sidebar()).toHaveAttribute('inert');
    expect(screen.queryByTestId('sidebar-overlay')).not.toBeInTheDocument();

    await user.click(screen.getByTestId('mobile-menu-button'));
    expect(sidebar()).toHaveAttribute('data-mobile-open', 'true');
    expect(sidebar()).not.toHaveAttribute('inert');
    expect(screen.getByTestId('mobile-menu-button')).toHaveAttribute('aria-expanded', 'true');

    await user.click(screen.getByTestId('sidebar-overlay'));
    expect(screen.queryByTestId('sidebar-overlay')).not.toBeInTheDocument();
    expect(sidebar()).toHaveAttribute('data-mobile-open', 'false');
  });

  it('closes after navigating and on Escape, and ignores the desktop collapse', async () => {
    window.innerWidth = 375;
    usePartnerStore.setState({ sidebarCollapsed: true });
    const user = userEvent.setup();
    renderLayout();

    await user.click(screen.getByTestId('mobile-menu-button'));
    // Labels show in the drawer even though the desktop rail is collapsed.
    expect(sidebar()).toHaveAttribute('data-collapsed', 'false');
    await user.click(screen.getByTestId('sidebar-item-sponsorships'));
    expect(screen.getByTestId('location')).toHaveTextContent('/dashboard/partner/sponsorships');
    expect(screen.queryByTestId('sidebar-overlay')).not.toBeInTheDocument();

    await user.click(screen.getByTestId('mobile-menu-button'));
    expect(screen.getByTestId('sidebar-overlay')).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(screen.queryByTestId('sidebar-overlay')).not.toBeInTheDocument();
  });

  it('is a static column with no overlay on a desktop', () => {
    window.innerWidth = 1280;
    renderLayout();
    expect(sidebar()).not.toHaveAttribute('inert');
    expect(screen.queryByTestId('sidebar-overlay')).not.toBeInTheDocument();
  });
});
