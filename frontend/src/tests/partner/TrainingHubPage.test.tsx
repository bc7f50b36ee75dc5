import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import TrainingHubPage from '@/pages/partner/TrainingHubPage';
import type { CourseView, WebinarView } from '@/types/partner';
import { createTestQueryClient, json, mockFetch, partnerUser, problem, renderWithProviders } from '../test-utils';

const BASE = '/api/v1/partner/support/training';

const webinar = (id: string, over: Partial<WebinarView> = {}): WebinarView => ({
  id,
  title: `Webinar ${id}`,
  description: 'A session.',
  hostName: 'Peter Mwangi',
  startsAt: '2026-12-04T14:00:00+03:00',
  endsAt: '2026-12-04T15:00:00+03:00',
  durationMinutes: 60,
  status: 'upcoming',
  joinUrl: null,
  recordingUrl: null,
  capacity: 10,
  seatsLeft: 4,
  registered: false,
  teamRegistrations: 0,
  ...over,
});

const paged = <T,>(items: T[]) => ({ items, page: 1, pageSize: 50, total: items.length });

const courses = paged([
  { slug: 'essentials', title: 'Partner Essentials', summary: 'The basics.', level: 'Beginner', minutes: 20, totalModules: 2, completedModules: 1, certifiedAt: null },
]);

const course = (done: [boolean, boolean]): CourseView => ({
  slug: 'essentials',
  title: 'Partner Essentials',
  summary: 'The basics.',
  level: 'Beginner',
  minutes: 20,
  totalModules: 2,
  completedModules: done.filter(Boolean).length,
  certifiedAt: done.every(Boolean) ? '2026-12-01T10:00:00+03:00' : null,
  certificateHolder: 'Esther Wambui',
  modules: [
    { slug: 'one', title: 'Module one', minutes: 5, body: 'Read **this**.', completedAt: done[0] ? '2026-11-30T10:00:00+03:00' : null },
    { slug: 'two', title: 'Module two', minutes: 5, body: 'And this.', completedAt: done[1] ? '2026-12-01T10:00:00+03:00' : null },
  ],
});

const team = {
  courses: [{ slug: 'essentials', title: 'Partner Essentials', totalModules: 2 }],
  members: [
    { userId: 'u1', name: 'Esther Wambui', email: 'e@x', role: 'owner', courses: [{ courseSlug: 'essentials', completedModules: 2, certifiedAt: '2026-12-01T10:00:00+03:00' }] },
    { userId: 'u2', name: 'Juma Otieno', email: 'j@x', role: 'viewer', courses: [{ courseSlug: 'essentials', completedModules: 1, certifiedAt: null }] },
  ],
};

function webinarsHandler({ url }: { url: string }) {
  const when = new URL(url, 'http://localhost').searchParams.get('when');
  return when === 'past'
    ? json(paged([webinar('p1', { status: 'past', title: 'Consent done right', recordingUrl: 'https://rec.example/1', seatsLeft: null, capacity: null })]))
    : json(paged([webinar('w1', { title: 'Reporting to donors' }), webinar('w2', { title: 'Billing clinic', seatsLeft: 0 })]));
}

function renderPage(route = '/dashboard/partner/training', user = partnerUser) {
  return renderWithProviders(<TrainingHubPage />, { route, queryClient: createTestQueryClient(user) });
}

