import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import ChildAlertsPage from '@/pages/partner/ChildAlertsPage';
import { usePartnerStore } from '@/store';
import type { ChildAlert } from '@/types/partner';
import { createTestQueryClient, json, mockFetch, partnerUser, problem, renderWithProviders } from '../test-utils';

const BASE = '/api/v1/partner/alerts';
const PROGRAMS = '/api/v1/partner/sponsorships/programs';

const alert = (id: string, over: Partial<ChildAlert> = {}): ChildAlert => ({
  id,
  childId: `child-${id}`,
  childName: `Amani ${id}`,
  programId: 'p1',
  programName: 'Nairobi Girls in STEM',
  kind: 'inactive',
  state: 'new',
  summary: 'No learning session for 9 days (threshold 7 days).',
  value: 9,
  threshold: 7,
  raisedAt: '2026-12-01T06:00:00Z',
  seenAt: null,
  dismissedAt: null,
  dismissNote: null,
  resolvedAt: null,
  ...over,
});

const page = (items: ChildAlert[], total = items.length) => ({ items, page: 1, pageSize: 20, total });
const programs = { items: [{ id: 'p1', name: 'Nairobi Girls in STEM' }, { id: 'p2', name: 'Kisumu Readers' }], page: 1, pageSize: 100, total: 2 };

const renderPage = (route = '/dashboard/partner/alerts', user = partnerUser) =>
  renderWithProviders(<ChildAlertsPage />, { route, queryClient: createTestQueryClient(user) });

const listCalls = (spy: ReturnType<typeof mockFetch>) =>
  spy.mock.calls.map(([url, init]) => `${(init?.method ?? 'GET').toUpperCase()} ${String(url)}`).filter((c) => c.startsWith(`GET ${BASE}`));

