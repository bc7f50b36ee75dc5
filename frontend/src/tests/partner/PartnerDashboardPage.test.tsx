import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it } from 'vitest';
import PartnerDashboardPage from '@/pages/partner/PartnerDashboardPage';
import { usePartnerStore } from '@/store';
import { createTestQueryClient, json, mockFetch, partnerUser, problem, renderWithProviders } from '../test-utils';
import { overviewFixture } from './fixtures';

const OVERVIEW = '/api/v1/partner/dashboard/overview';

function renderPage() {
  return renderWithProviders(<PartnerDashboardPage />, { route: '/dashboard/partner', queryClient: createTestQueryClient(partnerUser) });
}

const stat = (key: string) => screen.getByTestId(`stat-${key}`);

describe('PartnerDashboardPage', () => {
  // The charts load when first drawn; their first import here (Chart.js through Vite's transform) can outlast a
  // findBy on a busy runner, and what is tested is the page, not that wait.
  beforeAll(() => import('@/components/partner/shared/PartnerChart'), 60_000);

  it('shows loading skeletons until the overview arrives', async () => {
    let answer: (r: Response) => void = () => undefined;
    mockFetch({ [OVERVIEW]: () => new Promise<Response>((resolve) => (answer = resolve)) });
    renderPage();

    expect(screen.getByRole('heading', { level: 1, name: 'Partnership overview' })).toBeInTheDocument();
    expect(screen.getByTestId('skeleton-stats')).toHaveAttribute('aria-busy', 'true');
    expect(screen.getByText('Loading your dashboard…')).toBeInTheDocument();
    expect(screen.queryByTestId('stat-children-with-consent')).not.toBeInTheDocument();

    answer(json(overviewFixture()));
    expect(await screen.findByTestId('stat-children-with-consent')).toBeInTheDocument();
    expect(screen.queryByTestId('skeleton-stats')).not.toBeInTheDocument();
  });

  it('renders the figures of the overview', async () => {
    const fetchSpy = mockFetch({ [OVERVIEW]: json(overviewFixture()) });
    renderPage();

    await screen.findByTestId('stat-children-with-consent');
    expect(fetchSpy.mock.calls[0]![0]).toBe(OVERVIEW);
    expect(fetchSpy.mock.calls[0]![1]).toMatchObject({ credentials: 'same-origin', method: 'GET' });

    expect(within(stat('children-with-consent')).getByText('36')).toBeInTheDocument();
    expect(within(stat('children-enrolled')).getByText('48')).toBeInTheDocument();
    expect(within(stat('pending-consents')).getByText('9')).toBeInTheDocument();
    expect(within(stat('open-tickets')).getByText('2')).toBeInTheDocument();
    // Each label names one thing: children (not programs, not "sponsorships"), asked or not.
    expect(within(stat('children-with-consent')).getByText('Children with consent')).toBeInTheDocument();
    expect(within(stat('children-enrolled')).getByText('Children enrolled')).toBeInTheDocument();
    expect(within(stat('pending-consents')).getByText('Awaiting a guardian’s answer')).toBeInTheDocument();
    expect(screen.queryByText(/Active sponsorships|Pending consents|awaiting consent/i)).not.toBeInTheDocument();
    // Tickets and payments have their pages: no figure says "not available yet".
    expect(within(stat('open-tickets')).queryByText(/not available yet/)).not.toBeInTheDocument();
    expect(within(stat('outstanding')).queryByText(/not available yet/)).not.toBeInTheDocument();
    expect(within(stat('weekly-learning-minutes')).getByText('144 min')).toBeInTheDocument();

    // Money as Kenyans write it ("KES 154,000"), with the billing period.
    const kes = (n: number) => `KES ${n.toLocaleString('en-KE')}`;
    expect(within(stat('billed-this-period')).getByText('KES 154,000')).toBeInTheDocument();
    expect(within(stat('billed-this-period')).getByText(/Nov 2026/)).toBeInTheDocument();
    expect(within(stat('outstanding')).getByText(kes(55500))).toBeInTheDocument();
    expect(within(stat('outstanding')).getByText(new RegExp(`^${kes(98500)} paid this period`))).toBeInTheDocument();

    // The welcome uses the signed-in partner's name.
    expect(screen.getByText(/Welcome back, Wanjiku Foundation/)).toBeInTheDocument();
  });

  it('draws the bento cards: programs, children, billing and quick links', async () => {
    mockFetch({ [OVERVIEW]: json(overviewFixture()) });
    renderPage();
    await screen.findByTestId('stat-children-with-consent');

    const programs = screen.getByTestId('card-programs');
    expect(within(programs).getByText('6 sponsorship programs')).toBeInTheDocument();
    const programTable = await within(programs).findByRole('table', { name: 'Number of sponsorship programs in each status' });
    expect(within(programTable).getByRole('row', { name: 'Active 3' })).toBeInTheDocument();
    expect(within(programTable).getByRole('row', { name: 'Pending approval 1' })).toBeInTheDocument();

    const children = screen.getByTestId('card-children');
    expect(within(children).getByText('48 sponsored children')).toBeInTheDocument();
    const legend = within(children).getByRole('list');
    expect(within(legend).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Active36',
      'Without consent yet9',
      'Paused1',
      'Graduated2',
      'Left0',
      'Removed0',
    ]);
    // The donut leaves out empty statuses; its data table says so.
    const childTable = await within(children).findByRole('table', { name: 'Sponsored children in each status' });
    expect(within(childTable).queryByRole('row', { name: /Removed/ })).not.toBeInTheDocument();

    const billing = screen.getByTestId('card-billing');
    expect(within(billing).getByTestId('billing-paid')).toHaveTextContent('98,500');
    expect(within(billing).getByRole('progressbar')).toHaveAttribute('aria-valuenow', '64');

    // The funding page is built: the card links to it.
    expect(within(billing).getByRole('link', { name: 'Subscriptions and payments' })).toHaveAttribute('href', '/dashboard/partner/funding');
    expect(within(billing).queryByTestId('billing-soon')).not.toBeInTheDocument();

    const links = screen.getByTestId('card-quick-links');
    expect(within(links).getByRole('link', { name: /Children without consent yet/ })).toHaveAttribute(
      'href',
      '/dashboard/partner/sponsored-children?status=PENDING_CONSENT',
    );
    expect(within(links).getByTestId('quick-link-count-consents')).toHaveTextContent('9');
    // Every quick link leads to a built page: tickets, impact reports and resource contributions are.
    expect(within(links).getByTestId('quick-link-resources')).toBeInTheDocument();
    expect(within(links).getAllByRole('link').map((a) => a.getAttribute('href'))).toEqual([
      '/dashboard/partner/sponsorships',
      '/dashboard/partner/sponsored-children?status=PENDING_CONSENT',
      '/dashboard/partner/tickets',
      '/dashboard/partner/impact-reports',
      '/dashboard/partner/resources',
    ]);
    expect(document.getElementById('quick-links')).toBe(links);
  });

  it('shows the AI highlights card with the day\'s insights and who wrote them', async () => {
    mockFetch({
      [OVERVIEW]: json(overviewFixture()),
      '/api/v1/partner/dashboard/ai-highlights': json({
        day: '2026-12-02',
        items: [{ narrative: 'One.' }, { narrative: 'Two.' }, { narrative: 'Three.' }],
        provider: 'offline',
        model: 'elimu-offline-1',
        generatedAt: '2026-12-02T06:30:00Z',
      }),
    });
    renderPage();
    const card = await screen.findByTestId('card-ai-highlights');
    expect(await within(card).findAllByTestId('ai-highlight')).toHaveLength(3);
    expect(within(card).getByTestId('ai-provenance')).toHaveTextContent('elimu-offline-1');
  });

  it('seeds the sidebar counters from the overview', async () => {
    mockFetch({ [OVERVIEW]: json(overviewFixture()) });
    renderPage();
    await screen.findByTestId('stat-children-with-consent');
    await waitFor(() =>
      expect(usePartnerStore.getState().counters).toEqual({ pendingConsents: 9, childrenWithConsent: 36, openTickets: 2, childAlerts: 4, pendingPayments: 3, unreadNotifications: 0, unreadMessages: 0, suspendedPrograms: 0 }),
    );
  });

  it('filters and pages the status breakdown table', async () => {
    const user = userEvent.setup();
    mockFetch({ [OVERVIEW]: json(overviewFixture()) });
    renderPage();
    await screen.findByTestId('stat-children-with-consent');

    const card = screen.getByTestId('card-status-breakdown');
    const table = () => within(card).getByRole('table', { name: 'Programs and children by status' });
    const bodyRows = () => within(table()).getAllByRole('row').slice(1);

    // 12 statuses (6 of programs, 6 of children), 6 per page.
    expect(bodyRows()).toHaveLength(6);
    expect(within(card).getByText('Showing 1–6 of 12')).toBeInTheDocument();
    await user.click(within(card).getByRole('button', { name: 'Next page' }));
    expect(bodyRows()).toHaveLength(6);
    expect(within(card).getByText('Page 2 of 2')).toBeInTheDocument();

    await user.selectOptions(within(card).getByLabelText('Show'), 'children');
    expect(bodyRows()).toHaveLength(6);
    expect(bodyRows().every((r) => within(r).queryByText('Children'))).toBe(true);

    await user.type(within(card).getByLabelText('Search statuses'), 'paused');
    expect(bodyRows()).toHaveLength(1);
    expect(bodyRows()[0]).toHaveTextContent('Paused');
    expect(bodyRows()[0]).toHaveTextContent('1');

    await user.click(within(card).getByRole('button', { name: /Reset/ }));
    expect(bodyRows()).toHaveLength(6);
  });

  it('explains the billing figures in an accessible dialog', async () => {
    const user = userEvent.setup();
    mockFetch({ [OVERVIEW]: json(overviewFixture()) });
    renderPage();
    await screen.findByTestId('stat-children-with-consent');

    const help = screen.getByRole('button', { name: 'How these billing figures are counted' });
    await user.click(help);
    const dialog = screen.getByRole('dialog', { name: 'How billing is counted' });
    expect(dialog).toHaveAttribute('aria-modal', 'true');
    expect(within(dialog).getByText(/every invoice still pending or failed/)).toBeInTheDocument();
    expect(dialog).toContainElement(document.activeElement as HTMLElement);

    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(help).toHaveFocus();
  });

  it('shows the error with a retry button, and retrying loads the dashboard', async () => {
    const user = userEvent.setup();
    let calls = 0;
    mockFetch({
      [OVERVIEW]: () => (++calls === 1 ? problem(503, 'Service unavailable', 'The database is not reachable right now.') : json(overviewFixture())),
    });
    renderPage();

    const alert = await screen.findByTestId('dashboard-error');
    expect(alert).toHaveAttribute('role', 'alert');
    expect(within(alert).getByText('We couldn’t load your dashboard')).toBeInTheDocument();
    expect(within(alert).getByText('The database is not reachable right now.')).toBeInTheDocument();
    // The global handler also shows the problem's detail in a toast.
    expect(screen.getByTestId('toast')).toHaveTextContent('The database is not reachable right now.');

    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByTestId('stat-children-with-consent')).toBeInTheDocument();
    expect(screen.queryByTestId('dashboard-error')).not.toBeInTheDocument();
    expect(calls).toBe(2);
  });

  it('shows an empty state in the programs card when there are no programs', async () => {
    mockFetch({
      [OVERVIEW]: json(
        overviewFixture({
          programs: { total: 0, draft: 0, pendingApproval: 0, active: 0, paused: 0, completed: 0, cancelled: 0 },
          children: { total: 0, pendingConsent: 0, active: 0, paused: 0, graduated: 0, removed: 0, left: 0 },
        }),
      ),
    });
    renderPage();
    await screen.findByTestId('stat-children-with-consent');
    expect(within(screen.getByTestId('card-programs')).getByText('No sponsorship programs yet')).toBeInTheDocument();
    expect(within(screen.getByTestId('card-children')).getByText('No children enrolled yet')).toBeInTheDocument();
  });
});