describe('TrainingHubPage', () => {
  it('lists upcoming webinars in Nairobi time, past ones with recordings, courses with progress, and the owner’s team table', async () => {
    mockFetch({ [`GET ${BASE}/webinars`]: webinarsHandler, [`GET ${BASE}/courses`]: json(courses), [`GET ${BASE}/team-progress`]: json(team) });
    renderPage();
    const upcoming = await screen.findByTestId('upcoming-webinars');
    expect(within(upcoming).getByTestId('webinar-w1')).toHaveTextContent('14:00–15:00 EAT');
    expect(within(upcoming).getByTestId('webinar-w1')).toHaveTextContent('4 of 10 seats left');
    expect(within(screen.getByTestId('webinar-w2')).getByRole('button', { name: 'Register for Billing clinic' })).toBeDisabled();
    expect(await screen.findByRole('link', { name: 'Watch recording' })).toHaveAttribute('href', 'https://rec.example/1');
    expect(await screen.findByRole('progressbar', { name: 'Your progress in Partner Essentials' })).toHaveAttribute('aria-valuenow', '1');
    const table = await screen.findByTestId('team-training-table');
    expect(within(table).getByRole('row', { name: /Juma Otieno/ })).toHaveTextContent('1 of 2');
    expect(within(table).getByRole('row', { name: /Esther Wambui/ })).toHaveTextContent('Certified');
  });

  it('registers the member and shows the join link the answer carries', async () => {
    const spy = mockFetch({
      [`GET ${BASE}/webinars`]: webinarsHandler,
      [`GET ${BASE}/courses`]: json(courses),
      [`GET ${BASE}/team-progress`]: json(team),
      [`PUT ${BASE}/webinars/w1/registration`]: json(webinar('w1', { title: 'Reporting to donors', registered: true, joinUrl: 'https://meet.example/w1', seatsLeft: 3, teamRegistrations: 1 })),
    });
    renderPage();
    await userEvent.setup().click(await screen.findByRole('button', { name: 'Register for Reporting to donors' }));
    const card = screen.getByTestId('webinar-w1');
    expect(await within(card).findByRole('link', { name: 'Join' })).toHaveAttribute('href', 'https://meet.example/w1');
    expect(card).toHaveTextContent('Registered');
    expect(within(card).getByRole('button', { name: 'Cancel registration for Reporting to donors' })).toBeInTheDocument();
    expect(spy.mock.calls.some(([url, init]) => String(url) === `${BASE}/webinars/w1/registration` && init?.method === 'PUT')).toBe(true);
  });

  it('does not ask for the team table when the member is not an owner', async () => {
    const spy = mockFetch({ [`GET ${BASE}/webinars`]: webinarsHandler, [`GET ${BASE}/courses`]: json(courses) });
    renderPage('/dashboard/partner/training', { ...partnerUser, partnerRole: 'viewer' });
    await screen.findByTestId('course-list');
    expect(screen.queryByTestId('team-training-table')).not.toBeInTheDocument();
    expect(spy.mock.calls.some(([url]) => String(url).includes('team-progress'))).toBe(false);
  });

  it('marks a module complete and shows the certificate once every module is done', async () => {
    mockFetch({
      [`GET ${BASE}/courses/essentials`]: json(course([true, false])),
      [`PUT ${BASE}/courses/essentials/modules/two/completion`]: json(course([true, true])),
    });
    renderPage('/dashboard/partner/training?course=essentials');
    const second = await screen.findByTestId('module-two');
    expect(second).toHaveAttribute('data-done', 'false');
    expect(screen.queryByTestId('certificate')).not.toBeInTheDocument();
    await userEvent.setup().click(within(second).getByRole('button', { name: 'Mark module complete' }));
    expect(await screen.findByTestId('certificate')).toHaveTextContent('Esther Wambui completed Partner Essentials');
    await waitFor(() => expect(screen.getByTestId('module-two')).toHaveAttribute('data-done', 'true'));
  });

  it('shows empty and error states', async () => {
    mockFetch({ [`GET ${BASE}/webinars`]: json(paged([])), [`GET ${BASE}/courses`]: problem(500, 'Server error'), [`GET ${BASE}/team-progress`]: json(team) });
    renderPage();
    expect(await screen.findByTestId('webinars-empty')).toHaveTextContent('No webinars scheduled');
    expect(await screen.findByText('We couldn’t load the courses')).toBeInTheDocument();
  });
});