describe('ChildAlertsPage', () => {
  beforeEach(() => usePartnerStore.getState().reset());

  it('shows a skeleton, then each alert: the child to their page, the program, the measure against the threshold, the date and the state', async () => {
    let answer: (r: Response) => void = () => undefined;
    mockFetch({ [`GET ${BASE}`]: () => new Promise<Response>((resolve) => (answer = resolve)), [`GET ${PROGRAMS}`]: json(programs) });
    renderPage();
    expect(screen.getByText('Loading the alerts…')).toBeInTheDocument();
    answer(
      json(
        page([
          alert('1'),
          alert('2', { kind: 'score_fall', state: 'dismissed', value: 20, threshold: 10, summary: 'Average score fell 20 points, from 80 to 60, over the last 4 weeks (threshold 10 points).', dismissedAt: '2026-12-02T08:00:00Z', dismissNote: 'Exams week; the school is on it.' }),
          alert('3', { kind: 'low_minutes', state: 'resolved', value: 10, threshold: 30, resolvedAt: '2026-12-02T08:00:00Z' }),
        ]),
      ),
    );
    const rows = await screen.findAllByTestId('alert-row');
    expect(rows).toHaveLength(3);
    const first = rows[0]!;
    expect(within(first).getByRole('link', { name: 'Amani 1' })).toHaveAttribute('href', '/dashboard/partner/sponsored-children/child-1');
    expect(first).toHaveTextContent('Nairobi Girls in STEM');
    expect(within(first).getByTestId('alert-kind')).toHaveTextContent('Inactive');
    expect(within(first).getByTestId('alert-measure')).toHaveTextContent('9 days without learning');
    expect(first).toHaveTextContent('alert at 7 days');
    expect(first).toHaveTextContent('Raised 1 Dec 2026');
    expect(within(first).getByTestId('alert-state')).toHaveTextContent('New');
    expect(within(rows[1]!).getByTestId('alert-measure')).toHaveTextContent('average score down 20 points');
    expect(within(rows[1]!).getByTestId('alert-note')).toHaveTextContent('Exams week; the school is on it.');
    // Closed alerts have nothing left to do; an open one can be seen and dismissed, a seen one dismissed only.
    expect(within(first).getByTestId('alert-seen')).toBeInTheDocument();
    expect(within(first).getByTestId('alert-dismiss')).toBeInTheDocument();
    expect(within(rows[1]!).queryByRole('button')).not.toBeInTheDocument();
    expect(within(rows[2]!).queryByRole('button')).not.toBeInTheDocument();
    expect(within(rows[2]!).getByTestId('alert-state')).toHaveTextContent('Resolved');
  });

  it('reads its filters from the URL, sends them to the API, and writes a change back to the URL', async () => {
    const spy = mockFetch({ [`GET ${BASE}`]: json(page([])), [`GET ${PROGRAMS}`]: json(programs) });
    renderPage('/dashboard/partner/alerts?state=new&kind=inactive&program=p1&q=amani&page=2');
    expect(await screen.findByTestId('alerts-empty')).toHaveTextContent('No alerts match');
    expect(listCalls(spy)).toContain(`GET ${BASE}?state=new&kind=inactive&programId=p1&search=amani&page=2&pageSize=20`);

    const user = userEvent.setup();
    await screen.findByRole('option', { name: 'Kisumu Readers' });
    await user.selectOptions(screen.getByLabelText('Program'), 'p2');
    // A new filter starts again on the first page.
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/dashboard/partner/alerts?state=new&kind=inactive&program=p2&q=amani'));
    await waitFor(() => expect(listCalls(spy)).toContain(`GET ${BASE}?state=new&kind=inactive&programId=p2&search=amani&page=1&pageSize=20`));
    await user.click(screen.getByRole('button', { name: /Reset/ }));
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent(/^\/dashboard\/partner\/alerts$/));
  });

  it('shows one child’s alerts when the child page links here, and every child’s again on request', async () => {
    const spy = mockFetch({ [`GET ${BASE}`]: json(page([alert('1')])), [`GET ${PROGRAMS}`]: json(programs) });
    renderPage('/dashboard/partner/alerts?child=child-1');
    // Until the list arrives the page cannot name the child.
    expect(screen.getByTestId('alerts-one-child')).toHaveTextContent('Alerts of one child only.');
    await waitFor(() => expect(screen.getByTestId('alerts-one-child')).toHaveTextContent('Alerts of Amani 1 only.'));
    expect(listCalls(spy)).toContain(`GET ${BASE}?childId=child-1&page=1&pageSize=20`);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Show every child' }));
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent(/^\/dashboard\/partner\/alerts$/));
    await waitFor(() => expect(listCalls(spy)).toContain(`GET ${BASE}?page=1&pageSize=20`));
    expect(screen.queryByTestId('alerts-one-child')).not.toBeInTheDocument();
  });

  it('says plainly when there is no alert at all', async () => {
    mockFetch({ [`GET ${BASE}`]: json(page([])), [`GET ${PROGRAMS}`]: json(programs) });
    renderPage();
    const empty = await screen.findByTestId('alerts-empty');
    expect(empty).toHaveTextContent('No alerts');
    expect(empty).toHaveTextContent('No child with consent has crossed a threshold.');
  });

  it('shows a load that failed with a way to try again', async () => {
    mockFetch({ [`GET ${BASE}`]: problem(500, 'Server error', 'The database is busy.'), [`GET ${PROGRAMS}`]: json(programs) });
    renderPage();
    expect(await screen.findByTestId('query-error')).toHaveTextContent('The database is busy.');
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });

  it('marks a new alert seen', async () => {
    let state: ChildAlert['state'] = 'new';
    const spy = mockFetch({
      [`GET ${BASE}`]: () => json(page([alert('1', { state })])),
      [`POST ${BASE}/1/seen`]: () => {
        state = 'seen';
        return json(alert('1', { state: 'seen', seenAt: '2026-12-03T04:00:00Z' }));
      },
      [`GET ${PROGRAMS}`]: json(programs),
    });
    renderPage();
    const user = userEvent.setup();
    await user.click(await screen.findByTestId('alert-seen'));
    await waitFor(() => expect(screen.getByTestId('alert-state')).toHaveTextContent('Seen'));
    expect(spy.mock.calls.some(([url, init]) => String(url) === `${BASE}/1/seen` && init?.method === 'POST')).toBe(true);
    // Seen, it can still be dismissed.
    expect(screen.queryByTestId('alert-seen')).not.toBeInTheDocument();
    expect(screen.getByTestId('alert-dismiss')).toBeInTheDocument();
  });

  it('dismisses an alert only with a note, and shows the server’s refusal', async () => {
    const sent: unknown[] = [];
    let refuse = true;
    mockFetch({
      [`GET ${BASE}`]: () => json(page([alert('1', { state: sent.length > 1 ? 'dismissed' : 'seen', dismissNote: sent.length > 1 ? 'Family travelled.' : null })])),
      [`POST ${BASE}/1/dismiss`]: ({ init }) => {
        sent.push(JSON.parse(String(init?.body)));
        if (refuse) {
          refuse = false;
          return problem(409, 'Conflict', 'This alert was resolved a moment ago: its condition has cleared.', { code: 'invalid_transition' });
        }
        return json(alert('1', { state: 'dismissed', dismissNote: 'Family travelled.', dismissedAt: '2026-12-03T04:00:00Z' }));
      },
      [`GET ${PROGRAMS}`]: json(programs),
    });
    renderPage();
    const user = userEvent.setup();
    await user.click(await screen.findByTestId('alert-dismiss'));
    const dialog = await screen.findByTestId('dismiss-alert-dialog');
    expect(dialog).toHaveTextContent('Amani 1');

    await user.click(within(dialog).getByTestId('confirm-button'));
    expect(within(dialog).getByRole('alert')).toHaveTextContent('Say why the alert is dismissed.');
    expect(sent).toEqual([]);

    await user.type(within(dialog).getByTestId('dismiss-note'), '  Family travelled.  ');
    await user.click(within(dialog).getByTestId('confirm-button'));
    expect(await within(dialog).findByText('This alert was resolved a moment ago: its condition has cleared.')).toBeInTheDocument();

    await user.click(within(dialog).getByTestId('confirm-button'));
    await waitFor(() => expect(screen.queryByTestId('dismiss-alert-dialog')).not.toBeInTheDocument());
    expect(sent).toEqual([{ note: 'Family travelled.' }, { note: 'Family travelled.' }]);
    expect(await screen.findByTestId('alert-note')).toHaveTextContent('Family travelled.');
    expect(screen.getByTestId('alert-state')).toHaveTextContent('Dismissed');
  });

  it('reads only for a viewer: no action on any alert', async () => {
    mockFetch({ [`GET ${BASE}`]: json(page([alert('1'), alert('2', { state: 'seen' })])), [`GET ${PROGRAMS}`]: json(programs) });
    renderPage('/dashboard/partner/alerts', { ...partnerUser, partnerRole: 'viewer' });
    expect(await screen.findAllByTestId('alert-row')).toHaveLength(2);
    expect(screen.queryByTestId('alert-seen')).not.toBeInTheDocument();
    expect(screen.queryByTestId('alert-dismiss')).not.toBeInTheDocument();
    expect(screen.getByTestId('alerts-read-only')).toBeInTheDocument();
  });

  it('reads the list again when the live count of new alerts changes', async () => {
    const spy = mockFetch({ [`GET ${BASE}`]: json(page([alert('1')])), [`GET ${PROGRAMS}`]: json(programs) });
    renderPage();
    await screen.findByTestId('alert-row');
    expect(listCalls(spy)).toHaveLength(1);
    act(() => usePartnerStore.getState().setCounters({ childAlerts: 3 }));
    await waitFor(() => expect(listCalls(spy)).toHaveLength(2));
  });
});
