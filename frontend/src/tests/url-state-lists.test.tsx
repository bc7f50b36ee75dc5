import type { ReactElement } from 'react';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClientProvider } from '@tanstack/react-query';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import AdminAuditLogPage from '@/pages/admin/AdminAuditLogPage';
import AdminSponsorshipProgramsPage from '@/pages/admin/AdminSponsorshipProgramsPage';
import ParentConsentsPage from '@/pages/parent/ParentConsentsPage';
import ChildProgressPage from '@/pages/partner/ChildProgressPage';
import EnrollmentsPage from '@/pages/partner/EnrollmentsPage';
import PartnerDashboardPage from '@/pages/partner/PartnerDashboardPage';
import SponsoredChildrenPage from '@/pages/partner/SponsoredChildrenPage';
import SponsorshipDetailPage from '@/pages/partner/SponsorshipDetailPage';
import SponsorshipsPage from '@/pages/partner/SponsorshipsPage';
import type { CurrentUser } from '@/types/partner';
import { consentFixture } from './parent/fixtures';
import { overviewFixture } from './partner/fixtures';
import {
  activityFixture,
  CHILD_ID,
  childFixture,
  headerFixture,
  journeyFixture,
  paged,
  programFixture,
  PROGRAM_ID,
  studentFixture,
} from './partner/sponsorship-fixtures';
import { adminUser, createTestQueryClient, json, mockFetch, parentUser, partnerUser } from './test-utils';

/**
 * Each list of the product, opened from a URL as a reload or a shared link would, shows the state the URL names and asks
 * the API for it; a change goes into the URL, and Back brings the previous state back.
 */

const SPONSORSHIPS = '/api/v1/partner/sponsorships';

