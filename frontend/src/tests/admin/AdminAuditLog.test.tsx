import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '@/services/admin/audit';
import { adminUser, createTestQueryClient, json, mockFetch, problem, renderApp } from '../test-utils';

const LIST = '/api/v1/admin/audit';
const CHILD = '0b7c5a2e-4d1f-4c3a-9e8b-2f6d1a0c9e77';
const PARTNER = '5d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6';
const ACTOR = '9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d';

function entry(overrides: Partial<AuditEntry> = {}): AuditEntry {
  return {
    id: 'e-1',
    at: '2026-11-30T21:15:00Z',
    actorId: PARTNER,
    actorEmail: 'partner@elimu.demo',
    action: 'child.read.list',
    entityType: 'sponsored_child',
    entityId: 'program-42',
    partnerId: PARTNER,
    details: 'Listed the sponsored children of Girls in STEM, page 1 of 3, with their latest scores and attendance',
    ipAddress: '41.90.64.12',
    studentIds: [CHILD, '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f'],
    ...overrides,
  };
}

function paged(items: AuditEntry[], extra: { page?: number; total?: number } = {}) {
  return { items, page: extra.page ?? 1, pageSize: 25, total: extra.total ?? items.length };
}

function renderAt(route = '/dashboard/admin/audit') {
  return renderApp(route, { queryClient: createTestQueryClient(adminUser) });
}

/** The query of every GET to the audit API, in order. */
function auditQueries(fetchSpy: ReturnType<typeof mockFetch>) {
  return fetchSpy.mock.calls
    .map(([url]) => new URL(String(url), 'http://localhost'))
    .filter((url) => url.pathname === LIST)
    .map((url) => Object.fromEntries(url.searchParams));
}

