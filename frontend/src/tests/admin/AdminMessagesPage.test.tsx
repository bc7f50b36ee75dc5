import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { MessageSummary, MessageThread } from '@/types/partner';
import { adminUser, createTestQueryClient, json, mockFetch, problem, renderApp } from '../test-utils';

const BASE = '/api/v1/staff/messages';
const STAFF = { userId: adminUser.id, name: 'Elimu Admin' };
const MEMBER = { userId: 'u-esther', name: 'Esther Wanjiru' };

function row(overrides: Partial<MessageSummary> = {}): MessageSummary {
  return {
    id: 'm1', threadId: 'm1', subject: 'Approval timeline', preview: 'When will our program be approved?', from: MEMBER, to: STAFF,
    hasAttachments: true, readAt: null, createdAt: '2026-12-01T07:00:00Z', partnerName: 'Wanjiku Foundation', ...overrides,
  };
}

function paged(items: MessageSummary[], extra: { page?: number; total?: number } = {}) {
  return { items, page: extra.page ?? 1, pageSize: 20, total: extra.total ?? items.length };
}

const thread: MessageThread = {
  threadId: 'm1', subject: 'Approval timeline', with: MEMBER, partnerName: 'Wanjiku Foundation',
  messages: [
    { id: 'm1', from: MEMBER, to: STAFF, body: 'When will our program be approved?', readAt: '2026-12-01T07:05:00Z', createdAt: '2026-12-01T07:00:00Z', isMine: false,
      attachments: [{ position: 0, fileName: 'budget.pdf', sizeBytes: 2048, mimeType: 'application/pdf', url: `${BASE}/m1/attachments/0` }] },
  ],
};

const answered: MessageThread = {
  ...thread,
  messages: [...thread.messages, { id: 'm2', from: STAFF, to: MEMBER, body: 'This week.', readAt: null, createdAt: '2026-12-01T08:00:00Z', isMine: true, attachments: [] }],
};

function renderAt(route = '/dashboard/admin/messages') {
  return renderApp(route, { queryClient: createTestQueryClient(adminUser) });
}

/** The query of every GET of the list, in order. */
function listQueries(fetchSpy: ReturnType<typeof mockFetch>) {
  return fetchSpy.mock.calls
    .map(([url]) => new URL(String(url), 'http://localhost'))
    .filter((url) => url.pathname === BASE)
    .map((url) => Object.fromEntries(url.searchParams));
}