/** Renders one page at `url`, with a page before it in the history (so Back from the first state leaves the list). */
function open(path: string, page: ReactElement, url: string, user: CurrentUser = partnerUser) {
  const router = createMemoryRouter(
    [
      { path, element: page },
      { path: '/before', element: <p>The page before</p> },
    ],
    { initialEntries: ['/before', url], initialIndex: 1 },
  );
  render(
    <QueryClientProvider client={createTestQueryClient(user)}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return { router, back: () => act(() => void router.navigate(-1)), search: () => router.state.location.search };
}

/** The query of the latest GET whose path is `path`. */
function lastQuery(spy: ReturnType<typeof mockFetch>, path: string): Record<string, string> {
  const urls = spy.mock.calls.map(([u]) => new URL(String(u), 'http://x')).filter((u) => u.pathname === path);
  expect(urls.length).toBeGreaterThan(0);
  return Object.fromEntries(urls.at(-1)!.searchParams);
}

describe('list state survives reload and Back', () => {
  it('sponsorships: status, search and page', async () => {
    const user = userEvent.setup();
    const spy = mockFetch({ [`${SPONSORSHIPS}/programs`]: json(paged([programFixture()], 45, 2)) });
    const { back, search } = open('/p', <SponsorshipsPage />, '/p?status=ACTIVE&q=readers&page=2');

    await screen.findByText('Kisumu Lakeside Readers');
    expect(screen.getByRole('button', { name: 'Active' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByRole('searchbox', { name: 'Search programs' })).toHaveValue('readers');
    expect(lastQuery(spy, `${SPONSORSHIPS}/programs`)).toMatchObject({ status: 'ACTIVE', search: 'readers', page: '2' });

    await user.click(screen.getByRole('button', { name: 'Draft' }));
    await waitFor(() => expect(search()).toBe('?status=DRAFT&q=readers'));
    await waitFor(() => expect(lastQuery(spy, `${SPONSORSHIPS}/programs`)).toMatchObject({ status: 'DRAFT', page: '1' }));

    back();
    await waitFor(() => expect(screen.getByRole('button', { name: 'Active' })).toHaveAttribute('aria-pressed', 'true'));
    expect(search()).toBe('?status=ACTIVE&q=readers&page=2');
    expect(screen.getByRole('searchbox', { name: 'Search programs' })).toHaveValue('readers');
  });

  // The list scrolls through every child (a page at a time from the server), so it keeps no page in the URL.
  it('sponsored children: filters, search and the view toggle', async () => {
    const user = userEvent.setup();
    const spy = mockFetch({
      [`${SPONSORSHIPS}/children`]: json(paged([childFixture()], 1, 1, 60)),
      [`${SPONSORSHIPS}/children/by-program`]: json({ total: 1, programs: [] }),
      [`${SPONSORSHIPS}/programs`]: json(paged([programFixture()])),
    });
    const { back, search } = open('/c', <SponsoredChildrenPage />, '/c?status=ACTIVE&alerts=true&q=faith');

    await screen.findByTestId('child-card');
    expect(screen.getByLabelText('Status')).toHaveValue('ACTIVE');
    expect(screen.getByLabelText('Search children by name')).toHaveValue('faith');
    expect(lastQuery(spy, `${SPONSORSHIPS}/children`)).toMatchObject({ status: 'ACTIVE', hasAlert: 'true', search: 'faith', page: '1' });

    await user.click(screen.getByTestId('view-cohort'));
    await waitFor(() => expect(search()).toBe('?status=ACTIVE&alerts=true&q=faith&view=cohort'));
    expect(screen.getByTestId('view-cohort')).toHaveAttribute('aria-pressed', 'true');

    back();
    await waitFor(() => expect(screen.getByTestId('view-individual')).toHaveAttribute('aria-pressed', 'true'));
    expect(await screen.findByTestId('child-card')).toBeInTheDocument();
    expect(search()).toBe('?status=ACTIVE&alerts=true&q=faith');
  });

  it('a program’s children table keeps its page, and the add-children picker reopens on its search', async () => {
    const user = userEvent.setup();
    const spy = mockFetch({
      [`${SPONSORSHIPS}/programs/${PROGRAM_ID}`]: json(programFixture({ children: { enrolled: 45, active: 45, pendingConsent: 0, paused: 0, graduated: 0, removed: 0, left: 0 } })),
      [`${SPONSORSHIPS}/children`]: json(paged([childFixture()], 45, 2)),
      [`${SPONSORSHIPS}/available-students`]: json(paged([studentFixture(1)], 30, 2)),
    });
    const { back, search } = open('/s/:id', <SponsorshipDetailPage />, `/s/${PROGRAM_ID}?page=2&add=true&addQ=otieno&addCounty=Kisumu&addPage=2`);

    const modal = await screen.findByTestId('add-children-modal');
    expect(within(modal).getByLabelText('Search by first name, whole surname, admission number or school')).toHaveValue('otieno');
    await waitFor(() =>
      expect(lastQuery(spy, `${SPONSORSHIPS}/available-students`)).toMatchObject({ search: 'otieno', county: 'Kisumu', page: '2' }),
    );
    expect(lastQuery(spy, `${SPONSORSHIPS}/children`)).toMatchObject({ programId: PROGRAM_ID, page: '2' });

    // Closing the picker (opened by the link, not by a click here) clears its keys and keeps the table's page.
    await user.click(within(modal).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(search()).toBe('?page=2'));
    expect(screen.queryByTestId('add-children-modal')).not.toBeInTheDocument();

    // Opened by a click, the picker is one history entry: Back closes it.
    await user.click(screen.getByTestId('add-children'));
    expect(await screen.findByTestId('add-children-modal')).toBeInTheDocument();
    await waitFor(() => expect(search()).toBe('?page=2&add=true'));
    back();
    await waitFor(() => expect(screen.queryByTestId('add-children-modal')).not.toBeInTheDocument());
    expect(search()).toBe('?page=2');
  });

  it('dashboard status breakdown: group, search and page', async () => {
    const user = userEvent.setup();
    mockFetch({ '/api/v1/partner/dashboard/overview': json(overviewFixture()) });
    const { back, search } = open('/d', <PartnerDashboardPage />, '/d?statusGroup=children&statusQ=consent');

    const card = await screen.findByTestId('card-status-breakdown');
    expect(within(card).getByLabelText('Show')).toHaveValue('children');
    expect(within(card).getByRole('searchbox')).toHaveValue('consent');
    const rows = within(within(card).getByTestId('status-breakdown-table')).getAllByRole('row').slice(1);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row).toHaveTextContent(/^Children/);

    await user.selectOptions(within(card).getByLabelText('Show'), 'programs');
    await waitFor(() => expect(search()).toBe('?statusGroup=programs&statusQ=consent'));
    back();
    await waitFor(() => expect(within(card).getByLabelText('Show')).toHaveValue('children'));
  });

  it('enrollments: the cohort tracking program', async () => {
    const user = userEvent.setup();
    const other = programFixture({ id: '0193a7b0-0000-7000-8000-0000000000f2', name: 'Nairobi Numeracy' });
    const spy = mockFetch({
      [`${SPONSORSHIPS}/programs`]: json(paged([programFixture(), other])),
      '/api/v1/partner/enrollments/cohorts': json({ weeks: 12, programs: [] }),
    });
    const { back, search } = open('/e', <EnrollmentsPage />, `/e?cohortProgram=${PROGRAM_ID}`);

    await waitFor(() => expect(screen.getByTestId('cohort-program')).toHaveValue(PROGRAM_ID));
    expect(lastQuery(spy, '/api/v1/partner/enrollments/cohorts')).toMatchObject({ programId: PROGRAM_ID });

    await user.selectOptions(screen.getByTestId('cohort-program'), other.id);
    await waitFor(() => expect(search()).toBe(`?cohortProgram=${other.id}`));
    back();
    await waitFor(() => expect(screen.getByTestId('cohort-program')).toHaveValue(PROGRAM_ID));
  });

  it('a child’s page: the tab and the activity period', async () => {
    const user = userEvent.setup();
    const base = `${SPONSORSHIPS}/children/${CHILD_ID}`;
    const spy = mockFetch({
      [base]: json(headerFixture()),
      [`${base}/progress`]: json(journeyFixture),
      [`${base}/activity`]: ({ url }) => json(activityFixture((new URL(url, 'http://x').searchParams.get('period') ?? 'week') as 'day' | 'week' | 'month')),
    });
    const { back, search } = open('/k/:id', <ChildProgressPage />, `/k/${CHILD_ID}?tab=activity&period=month`);

    const periods = await screen.findByTestId('period-switch');
    expect(within(periods).getByRole('button', { name: '30 days' })).toHaveAttribute('aria-pressed', 'true');
    expect(lastQuery(spy, `${base}/activity`)).toMatchObject({ period: 'month' });

    await user.click(within(periods).getByRole('button', { name: '7 days' }));
    await waitFor(() => expect(search()).toBe('?tab=activity'));
    await user.click(screen.getByRole('tab', { name: 'Learning Journey' }));
    await waitFor(() => expect(search()).toBe(''));

    back();
    expect(await screen.findByTestId('period-switch')).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Activity' })).toHaveAttribute('aria-selected', 'true');
    back();
    await waitFor(() => expect(within(screen.getByTestId('period-switch')).getByRole('button', { name: '30 days' })).toHaveAttribute('aria-pressed', 'true'));
  });

  it('parent consent inbox: the page', async () => {
    const user = userEvent.setup();
    const spy = mockFetch({
      '/api/v1/parent/consents': ({ url }) => {
        const page = Number(new URL(url, 'http://x').searchParams.get('page') ?? 1);
        return json({ items: [consentFixture({ id: `c-${page}` })], page, pageSize: 20, total: 45 });
      },
    });
    const { back, search } = open('/i', <ParentConsentsPage />, '/i?page=2', parentUser);

    expect(await screen.findByText('Page 2 of 3')).toBeInTheDocument();
    const inbox = spy.mock.calls.map(([u]) => new URL(String(u), 'http://x')).filter((u) => u.pathname === '/api/v1/parent/consents' && !u.searchParams.has('status'));
    expect(inbox.map((u) => u.searchParams.get('page'))).toEqual(['2']);

    await user.click(screen.getByRole('button', { name: /Older/ }));
    await waitFor(() => expect(search()).toBe('?page=3'));
    back();
    expect(await screen.findByText('Page 2 of 3')).toBeInTheDocument();
  });

  it('admin programs queue: status and page', async () => {
    const user = userEvent.setup();
    const spy = mockFetch({ '/api/v1/admin/sponsorship-programs': json({ items: [], page: 2, pageSize: 20, total: 45 }) });
    const { back, search } = open('/a', <AdminSponsorshipProgramsPage />, '/a?status=ACTIVE&page=2', adminUser);

    await waitFor(() => expect(lastQuery(spy, '/api/v1/admin/sponsorship-programs')).toMatchObject({ status: 'ACTIVE', page: '2' }));
    expect(screen.getByLabelText('Status')).toHaveValue('ACTIVE');

    await user.selectOptions(screen.getByLabelText('Status'), 'PAUSED');
    await waitFor(() => expect(search()).toBe('?status=PAUSED'));
    back();
    await waitFor(() => expect(screen.getByLabelText('Status')).toHaveValue('ACTIVE'));
    expect(search()).toBe('?status=ACTIVE&page=2');
  });

  it('admin audit log: filters and page', async () => {
    const user = userEvent.setup();
    const spy = mockFetch({ '/api/v1/admin/audit': json({ items: [], page: 1, pageSize: 25, total: 80 }) });
    const { back, search } = open('/l', <AdminAuditLogPage />, '/l?action=consent.&page=2', adminUser);

    await waitFor(() => expect(lastQuery(spy, '/api/v1/admin/audit')).toMatchObject({ action: 'consent.', page: '2' }));
    expect(screen.getByLabelText('Action')).toHaveValue('consent.');

    await user.clear(screen.getByLabelText('Action'));
    await user.type(screen.getByLabelText('Action'), 'child.read');
    await user.keyboard('{Enter}');
    await waitFor(() => expect(search()).toBe('?action=child.read'));
    back();
    await waitFor(() => expect(screen.getByLabelText('Action')).toHaveValue('consent.'));
    expect(search()).toBe('?action=consent.&page=2');
  });
});
