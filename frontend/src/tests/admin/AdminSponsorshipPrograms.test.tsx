import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { PendingProgram } from '@/types/partner';
import { adminUser, createTestQueryClient, json, mockFetch, problem, renderApp } from '../test-utils';

const LIST = '/api/v1/admin/sponsorship-programs';

function programFixture(overrides: Partial<PendingProgram['program']> = {}): PendingProgram['program'] {
  return {
    id: 'p-stem',
    name: 'Girls in STEM Direct Sponsorship',
    description: 'Individually chosen girls in Grades 5 to 9 with an interest in science and mathematics.',
    programType: 'direct',
    minChildren: 10,
    maxChildren: 15,
    status: 'PENDING_APPROVAL',
    billingPeriod: 'termly',
    pricePerChild: 4000,
    currency: 'KES',
    customPricingNotes: null,
    startDate: '2026-12-17',
    endDate: null,
    goals: [{ title: 'Average Mathematics score of 70 or more', metric: 'avg_score:MATH', target: 70 }],
    submittedAt: null,
    approvedBy: null,
    approvedAt: null,
    rejectionReason: null,
    createdAt: '2026-11-12T07:00:00Z',
    updatedAt: '2026-11-30T08:15:00Z',
    children: { enrolled: 10, active: 6, pendingConsent: 4, paused: 0, graduated: 0, removed: 0, left: 0 },
    allowedActions: ['cancel'],
    ...overrides,
  };
}

const stem: PendingProgram = { program: programFixture(), partnerName: 'Esther Wambui', partnerEmail: 'partner@elimu.demo' };
const small: PendingProgram = {
  program: programFixture({ id: 'p-small', name: 'Coast Readers', programType: 'cohort', billingPeriod: 'monthly', pricePerChild: 1250.5, children: { enrolled: 8, active: 0, pendingConsent: 8, paused: 0, graduated: 0, removed: 0, left: 0 } }),
  partnerName: 'David Kiprotich',
  partnerEmail: 'partner2@elimu.demo',
};

function paged(items: PendingProgram[]) {
  return { items, page: 1, pageSize: 20, total: items.length };
}

function renderAt(route = '/dashboard/admin/sponsorship-programs') {
  return renderApp(route, { queryClient: createTestQueryClient(adminUser) });
}

// Money as Kenyans write it: "KES 1,500".
const kes = (n: number) => `KES ${n.toLocaleString('en-KE', { minimumFractionDigits: Number.isInteger(n) ? 0 : 2 })}`;

