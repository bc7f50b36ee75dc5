import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import PartnerNotificationsPage from '@/pages/partner/PartnerNotificationsPage';
import { usePartnerStore } from '@/store';
import type { NotificationPreferencesView, NotificationView } from '@/types/partner';
import { createTestQueryClient, json, mockFetch, partnerUser, problem, renderWithProviders } from '../test-utils';

const BASE = '/api/v1/partner/account/notifications';

const note = (id: string, over: Partial<NotificationView> = {}): NotificationView => ({
  id,
  category: 'consent',
  title: `Consent given for Amani ${id}`,
  body: 'A guardian agreed.',
  link: '/dashboard/partner/sponsored-children/c1',
  readAt: null,
  createdAt: '2026-03-10T09:00:00+00:00',
  ...over,
});

const page = (items: NotificationView[], total = items.length) => ({ items, page: 1, pageSize: 20, total });

const prefs: NotificationPreferencesView = {
  digest: 'weekly',
  timeZone: 'Africa/Nairobi',
  categories: (['consent', 'payment', 'child_alert', 'ticket', 'message', 'report', 'program', 'system'] as const).map((category) => ({
    category,
    inApp: true,
    email: category !== 'system',
    digest: true,
  })),
};

function renderPage(route = '/dashboard/partner/notifications') {
  return renderWithProviders(<PartnerNotificationsPage />, { route, queryClient: createTestQueryClient(partnerUser) });
}

const calls = (spy: ReturnType<typeof mockFetch>) => spy.mock.calls.map(([url, init]) => `${(init?.method ?? 'GET').toUpperCase()} ${String(url)}`);

