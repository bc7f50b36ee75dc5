import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import PartnerTicketsPage from '@/pages/partner/PartnerTicketsPage';
import { usePartnerStore } from '@/store';
import type { TicketDetail, TicketSummary } from '@/types/partner';
import { createTestQueryClient, json, mockFetch, partnerUser, problem, renderWithProviders } from '../test-utils';

const BASE = '/api/v1/partner/support/tickets';

const summary = (id: string, over: Partial<TicketSummary> = {}): TicketSummary => ({
  id,
  subject: `Ticket ${id}`,
  category: 'billing',
  priority: 'medium',
  status: 'open',
  aiTriageCategory: 'billing',
  aiTriagePriority: 'medium',
  partnerId: 'p1',
  partnerName: 'Safaricom Foundation',
  assignedTo: null,
  assigneeName: null,
  messageCount: 0,
  createdAt: '2026-03-10T09:00:00+00:00',
  updatedAt: '2026-03-10T09:00:00+00:00',
  resolvedAt: null,
  ...over,
});

const detail = (id: string, over: Partial<TicketDetail> = {}): TicketDetail => ({
  id,
  subject: `Ticket ${id}`,
  description: 'Two payments for one invoice.',
  category: 'billing',
  priority: 'high',
  status: 'resolved',
  aiTriageCategory: 'billing',
  aiTriagePriority: 'high',
  aiTriageSource: 'offline',
  aiTriageModel: 'elimu-offline-1',
  partnerId: 'p1',
  partnerName: 'Safaricom Foundation',
  openedBy: 'u1',
  openedByName: 'Amina Otieno',
  assignedTo: 's1',
  assigneeName: 'Peter Mwangi',
  resolution: 'Refunded in full.',
  createdAt: '2026-03-10T09:00:00+00:00',
  updatedAt: '2026-03-11T09:00:00+00:00',
  resolvedAt: '2026-03-11T09:00:00+00:00',
  closedAt: null,
  reopenUntil: '2026-03-25T09:00:00+00:00',
  canReopen: true,
  attachments: [{ id: 'a1', fileName: 'statement.pdf', contentType: 'application/pdf', sizeBytes: 2048 }],
  messages: [
    { id: 'm1', party: 'staff', event: null, authorId: 's1', authorName: 'Peter Mwangi', body: 'We are refunding it now.', createdAt: '2026-03-10T10:00:00+00:00', attachments: [] },
    { id: 'm2', party: 'staff', event: 'resolved', authorId: 's1', authorName: 'Peter Mwangi', body: 'Refunded in full.', createdAt: '2026-03-11T09:00:00+00:00', attachments: [] },
  ],
  ...over,
});

const page = (items: TicketSummary[]) => ({ items, page: 1, pageSize: 20, total: items.length });

const renderPage = (route = '/dashboard/partner/tickets') =>
  renderWithProviders(<PartnerTicketsPage />, { route, queryClient: createTestQueryClient(partnerUser) });

const calls = (spy: ReturnType<typeof mockFetch>) => spy.mock.calls.map(([url, init]) => `${(init?.method ?? 'GET').toUpperCase()} ${String(url)}`);

