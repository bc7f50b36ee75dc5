import { describe, expect, it, vi, afterEach } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import CollaborationPage from '@/pages/partner/CollaborationPage';
import { renderWithProviders } from '../test-utils';

const inbox = {
  items: [
    { id: 'm1', threadId: 'm1', subject: 'Approval timeline', preview: 'The admin team…', from: { userId: 's', name: 'Peter Staff' },
      to: { userId: 'p', name: 'Esther' }, hasAttachments: true, readAt: null, createdAt: '2026-12-01T07:00:00Z' },
  ],
  page: 1, pageSize: 50, total: 1,
};
const thread = {
  threadId: 'm1', subject: 'Approval timeline', with: { userId: 's', name: 'Peter Staff' },
  messages: [
    { id: 'm0', from: { userId: 'p', name: 'Esther' }, to: { userId: 's', name: 'Peter Staff' }, body: 'When?', attachments: [],
      readAt: '2026-12-01T06:30:00Z', createdAt: '2026-12-01T06:00:00Z', isMine: true },
    { id: 'm1', from: { userId: 's', name: 'Peter Staff' }, to: { userId: 'p', name: 'Esther' }, body: 'This week.',
      attachments: [{ position: 0, fileName: 'plan.pdf', sizeBytes: 2048, mimeType: 'application/pdf', url: '/api/v1/partner/collaboration/messages/m1/attachments/0' }],
      readAt: null, createdAt: '2026-12-01T07:00:00Z', isMine: false },
  ],
};

function mockFetch(routes: Record<string, unknown>) {
  const fetchMock = vi.fn(async (input: RequestInfo | URL) => {
    const url = String(input);
    const key = Object.keys(routes).find((k) => url.includes(k));
    if (!key) return new Response(JSON.stringify({ title: 'no route ' + url }), { status: 404, headers: { 'content-type': 'application/json' } });
    return new Response(JSON.stringify(routes[key]), { status: 200, headers: { 'content-type': 'application/json' } });
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

afterEach(() => vi.unstubAllGlobals());

describe('CollaborationPage', () => {
  it('lists the inbox with an unread marker and opens a thread with its read receipt and attachment', async () => {
    mockFetch({ '/messages/m1': thread, '/messages?': inbox, '/dashboard/counters': {} });
    renderWithProviders(<CollaborationPage />, { route: '/dashboard/partner/collaboration' });
    expect(await screen.findByText('Approval timeline')).toBeInTheDocument();
    expect(screen.getByLabelText('Unread')).toBeInTheDocument();
    await userEvent.click(screen.getByText('Approval timeline'));
    expect(await screen.findByTestId('thread')).toBeInTheDocument();
    expect(screen.getByTestId('receipt')).toHaveTextContent(/^Read /);
    expect(screen.getByRole('link', { name: /plan\.pdf/ })).toHaveAttribute('href', '/api/v1/partner/collaboration/messages/m1/attachments/0');
  });

  it('shows the empty state and the error state', async () => {
    mockFetch({ '/messages?': { items: [], page: 1, pageSize: 50, total: 0 } });
    renderWithProviders(<CollaborationPage />, { route: '/dashboard/partner/collaboration' });
    expect(await screen.findByText('No messages yet')).toBeInTheDocument();
  });

  it('offers suggested times once attendees are chosen and marks the chosen one', async () => {
    mockFetch({
      '/messages/recipients': [{ userId: 's', name: 'Peter Staff', email: 'p@x', kind: 'staff', role: 'staff' }],
      '/meetings/suggested-times': { slots: [{ start: '2026-12-03T08:00:00+03:00', end: '2026-12-03T08:30:00+03:00', label: 'Thu 3 Dec, 08:00–08:30 EAT' }], durationMinutes: 30, timeZone: 'Africa/Nairobi' },
      '/meetings?': { items: [], page: 1, pageSize: 50, total: 0 },
    });
    renderWithProviders(<CollaborationPage />, { route: '/dashboard/partner/collaboration?tab=meetings' });
    await userEvent.click(await screen.findByTestId('schedule'));
    await userEvent.click(await screen.findByLabelText(/Peter Staff/));
    await userEvent.click(await screen.findByRole('button', { name: 'Thu 3 Dec, 08:00–08:30 EAT' }));
    await waitFor(() => expect(screen.getByLabelText('Start (Nairobi time)')).toHaveValue('2026-12-03T08:00'));
  });
});