describe('admin audit log', () => {
  it('lists entries newest first with Nairobi times, truncated details and the children touched', async () => {
    const fetchSpy = mockFetch({ [`GET ${LIST}`]: json(paged([entry(), entry({ id: 'e-2', actorId: null, actorEmail: null, action: 'auth.sign_in_failed', details: null, studentIds: [], partnerId: null, ipAddress: null })])) });
    renderAt();

    expect(await screen.findByRole('heading', { level: 1, name: 'Audit log' })).toBeInTheDocument();
    const table = await screen.findByRole('table', { name: 'Audit log entries' });
    expect(within(table).getAllByRole('columnheader').map((th) => th.textContent)).toEqual([
      'Time (Nairobi)', 'Actor', 'Action', 'Entity', 'Partner', 'IP', 'Details', 'Children',
    ]);
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    const first = within(rows[0]!);
    // 21:15 UTC on 30 Nov is 00:15 on 1 Dec in Nairobi.
    expect(first.getByText('1 Dec 2026, 00:15')).toBeInTheDocument();
    expect(first.getByText('partner@elimu.demo')).toBeInTheDocument();
    expect(first.getByText('child.read.list')).toBeInTheDocument();
    expect(first.getByText('41.90.64.12')).toBeInTheDocument();
    expect(first.getByTestId('audit-details')).toHaveAttribute('title', entry().details);
    expect(first.getByTestId('audit-details')).toHaveClass('truncate');
    expect(first.getByTestId('audit-children')).toHaveTextContent('2');
    expect(within(rows[1]!).getByText('System')).toBeInTheDocument();
    expect(within(rows[1]!).getByTestId('audit-children')).toHaveTextContent('0');
    expect(screen.getByTestId('audit-total')).toHaveTextContent('2 events');

    expect(auditQueries(fetchSpy)).toEqual([{ page: '1', pageSize: '25' }]);
  });

  it('puts the filters in the URL and in the request, dates as Nairobi day bounds', async () => {
    const user = userEvent.setup();
    const fetchSpy = mockFetch({ [`GET ${LIST}`]: json(paged([entry()])) });
    const { router } = renderAt();
    await screen.findByRole('table', { name: 'Audit log entries' });

    await user.type(screen.getByLabelText('Child ID'), ` ${CHILD} `);
    await user.type(screen.getByLabelText('Partner ID'), PARTNER);
    await user.type(screen.getByLabelText('Actor ID'), ACTOR);
    await user.type(screen.getByLabelText('Action'), 'consent.');
    await user.type(screen.getByLabelText('From'), '2026-11-01');
    await user.type(screen.getByLabelText('To (inclusive)'), '2026-11-30');
    await user.click(screen.getByRole('button', { name: 'Search' }));

    await waitFor(() => expect(auditQueries(fetchSpy)).toHaveLength(2));
    expect(Object.fromEntries(new URLSearchParams(router.state.location.search))).toEqual({
      studentId: CHILD, partnerId: PARTNER, actorId: ACTOR, action: 'consent.', from: '2026-11-01', to: '2026-11-30',
    });
    expect(auditQueries(fetchSpy)[1]).toEqual({
      studentId: CHILD,
      partnerId: PARTNER,
      actorId: ACTOR,
      action: 'consent.',
      // Midnight in Nairobi (UTC+3), and the day after the inclusive end.
      from: '2026-10-31T21:00:00.000Z',
      to: '2026-11-30T21:00:00.000Z',
      page: '1',
      pageSize: '25',
    });

    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(router.state.location.search).toBe(''));
    expect(screen.getByLabelText('Child ID')).toHaveValue('');
  });

  it('reads the filters from a shared link', async () => {
    const fetchSpy = mockFetch({ [`GET ${LIST}`]: json(paged([entry()])) });
    renderAt(`/dashboard/admin/audit?studentId=${CHILD}&action=child.read.&page=2`);
    await screen.findByRole('table', { name: 'Audit log entries' });
    expect(screen.getByLabelText('Child ID')).toHaveValue(CHILD);
    expect(screen.getByLabelText('Action')).toHaveValue('child.read.');
    expect(auditQueries(fetchSpy)).toEqual([{ studentId: CHILD, action: 'child.read.', page: '2', pageSize: '25' }]);
  });

  it('pages through the results, keeping the filters', async () => {
    const user = userEvent.setup();
    const fetchSpy = mockFetch({
      [`GET ${LIST}`]: ({ url }) => {
        const page = Number(new URL(url, 'http://localhost').searchParams.get('page'));
        return json(paged([entry({ id: `e-page-${page}`, action: page === 2 ? 'consent.give' : 'consent.request' })], { page, total: 60 }));
      },
    });
    const { router } = renderAt(`/dashboard/admin/audit?partnerId=${PARTNER}`);

    expect(await screen.findByText('consent.request')).toBeInTheDocument();
    expect(screen.getByText('Page 1 of 3')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Previous page' })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Next page' }));

    expect(await screen.findByText('consent.give')).toBeInTheDocument();
    expect(screen.getByText('Page 2 of 3')).toBeInTheDocument();
    expect(router.state.location.search).toBe(`?partnerId=${PARTNER}&page=2`);
    expect(auditQueries(fetchSpy).at(-1)).toEqual({ partnerId: PARTNER, page: '2', pageSize: '25' });

    await user.click(screen.getByRole('button', { name: 'Previous page' }));
    await waitFor(() => expect(router.state.location.search).toBe(`?partnerId=${PARTNER}`));
  });

  it('says when nothing matches', async () => {
    mockFetch({ [`GET ${LIST}`]: json(paged([])) });
    renderAt(`/dashboard/admin/audit?actorId=${ACTOR}`);
    expect(await screen.findByText('No events match these filters. Widen the dates or clear a filter.')).toBeInTheDocument();
    expect(screen.getByTestId('audit-total')).toHaveTextContent('0 events');
  });

  it('refuses a malformed id with a clear message and sends nothing', async () => {
    const user = userEvent.setup();
    const fetchSpy = mockFetch({ [`GET ${LIST}`]: json(paged([entry()])) });
    const { router } = renderAt();
    await screen.findByRole('table', { name: 'Audit log entries' });

    const child = screen.getByLabelText('Child ID');
    await user.type(child, '0b7c5a2e-4d1f');
    await user.click(screen.getByRole('button', { name: 'Search' }));

    const message = screen.getByTestId('audit-filter-error-studentId');
    expect(message).toHaveTextContent('Enter the child’s full ID: 32 hexadecimal digits in groups of 8-4-4-4-12');
    expect(child).toHaveAttribute('aria-invalid', 'true');
    expect(child).toHaveAccessibleDescription(message.textContent!);
    expect(router.state.location.search).toBe('');
    expect(auditQueries(fetchSpy)).toHaveLength(1);
  });

  it('explains a bad id in a link instead of sending it', async () => {
    const fetchSpy = mockFetch({ [`GET ${LIST}`]: json(paged([entry()])) });
    renderAt('/dashboard/admin/audit?partnerId=abc&from=2026-11-30&to=2026-11-01');
    expect(await screen.findByTestId('audit-invalid')).toBeInTheDocument();
    expect(screen.getByTestId('audit-filter-error-partnerId')).toHaveTextContent('Enter the partner’s full ID');
    expect(screen.getByTestId('audit-filter-error-to')).toHaveTextContent('The end date must be on or after the start date.');
    expect(auditQueries(fetchSpy)).toHaveLength(0);
  });

  it('shows a refusal (403) as an error, not an empty log', async () => {
    mockFetch({ [`GET ${LIST}`]: problem(403, 'Forbidden', 'Only administrators can read the audit log.') });
    renderAt();
    const error = await screen.findByTestId('audit-error');
    expect(error).toHaveTextContent('We could not load the audit log');
    expect(error).toHaveTextContent('Only administrators can read the audit log.');
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('is linked from the admin landing page', async () => {
    const user = userEvent.setup();
    mockFetch({ '/api/v1/admin/sponsorship-programs': json({ items: [], page: 1, pageSize: 1, total: 0 }), [`GET ${LIST}`]: json(paged([])) });
    const { router } = renderApp('/dashboard/admin', { queryClient: createTestQueryClient(adminUser) });
    await user.click(await screen.findByTestId('admin-audit-link'));
    await waitFor(() => expect(router.state.location.pathname).toBe('/dashboard/admin/audit'));
  });

  it('keeps staff off the page and off the link', async () => {
    const fetchSpy = mockFetch({});
    const staff = createTestQueryClient({ ...adminUser, roles: ['staff'] });
    renderApp('/dashboard/admin/audit', { queryClient: staff });
    expect(await screen.findByText('This area isn’t available to your account')).toBeInTheDocument();
    expect(screen.queryByRole('heading', { level: 1, name: 'Audit log' })).not.toBeInTheDocument();
    expect(auditQueries(fetchSpy)).toHaveLength(0);
  });

  it('hides the landing-page link from staff', async () => {
    mockFetch({});
    renderApp('/dashboard/admin', { queryClient: createTestQueryClient({ ...adminUser, roles: ['staff'] }) });
    expect(await screen.findByTestId('admin-pending-text')).toBeInTheDocument();
    expect(screen.queryByTestId('admin-audit-link')).not.toBeInTheDocument();
  });
});