describe('PartnerTicketsPage', () => {
  beforeEach(() => usePartnerStore.getState().reset());

  it('shows a skeleton, then the tickets with triage’s suggestion where it differs from the partner’s choice', async () => {
    let answer: (r: Response) => void = () => undefined;
    mockFetch({ [`GET ${BASE}`]: () => new Promise<Response>((resolve) => (answer = resolve)) });
    renderPage();
    expect(screen.getByText('Loading your tickets…')).toBeInTheDocument();
    answer(json(page([summary('1'), summary('2', { category: 'technical', priority: 'low', aiTriageCategory: 'billing', aiTriagePriority: 'high', status: 'in_progress' })])));
    const list = await screen.findByTestId('ticket-list');
    expect(within(list).getAllByRole('listitem')).toHaveLength(2);
    expect(within(screen.getByTestId('ticket-2')).getByTitle('Triage’s suggestion')).toHaveTextContent('Billing · High');
    expect(within(screen.getByTestId('ticket-1')).queryByTitle('Triage’s suggestion')).not.toBeInTheDocument();
    expect(within(screen.getByTestId('ticket-2')).getByText('In progress')).toBeInTheDocument();
  });

  it('filters by status, category and priority through the query string, and says when nothing matches', async () => {
    const spy = mockFetch({ [`GET ${BASE}`]: json(page([])) });
    renderPage();
    expect(await screen.findByTestId('tickets-empty')).toHaveTextContent('No tickets yet');
    const user = userEvent.setup();
    await user.selectOptions(screen.getByLabelText('Status'), 'resolved');
    await user.selectOptions(screen.getByLabelText('Category'), 'consent');
    await user.selectOptions(screen.getByLabelText('Priority'), 'urgent');
    await waitFor(() => expect(calls(spy)).toContain(`GET ${BASE}?status=resolved&category=consent&priority=urgent&page=1&pageSize=20`));
    expect(await screen.findByTestId('tickets-empty')).toHaveTextContent('No tickets match');
  });

  it('shows triage’s suggestion in the new-ticket form and sends the ticket as a form with the partner’s choices', async () => {
    let sent: FormData | undefined;
    mockFetch({
      [`GET ${BASE}`]: json(page([])),
      [`POST ${BASE}/triage-preview`]: json({ category: 'billing', priority: 'high', source: 'offline', model: 'elimu-offline-1', generatedAt: '2026-03-10T09:00:00Z', reasons: [] }),
      [`POST ${BASE}`]: ({ init }) => {
        sent = init?.body as FormData;
        return json(detail('9', { status: 'open', resolution: null, canReopen: false, reopenUntil: null, messages: [] }), 201);
      },
      [`GET ${BASE}/9`]: json(detail('9', { status: 'open', resolution: null, canReopen: false, reopenUntil: null, messages: [] })),
    });
    renderPage();
    const user = userEvent.setup();
    await user.click(await screen.findByTestId('new-ticket'));
    await user.type(screen.getByTestId('ticket-subject'), 'Charged twice');
    await user.type(screen.getByTestId('ticket-description'), 'Please refund one payment.');
    expect(await screen.findByTestId('triage-category')).toHaveTextContent('Billing');
    expect(screen.getByTestId('triage-priority')).toHaveTextContent('High');
    await user.selectOptions(screen.getByTestId('ticket-priority'), 'low');
    await user.upload(screen.getByTestId('ticket-files'), new File(['%PDF-1.7'], 'statement.pdf', { type: 'application/pdf' }));
    await user.click(screen.getByTestId('ticket-submit'));
    await waitFor(() => expect(sent).toBeDefined());
    expect(sent!.get('subject')).toBe('Charged twice');
    expect(sent!.get('priority')).toBe('low');
    expect(sent!.get('category')).toBeNull(); // left to triage
    expect((sent!.get('files') as File).name).toBe('statement.pdf');
    expect(await screen.findByTestId('ticket-detail')).toBeInTheDocument();
  });

  it('shows a field error from the server under the form', async () => {
    mockFetch({
      [`GET ${BASE}`]: json(page([])),
      [`POST ${BASE}/triage-preview`]: json({ category: 'other', priority: 'medium', source: 'offline', model: 'elimu-offline-1', generatedAt: '2026-03-10T09:00:00Z', reasons: [] }),
      [`POST ${BASE}`]: problem(400, 'One or more fields are invalid.', undefined, { errors: { 'files[0]': ['virus.exe: attach a PDF, PNG, JPEG, TXT, CSV or XLSX file.'] } }),
    });
    renderPage();
    const user = userEvent.setup();
    await user.click(await screen.findByTestId('new-ticket'));
    await user.type(screen.getByTestId('ticket-subject'), 'A file');
    await user.type(screen.getByTestId('ticket-description'), 'See attached.');
    await user.click(screen.getByTestId('ticket-submit'));
    expect(await screen.findByText(/virus.exe: attach a PDF/)).toBeInTheDocument();
  });

  it('shows the thread and the resolution of a ticket, and reopens it while allowed', async () => {
    const spy = mockFetch({
      [`GET ${BASE}`]: json(page([summary('7', { status: 'resolved' })])),
      [`GET ${BASE}/7`]: json(detail('7')),
      [`POST ${BASE}/7/reopen`]: json(detail('7', { status: 'open', canReopen: false, reopenUntil: null, resolvedAt: null })),
    });
    renderPage('/dashboard/partner/tickets?ticket=7');
    const panel = await screen.findByTestId('ticket-detail');
    expect(within(panel).getByTestId('ticket-resolution')).toHaveTextContent('Refunded in full.');
    expect(within(panel).getByTestId('ticket-message')).toHaveTextContent('We are refunding it now.');
    expect(within(panel).getByRole('link', { name: /statement.pdf/ })).toHaveAttribute('href', `${BASE}/7/attachments/a1`);
    expect(within(panel).queryByTestId('ticket-reply-form')).not.toBeInTheDocument();
    await userEvent.setup().click(within(panel).getByTestId('ticket-reopen'));
    await waitFor(() => expect(calls(spy)).toContain(`POST ${BASE}/7/reopen`));
    expect(await screen.findByTestId('ticket-reply-form')).toBeInTheDocument();
    expect(screen.queryByTestId('ticket-reopen')).not.toBeInTheDocument();
  });
});