describe('admin sponsorship programs', () => {
  it('lists the programs waiting for approval with their terms', async () => {
    const fetchSpy = mockFetch({ [`GET ${LIST}`]: json(paged([stem, small])) });
    renderAt();

    expect(await screen.findByRole('heading', { level: 1, name: 'Sponsorship programs' })).toBeInTheDocument();
    const table = await screen.findByRole('table', { name: 'Pending approval sponsorship programs' });
    const headers = within(table).getAllByRole('columnheader').map((th) => th.textContent);
    expect(headers).toEqual(['Program', 'Partner', 'Type', 'Children', 'Price per child', 'Billing', 'Submitted', 'Actions']);

    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    const first = within(rows[0]!);
    expect(first.getByText('Girls in STEM Direct Sponsorship')).toBeInTheDocument();
    expect(first.getByText('Esther Wambui')).toBeInTheDocument();
    expect(first.getByText('partner@elimu.demo')).toBeInTheDocument();
    expect(first.getByText('Direct')).toBeInTheDocument();
    expect(first.getByTestId('program-children')).toHaveTextContent('10 / 10 min');
    expect(first.getByText(kes(4000))).toBeInTheDocument();
    expect(first.getByText('Termly')).toBeInTheDocument();
    expect(first.getByText('30 Nov 2026')).toBeInTheDocument();
    expect(within(rows[1]!).getByText(kes(1250.5))).toBeInTheDocument();
    expect(within(rows[1]!).getByTestId('program-children')).toHaveTextContent('8 / 10 min');

    expect(screen.getByTestId('programs-total')).toHaveTextContent('2 pending approval');
    expect(fetchSpy.mock.calls.map(([url]) => String(url))).toContain(`${LIST}?status=PENDING_APPROVAL&page=1&pageSize=20`);
  });

  it('filters by another status', async () => {
    const user = userEvent.setup();
    const active: PendingProgram = { ...stem, program: programFixture({ status: 'ACTIVE', approvedAt: '2026-08-01T07:00:00Z' }) };
    const fetchSpy = mockFetch({
      [`GET ${LIST}`]: ({ url }) => json(paged(new URL(url, 'http://localhost').searchParams.get('status') === 'ACTIVE' ? [active] : [stem])),
    });
    const { router } = renderAt();

    await screen.findByRole('table', { name: 'Pending approval sponsorship programs' });
    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'ACTIVE');

    const table = await screen.findByRole('table', { name: 'Active sponsorship programs' });
    await waitFor(() => expect(within(table).getByText('1 Aug 2026')).toBeInTheDocument());
    expect(within(table).getByRole('columnheader', { name: 'Approved' })).toBeInTheDocument();
    expect(within(table).getByRole('button', { name: 'Details' })).toBeInTheDocument();
    expect(router.state.location.search).toBe('?status=ACTIVE');
    expect(fetchSpy.mock.calls.map(([url]) => String(url))).toContain(`${LIST}?status=ACTIVE&page=1&pageSize=20`);
  });

  it('shows the details and approves', async () => {
    const user = userEvent.setup();
    document.cookie = 'XSRF-TOKEN=admin-token; path=/';
    let approved = false;
    const fetchSpy = mockFetch({
      [`GET ${LIST}`]: () => json(paged(approved ? [] : [stem])),
      [`POST ${LIST}/p-stem/approve`]: () => {
        approved = true;
        return json(programFixture({ status: 'ACTIVE', approvedAt: '2026-12-01T06:00:00Z' }));
      },
    });
    renderAt();

    await user.click(await screen.findByRole('button', { name: 'Review' }));
    const dialog = screen.getByRole('dialog', { name: 'Girls in STEM Direct Sponsorship' });
    expect(dialog).toHaveAccessibleDescription('Esther Wambui · partner@elimu.demo');
    expect(within(dialog).getByText(/Individually chosen girls/)).toBeInTheDocument();
    expect(within(dialog).getByText('10 of at least 10 (max 15)')).toBeInTheDocument();
    expect(within(dialog).getByText('6 active · 4 without consent yet · 0 paused')).toBeInTheDocument();
    expect(within(dialog).getByText('Average Mathematics score of 70 or more')).toBeInTheDocument();
    expect(within(dialog).getByText('Open-ended')).toBeInTheDocument();

    await user.click(within(dialog).getByRole('button', { name: 'Approve…' }));
    // A confirm step restates what is approved; nothing is sent yet.
    const confirm = screen.getByRole('dialog', { name: 'Approve “Girls in STEM Direct Sponsorship”?' });
    expect(within(confirm).getByTestId('approve-program')).toHaveTextContent('Girls in STEM Direct Sponsorship');
    expect(within(confirm).getByTestId('approve-partner')).toHaveTextContent('Esther Wambui');
    expect(within(confirm).getByTestId('approve-children')).toHaveTextContent('10 (minimum 10)');
    expect(within(confirm).getByTestId('approve-price')).toHaveTextContent(/KES\s?4,000 · Termly/);
    expect(within(confirm).getByTestId('approve-total')).toHaveTextContent(/KES\s?40,000\b/);
    expect(fetchSpy.mock.calls.some(([, init]) => init?.method === 'POST')).toBe(false);
    await user.click(within(confirm).getByRole('button', { name: 'Back' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Approve…' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Approve and activate' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    const post = fetchSpy.mock.calls.find(([url, init]) => url === `${LIST}/p-stem/approve` && init?.method === 'POST');
    expect(post).toBeDefined();
    expect((post![1]!.headers as Record<string, string>)['X-XSRF-TOKEN']).toBe('admin-token');
    expect(await screen.findByText('“Girls in STEM Direct Sponsorship” is approved and now active.')).toBeInTheDocument();
    // The queue is read again and is now empty.
    expect(await screen.findByText('No programs wait for approval.')).toBeInTheDocument();
  });

  it('does not offer to approve a program below its minimum, and says why', async () => {
    const user = userEvent.setup();
    mockFetch({ [`GET ${LIST}`]: json(paged([small])) });
    renderAt();
    await user.click(await screen.findByRole('button', { name: 'Review' }));
    const approve = within(screen.getByRole('dialog')).getByRole('button', { name: 'Approve…' });
    expect(approve).toBeDisabled();
    expect(approve).toHaveAccessibleDescription('8 of at least 10 children enrolled; the partner must add 2 more.');
  });

  it('shows a refused approval inside the dialog', async () => {
    const user = userEvent.setup();
    // The queue counted 10; the partner removed one meanwhile (a paused program may), so the server refuses.
    mockFetch({
      [`GET ${LIST}`]: json(paged([{ ...small, program: { ...small.program, children: { ...small.program.children, enrolled: 10 } } }])),
      [`POST ${LIST}/p-small/approve`]: problem(409, 'The request conflicts with the current state.', 'At least 10 children are needed to approve the program; it has 8.', {
        code: 'min_children_not_met',
      }),
    });
    renderAt();

    await user.click(await screen.findByRole('button', { name: 'Review' }));
    const dialog = screen.getByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Approve…' }));
    await user.click(within(dialog).getByRole('button', { name: 'Approve and activate' }));
    expect(await within(dialog).findByTestId('program-approve-error')).toHaveTextContent('At least 10 children are needed to approve the program; it has 8.');
    expect(screen.getByRole('dialog')).toBeInTheDocument();
  });

  it('requires a reason to reject, then sends it', async () => {
    const user = userEvent.setup();
    const fetchSpy = mockFetch({
      [`GET ${LIST}`]: json(paged([stem])),
      [`POST ${LIST}/p-stem/reject`]: json(programFixture({ status: 'DRAFT', rejectionReason: 'Add the mentors’ names.' })),
    });
    renderAt();

    await user.click(await screen.findByRole('button', { name: 'Review' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Reject…' }));
    const dialog = screen.getByRole('dialog', { name: 'Reject “Girls in STEM Direct Sponsorship”' });
    const reason = within(dialog).getByRole('textbox', { name: 'Reason (required)' });
    expect(reason).toHaveFocus();

    await user.click(within(dialog).getByRole('button', { name: 'Reject program' }));
    expect(within(dialog).getByTestId('program-reject-reason-error')).toHaveTextContent('Say why the program is sent back');
    expect(reason).toHaveAttribute('aria-invalid', 'true');
    expect(fetchSpy.mock.calls.some(([, init]) => init?.method === 'POST')).toBe(false);

    await user.type(reason, '  Add the mentors’ names.  ');
    await user.click(within(dialog).getByRole('button', { name: 'Reject program' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    const post = fetchSpy.mock.calls.find(([url, init]) => url === `${LIST}/p-stem/reject` && init?.method === 'POST');
    expect(JSON.parse(String(post![1]!.body))).toEqual({ reason: 'Add the mentors’ names.' });
    expect(await screen.findByText('“Girls in STEM Direct Sponsorship” was sent back to the partner.')).toBeInTheDocument();
  });

  it('shows the server’s reason error under the field', async () => {
    const user = userEvent.setup();
    mockFetch({
      [`GET ${LIST}`]: json(paged([stem])),
      [`POST ${LIST}/p-stem/reject`]: problem(400, 'One or more fields are invalid.', undefined, { errors: { reason: ['Keep the reason under 2,000 characters.'] } }),
    });
    renderAt();

    await user.click(await screen.findByRole('button', { name: 'Review' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Reject…' }));
    await user.type(screen.getByRole('textbox', { name: 'Reason (required)' }), 'Too long');
    await user.click(screen.getByRole('button', { name: 'Reject program' }));
    expect(await screen.findByTestId('program-reject-reason-error')).toHaveTextContent('Keep the reason under 2,000 characters.');
    expect(screen.queryByTestId('program-review-error')).not.toBeInTheDocument();
  });

  it('shows the pending count on the admin landing page and links to the queue', async () => {
    const user = userEvent.setup();
    mockFetch({ [`GET ${LIST}`]: json({ items: [stem], page: 1, pageSize: 1, total: 3 }) });
    const { router } = renderApp('/dashboard/admin', { queryClient: createTestQueryClient(adminUser) });

    expect(await screen.findByTestId('admin-pending-count')).toHaveTextContent('3');
    expect(screen.getByTestId('admin-pending-text')).toHaveTextContent('3 sponsorship programs wait for your approval.');
    await user.click(screen.getByTestId('admin-programs-link'));
    await waitFor(() => expect(router.state.location.pathname).toBe('/dashboard/admin/sponsorship-programs'));
  });

  it('keeps staff out of the approval queue', async () => {
    const fetchSpy = mockFetch({});
    renderApp('/dashboard/admin', { queryClient: createTestQueryClient({ ...adminUser, roles: ['staff'] }) });
    expect(await screen.findByTestId('admin-pending-text')).toHaveTextContent('Sponsorship programs are approved by an administrator.');
    expect(screen.queryByTestId('admin-programs-link')).not.toBeInTheDocument();
    // The landing page asks only for the staff member's own unread messages, never the approval queue.
    await waitFor(() => expect(fetchSpy).toHaveBeenCalled());
    expect(fetchSpy.mock.calls.map(([url]) => new URL(String(url), 'http://localhost').pathname)).toEqual(['/api/v1/staff/messages/unread']);
  });
});