describe('PartnerNotificationsPage', () => {
  beforeEach(() => usePartnerStore.getState().reset());

  it('shows a skeleton, then the notifications with unread ones marked', async () => {
    let answer: (r: Response) => void = () => undefined;
    mockFetch({ [`GET ${BASE}`]: () => new Promise<Response>((resolve) => (answer = resolve)) });
    renderPage();
    expect(screen.getByRole('heading', { level: 1, name: 'Notifications' })).toBeInTheDocument();
    expect(screen.getByText('Loading your notifications…')).toBeInTheDocument();

    answer(json(page([note('1'), note('2', { category: 'report', title: 'Report ready', readAt: '2026-03-10T10:00:00+00:00', link: null })])));
    const list = await screen.findByTestId('notification-list');
    expect(within(list).getAllByRole('listitem')).toHaveLength(2);
    expect(screen.getByTestId('notification-1')).toHaveAttribute('data-unread', 'true');
    expect(screen.getByTestId('notification-2')).toHaveAttribute('data-unread', 'false');
    expect(within(screen.getByTestId('notification-2')).getByText(/Reports ·/)).toBeInTheDocument();
    expect(within(screen.getByTestId('notification-2')).queryByTestId('mark-read')).not.toBeInTheDocument();
    expect(within(screen.getByTestId('notification-1')).getByRole('link', { name: 'Open' })).toHaveAttribute('href', '/dashboard/partner/sponsored-children/c1');
  });

  it('filters by category and unread through the query string', async () => {
    const spy = mockFetch({ [`GET ${BASE}`]: json(page([note('1')])) });
    renderPage();
    await screen.findByTestId('notification-list');
    const user = userEvent.setup();
    await user.selectOptions(screen.getByLabelText('Category'), 'payment');
    await user.selectOptions(screen.getByLabelText('Show'), 'unread');
    await waitFor(() => expect(calls(spy)).toContain(`GET ${BASE}?category=payment&unread=true&page=1&pageSize=20`));
    expect(screen.getByTestId('location')).toHaveTextContent('category=payment');
  });

  it('says so when there is nothing, and differently when filters hide everything', async () => {
    mockFetch({ [`GET ${BASE}`]: json(page([])) });
    const first = renderPage();
    expect(await screen.findByTestId('notifications-empty')).toHaveTextContent('No notifications yet');
    first.unmount();
    renderPage('/dashboard/partner/notifications?unread=true');
    expect(await screen.findByTestId('notifications-empty')).toHaveTextContent('No notifications match');
  });

  it('marks one read, then all, and the unread badge follows', async () => {
    usePartnerStore.getState().setCounters({ unreadNotifications: 2 });
    const spy = mockFetch({
      [`GET ${BASE}`]: json(page([note('1'), note('2')])),
      [`PUT ${BASE}/1/read`]: json(note('1', { readAt: '2026-03-11T09:00:00+00:00' })),
      [`PUT ${BASE}/read-all`]: json({ marked: 1 }),
      'GET /api/v1/partner/dashboard/counters': json({}),
    });
    renderPage();
    await screen.findByTestId('notification-1');
    expect(screen.getByTestId('unread-count')).toHaveTextContent('2');
    const user = userEvent.setup();
    await user.click(within(screen.getByTestId('notification-1')).getByTestId('mark-read'));
    await waitFor(() => expect(calls(spy)).toContain(`PUT ${BASE}/1/read`));
    await waitFor(() => expect(usePartnerStore.getState().counters.unreadNotifications).toBe(1));

    await user.click(screen.getByTestId('mark-all-read'));
    await waitFor(() => expect(calls(spy)).toContain(`PUT ${BASE}/read-all`));
    await waitFor(() => expect(usePartnerStore.getState().counters.unreadNotifications).toBe(0));
    expect(screen.queryByTestId('unread-count')).not.toBeInTheDocument();
    expect(screen.getByTestId('mark-all-read')).toBeDisabled();
  });

  it('edits the preferences and sends every category with the digest and time zone', async () => {
    let sent: unknown;
    mockFetch({
      [`GET ${BASE}/preferences`]: json(prefs),
      [`PUT ${BASE}/preferences`]: ({ init }) => {
        sent = JSON.parse(String(init?.body));
        return json({ ...prefs, digest: 'daily' });
      },
    });
    renderPage('/dashboard/partner/notifications?view=preferences');
    const form = await screen.findByTestId('preferences-form');
    const user = userEvent.setup();
    const consentEmail = within(form).getByLabelText('Consent: email');
    expect(consentEmail).toBeChecked();
    await user.click(consentEmail);
    await user.selectOptions(screen.getByTestId('digest-frequency'), 'daily');
    await user.click(screen.getByTestId('save-preferences'));

    await waitFor(() => expect(sent).toBeDefined());
    const body = sent as { digest: string; timeZone: string; categories: { category: string; email: boolean }[] };
    expect(body.digest).toBe('daily');
    expect(body.timeZone).toBe('Africa/Nairobi');
    expect(body.categories).toHaveLength(8);
    expect(body.categories.find((c) => c.category === 'consent')?.email).toBe(false);
    expect(body.categories.find((c) => c.category === 'payment')?.email).toBe(true);
    expect(await screen.findByText('Your notification preferences are saved.')).toBeInTheDocument();
  });

  it('shows the server’s word next to the time zone it refused', async () => {
    mockFetch({
      [`GET ${BASE}/preferences`]: json(prefs),
      [`PUT ${BASE}/preferences`]: problem(400, 'Invalid', undefined, { errors: { timeZone: ['Choose a time zone by its IANA name, such as Africa/Nairobi.'] } }),
    });
    renderPage('/dashboard/partner/notifications?view=preferences');
    const form = await screen.findByTestId('preferences-form');
    await userEvent.setup().click(screen.getByTestId('save-preferences'));
    expect(await within(form).findByRole('alert')).toHaveTextContent('Choose a time zone by its IANA name');
    expect(screen.getByTestId('time-zone')).toHaveAttribute('aria-invalid', 'true');
  });
});

describe('NotificationBell', () => {
  beforeEach(() => usePartnerStore.getState().reset());

  it('shows the live unread count and leads to the notification centre', async () => {
    const { NotificationBell } = await import('@/components/partner/notifications/NotificationBell');
    renderWithProviders(<NotificationBell />, { queryClient: createTestQueryClient(partnerUser) });
    const bell = screen.getByTestId('notification-bell');
    expect(bell).toHaveAttribute('href', '/dashboard/partner/notifications');
    expect(bell).toHaveAccessibleName('Notifications');
    expect(screen.queryByTestId('notification-bell-count')).not.toBeInTheDocument();

    act(() => usePartnerStore.getState().setCounters({ unreadNotifications: 3 }));
    expect(bell).toHaveAccessibleName('Notifications, 3 unread');
    expect(screen.getByTestId('notification-bell-count')).toHaveTextContent('3');
    act(() => usePartnerStore.getState().setCounters({ unreadNotifications: 120 }));
    expect(screen.getByTestId('notification-bell-count')).toHaveTextContent('99+');
  });
});