describe('admin partner messages', () => {
  it('lists the inbox with the partner organisation, unread rows bold and the unread count', async () => {
    const fetchSpy = mockFetch({
      [`GET ${BASE}`]: json(paged([row(), row({ id: 'm3', threadId: 'm3', subject: 'Old question', readAt: '2026-11-30T07:00:00Z', hasAttachments: false, partnerName: 'Tusome Trust' })])),
      [`GET ${BASE}/unread`]: json({ unread: 1 }),
    });
    renderAt();

    expect(await screen.findByRole('heading', { level: 1, name: 'Partner messages' })).toBeInTheDocument();
    const rows = await screen.findAllByTestId('message-row');
    expect(rows).toHaveLength(2);
    expect(within(rows[0]!).getByTestId('message-partner')).toHaveTextContent('Wanjiku Foundation');
    expect(within(rows[0]!).getByText('Esther Wanjiru')).toHaveClass('font-semibold');
    expect(within(rows[0]!).getByLabelText('Unread')).toBeInTheDocument();
    expect(within(rows[0]!).getByLabelText('Has attachments')).toBeInTheDocument();
    expect(within(rows[1]!).getByText('Old question')).not.toHaveClass('font-semibold');
    expect(within(rows[1]!).queryByLabelText('Unread')).not.toBeInTheDocument();
    expect(await screen.findByTestId('staff-unread-count')).toHaveTextContent('1');
    expect(screen.getByTestId('box-inbox')).toHaveAttribute('aria-pressed', 'true');
    expect(listQueries(fetchSpy)).toEqual([{ box: 'inbox', page: '1', pageSize: '20' }]);
  });

  it('opens a conversation: the URL names it, the thread shows the partner, the member, times, receipts and files', async () => {
    const user = userEvent.setup();
    mockFetch({
      [`GET ${BASE}`]: json(paged([row()])),
      [`GET ${BASE}/unread`]: json({ unread: 1 }),
      [`GET ${BASE}/m1`]: json(thread),
    });
    const { router } = renderAt();
    await user.click(await screen.findByRole('button', { name: /Approval timeline/ }));

    const panel = await screen.findByTestId('thread');
    expect(router.state.location.search).toBe('?thread=m1');
    expect(within(panel).getByTestId('thread-partner')).toHaveTextContent('Wanjiku Foundation · Esther Wanjiru');
    expect(within(panel).getByRole('link', { name: /budget\.pdf/ })).toHaveAttribute('href', `${BASE}/m1/attachments/0`);
    expect(within(panel).getByText('1 Dec 2026, 10:00')).toBeInTheDocument();
    expect(within(panel).getByRole('form', { name: 'Reply to Esther Wanjiru' })).toBeInTheDocument();
  });

  it('replies with the text as a form and shows the answer with its receipt', async () => {
    const user = userEvent.setup();
    let sent: FormData | undefined;
    mockFetch({
      [`GET ${BASE}`]: json(paged([row()])),
      [`GET ${BASE}/unread`]: json({ unread: 0 }),
      [`GET ${BASE}/m1`]: json(thread),
      [`POST ${BASE}/m1/replies`]: ({ init }) => {
        sent = init?.body as FormData;
        return json(answered, 201);
      },
    });
    renderAt('/dashboard/admin/messages?thread=m1');
    const panel = await screen.findByTestId('thread');

    await user.type(within(panel).getByTestId('message-reply-body'), 'This week.');
    await user.click(within(panel).getByTestId('message-reply-send'));

    expect(await within(panel).findByText('This week.')).toBeInTheDocument();
    expect(sent?.get('body')).toBe('This week.');
    expect(within(panel).getByTestId('receipt')).toHaveTextContent('Delivered');
    expect(within(panel).getByTestId('message-reply-body')).toHaveValue('');
  });

  it('shows the server’s words when a reply is refused', async () => {
    const user = userEvent.setup();
    mockFetch({
      [`GET ${BASE}`]: json(paged([row()])),
      [`GET ${BASE}/unread`]: json({ unread: 0 }),
      [`GET ${BASE}/m1`]: json(thread),
      [`POST ${BASE}/m1/replies`]: problem(409, 'Conflict', 'The other person of this conversation can no longer receive messages here.', { code: 'recipient_unavailable' }),
    });
    renderAt('/dashboard/admin/messages?thread=m1');
    const panel = await screen.findByTestId('thread');
    await user.type(within(panel).getByTestId('message-reply-body'), 'Hello?');
    await user.click(within(panel).getByTestId('message-reply-send'));
    expect(await within(panel).findByTestId('message-reply-error')).toHaveTextContent('can no longer receive messages here');
    expect(within(panel).getByTestId('message-reply-body')).toHaveValue('Hello?');
  });

  it('shows an empty inbox, an empty sent box, and a search that matches nothing', async () => {
    const user = userEvent.setup();
    const fetchSpy = mockFetch({ [`GET ${BASE}`]: json(paged([])), [`GET ${BASE}/unread`]: json({ unread: 0 }) });
    const { router } = renderAt();
    expect(await screen.findByText('No messages from partners yet')).toBeInTheDocument();
    expect(screen.queryByTestId('staff-unread-count')).not.toBeInTheDocument();

    await user.click(screen.getByTestId('box-sent'));
    expect(await screen.findByText('Nothing sent yet')).toBeInTheDocument();
    expect(router.state.location.search).toBe('?box=sent');

    await user.type(screen.getByTestId('staff-message-search'), 'budget');
    expect(await screen.findByText('No messages match')).toBeInTheDocument();
    await waitFor(() => expect(listQueries(fetchSpy).at(-1)).toEqual({ box: 'sent', search: 'budget', page: '1', pageSize: '20' }));
  });

  it('shows the server’s problem when the list or a conversation cannot be loaded', async () => {
    mockFetch({
      [`GET ${BASE}`]: problem(500, 'Server error', 'The message store is unavailable.'),
      [`GET ${BASE}/unread`]: json({ unread: 0 }),
      [`GET ${BASE}/gone`]: problem(404, 'Not found', 'Message not found.'),
    });
    renderAt('/dashboard/admin/messages?thread=gone');
    expect(await screen.findByTestId('thread-error')).toHaveTextContent('Message not found.');
    // On a phone the open conversation takes the screen; Back returns to the list, which shows its own error.
    await userEvent.click(screen.getByTestId('back-to-messages'));
    expect(await screen.findByText('The message store is unavailable.')).toBeInTheDocument();
  });

  it('pages the list from the URL, shows the receipts of sent messages, and keeps the page when a message opens', async () => {
    const user = userEvent.setup();
    const fetchSpy = mockFetch({
      [`GET ${BASE}`]: ({ url }) => {
        const page = Number(new URL(url, 'http://localhost').searchParams.get('page'));
        return json(paged([row({ id: `s${page}`, threadId: 'm1', subject: `Re: page ${page}`, from: STAFF, to: MEMBER, readAt: page === 2 ? '2026-12-01T09:00:00Z' : null })], { page, total: 45 }));
      },
      [`GET ${BASE}/unread`]: json({ unread: 0 }),
      [`GET ${BASE}/s2`]: json(answered),
    });
    const { router } = renderAt('/dashboard/admin/messages?box=sent&page=2');

    const shown = await screen.findByTestId('message-row');
    expect(within(shown).getByText('To Esther Wanjiru')).toBeInTheDocument();
    expect(within(shown).getByText('Read 1 Dec 2026, 12:00')).toBeInTheDocument();
    expect(screen.getByText('Page 2 of 3 · 45 messages')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Next page' }));
    expect(await screen.findByText('Not read yet')).toBeInTheDocument();
    expect(router.state.location.search).toBe('?box=sent&page=3');

    await user.click(screen.getByRole('button', { name: 'Previous page' }));
    await user.click(await screen.findByRole('button', { name: /Re: page 2/ }));
    await screen.findByTestId('thread');
    expect(router.state.location.search).toBe('?box=sent&page=2&thread=s2');
    expect(listQueries(fetchSpy).map((q) => q.page)).toEqual(['2', '3', '2']);
  });

  it('is linked from the admin landing page with the unread count', async () => {
    const user = userEvent.setup();
    mockFetch({ [`GET ${BASE}/unread`]: json({ unread: 3 }), [`GET ${BASE}`]: json(paged([row()])) });
    const { router } = renderApp('/dashboard/admin', { queryClient: createTestQueryClient({ ...adminUser, roles: ['staff'] }) });
    expect(await screen.findByTestId('admin-unread-messages')).toHaveTextContent('3');
    await user.click(screen.getByTestId('admin-messages-link'));
    await waitFor(() => expect(router.state.location.pathname).toBe('/dashboard/admin/messages'));
    expect(await screen.findByTestId('message-row')).toBeInTheDocument();
  });
});
