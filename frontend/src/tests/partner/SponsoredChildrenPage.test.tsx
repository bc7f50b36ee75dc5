import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import SponsoredChildrenPage from '@/pages/partner/SponsoredChildrenPage';
import { usePartnerStore } from '@/store/partnerStore';
import { createTestQueryClient, json, mockFetch, partnerUser, renderWithProviders } from '../test-utils';
import { childFixture, paged, programFixture, waitingChildFixture } from './sponsorship-fixtures';

const CHILDREN = '/api/v1/partner/sponsorships/children';
const PROGRAMS = '/api/v1/partner/sponsorships/programs';

const OTHER_PROGRAM = '0193a7b0-0000-7000-8000-0000000000f2';
const FILTER_OPTIONS = '/api/v1/partner/sponsorships/filter-options';
const filterOptions = { counties: ['Kisumu', 'Turkana'], grades: ['PP1', 'Grade4'], learningNeeds: ['low vision'], schools: ['Kisumu Lakeside Primary'] };

function renderPage(search = '') {
  return renderWithProviders(
    <Routes>
      <Route path="/dashboard/partner/sponsored-children" element={<SponsoredChildrenPage />} />
    </Routes>,
    { route: `/dashboard/partner/sponsored-children${search}`, queryClient: createTestQueryClient(partnerUser) },
  );
}

const children = [
  childFixture(),
  waitingChildFixture(),
  childFixture({
    id: '0193a7b0-0000-7000-8000-00000000c003',
    displayName: 'Kevin Otieno',
    firstName: 'Kevin',
    programId: OTHER_PROGRAM,
    programName: 'Nairobi Numeracy',
    progress: { minutesThisWeek: 0, minutesLastWeek: 60, trend: 'down', lastActiveAt: '2026-11-05T15:00:00Z', averageScore: null, hasAlert: true, engagement: 12 },
  }),
];

/** Answers GET /children with the fixtures, filtered by the query the page sends. */
function childrenRoute({ url }: { url: string }) {
  const q = new URL(url, 'http://x').searchParams;
  let items = children;
  if (q.get('hasAlert') === 'true') items = items.filter((c) => c.progress?.hasAlert);
  if (q.get('status')) items = items.filter((c) => c.status === q.get('status'));
  if (q.get('grade')) items = items.filter((c) => c.grade === q.get('grade'));
  if (q.get('programId')) items = items.filter((c) => c.programId === q.get('programId'));
  return json(paged(items, items.length, Number(q.get('page') ?? 1), Number(q.get('pageSize') ?? 20)));
}

const childCalls = (spy: ReturnType<typeof mockFetch>) =>
  spy.mock.calls.map(([url]) => String(url)).filter((u) => u.startsWith(CHILDREN)).map((u) => new URL(u, 'http://x').searchParams);

describe('SponsoredChildrenPage', () => {
  it('shows a card per child: consent, minutes this week with the trend, the alert marker and the program', async () => {
    mockFetch({
      [CHILDREN]: childrenRoute,
      [PROGRAMS]: json(paged([programFixture(), programFixture({ id: OTHER_PROGRAM, name: 'Nairobi Numeracy' })])),
    });
    renderPage();

    const cards = await screen.findAllByTestId('child-card');
    expect(cards).toHaveLength(3);
    const faith = within(cards[0]!);
    expect(faith.getByRole('link', { name: 'Faith Otieno' })).toHaveAttribute('href', `/dashboard/partner/sponsored-children/${children[0]!.id}`);
    expect(faith.getByTestId('consent-badge')).toHaveTextContent('Consent given');
    expect(faith.getByTestId('minutes-this-week')).toHaveTextContent('135 min');
    expect(faith.getByTestId('trend')).toHaveAttribute('data-trend', 'up');
    expect(faith.getByText('Up: 90 min last week')).toBeInTheDocument();
    expect(faith.getByTestId('card-engagement')).toHaveTextContent('Engagement 74');
    expect(faith.queryByTestId('alert-marker')).not.toBeInTheDocument();
    expect(faith.getByText('Grade 4 · Kisumu')).toBeInTheDocument();
    expect(faith.getByText('Kisumu Lakeside Readers')).toBeInTheDocument();

    // Before consent: no figures, said plainly.
    const amani = within(cards[1]!);
    expect(amani.getByTestId('consent-badge')).toHaveTextContent('Awaiting guardian');
    expect(amani.getByTestId('progress-hidden')).toHaveTextContent('Progress hidden until a guardian consents');
    expect(amani.queryByTestId('minutes-this-week')).not.toBeInTheDocument();

    expect(within(cards[2]!).getByTestId('alert-marker')).toBeInTheDocument();
    expect(within(cards[2]!).getByTestId('trend')).toHaveAttribute('data-trend', 'down');
    expect(screen.getByTestId('children-count')).toHaveTextContent('3 children');
  });

  it('honours ?status= and ?alerts=true from the dashboard quick links', async () => {
    const spy = mockFetch({ [CHILDREN]: childrenRoute, [PROGRAMS]: json(paged([programFixture()])) });
    renderPage('?status=ACTIVE&alerts=true');

    const cards = await screen.findAllByTestId('child-card');
    expect(cards).toHaveLength(1);
    expect(within(cards[0]!).getByText('Kevin Otieno')).toBeInTheDocument();
    const q = childCalls(spy).at(-1)!;
    expect(q.get('status')).toBe('ACTIVE');
    expect(q.get('hasAlert')).toBe('true');
    expect(screen.getByTestId('alerts-only')).toBeChecked();
    expect(screen.getByLabelText('Status')).toHaveValue('ACTIVE');
    expect(screen.getByTestId('children-count')).toHaveTextContent('1 child matches these filters');
  });

  it('filters by program, grade and alerts, keeping the filters in the URL', async () => {
    const user = userEvent.setup();
    const spy = mockFetch({
      [CHILDREN]: childrenRoute,
      [PROGRAMS]: json(paged([programFixture(), programFixture({ id: OTHER_PROGRAM, name: 'Nairobi Numeracy' })])),
      [FILTER_OPTIONS]: json({ ...filterOptions, grades: ['Grade4', 'Grade5'] }),
    });
    renderPage();
    await screen.findAllByTestId('child-card');
    await waitFor(() => expect(within(screen.getByLabelText('Grade')).getAllByRole('option')).toHaveLength(3));

    await user.selectOptions(screen.getByLabelText('Grade'), 'Grade5');
    await waitFor(() => expect(screen.getAllByTestId('child-card')).toHaveLength(1));
    expect(childCalls(spy).at(-1)!.get('grade')).toBe('Grade5');
    expect(screen.getByTestId('location')).toHaveTextContent('grade=Grade5');
    expect(screen.getByText('Amani W.')).toBeInTheDocument();

    await user.selectOptions(screen.getByLabelText('Grade'), '');
    await user.selectOptions(await screen.findByLabelText('Program'), 'Nairobi Numeracy');
    await waitFor(() => expect(childCalls(spy).at(-1)!.get('programId')).toBe(OTHER_PROGRAM));
    expect(usePartnerStore.getState().selectedProgramId).toBe(OTHER_PROGRAM);

    await user.click(screen.getByTestId('alerts-only'));
    await waitFor(() => expect(childCalls(spy).at(-1)!.get('hasAlert')).toBe('true'));
    expect(screen.getByTestId('location')).toHaveTextContent('alerts=true');

    // Reset clears every filter.
    await user.click(screen.getByRole('button', { name: 'Reset' }));
    await waitFor(() => expect(screen.getAllByTestId('child-card')).toHaveLength(3));
    expect(screen.getByTestId('location')).toHaveTextContent(/^\/dashboard\/partner\/sponsored-children$/);
  });

  it('says when no child matches the filters', async () => {
    mockFetch({ [CHILDREN]: json(paged([])), [PROGRAMS]: json(paged([])) });
    renderPage('?county=Turkana');
    expect(await screen.findByTestId('children-empty')).toHaveTextContent('No children match these filters');
  });

  it('switches to the cohort view: per-program figures from the server over every child, with a preview of cards', async () => {
    const user = userEvent.setup();
    // The server counts all 240 children of the first program; the browser only ever loads a preview page.
    const cohorts = {
      total: 241,
      programs: [
        { programId: children[0]!.programId, programName: 'Kisumu Lakeside Readers', children: 240, consented: 180, averageMinutesThisWeek: 97.5, alerts: 12 },
        { programId: OTHER_PROGRAM, programName: 'Nairobi Numeracy', children: 1, consented: 1, averageMinutesThisWeek: 0, alerts: 1 },
      ],
    };
    const spy = mockFetch({
      [`${CHILDREN}/by-program`]: json(cohorts),
      [CHILDREN]: childrenRoute,
      [PROGRAMS]: json(paged([programFixture()])),
      [FILTER_OPTIONS]: json(filterOptions),
    });
    renderPage('?grade=Grade4');
    await screen.findAllByTestId('child-card');
    expect(screen.getByTestId('view-individual')).toHaveAttribute('aria-pressed', 'true');

    await user.click(screen.getByTestId('view-cohort'));
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('view=cohort'));
    expect(screen.getByTestId('view-cohort')).toHaveAttribute('aria-pressed', 'true');

    const groups = await screen.findAllByTestId('cohort-group');
    expect(groups.map((g) => within(g).getByRole('heading', { level: 2 }).textContent)).toEqual(['Kisumu Lakeside Readers', 'Nairobi Numeracy']);
    const kisumu = within(within(groups[0]!).getByTestId('cohort-summary'));
    expect(kisumu.getByText('Children').nextSibling).toHaveTextContent('240');
    expect(kisumu.getByText('Consented').nextSibling).toHaveTextContent('180');
    expect(kisumu.getByText('Avg min / week').nextSibling).toHaveTextContent('98');
    expect(kisumu.getByText('Alerts').nextSibling).toHaveTextContent('12');
    expect(await within(groups[0]!).findAllByTestId('child-card')).toHaveLength(1);
    expect(screen.getByTestId('children-count')).toHaveTextContent('241 children');

    // The figures request carries the filters; the previews ask for a handful of one program's children.
    const figures = spy.mock.calls.map(([u]) => String(u)).filter((u) => u.includes('/by-program'));
    expect(new URL(figures.at(-1)!, 'http://x').searchParams.get('grade')).toBe('Grade4');
    const previews = childCalls(spy).filter((q) => q.get('programId'));
    expect(previews.every((q) => q.get('pageSize') === '6')).toBe(true);

    // "Show all" opens the list of that program.
    await user.click(within(groups[0]!).getByRole('button', { name: 'Show all 240 children' }));
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent(`program=${children[0]!.programId}`));
    expect(screen.getByTestId('location')).not.toHaveTextContent('view=');
  });

  it('offers the counties and grades the API lists, not a fixed list', async () => {
    mockFetch({ [CHILDREN]: childrenRoute, [PROGRAMS]: json(paged([])), [FILTER_OPTIONS]: json(filterOptions) });
    renderPage();
    const county = await screen.findByLabelText('County');
    await waitFor(() => expect(within(county).getAllByRole('option').map((o) => o.textContent)).toEqual(['All counties', 'Kisumu', 'Turkana']));
    expect(within(screen.getByLabelText('Grade')).getAllByRole('option').map((o) => o.textContent)).toEqual(['All grades', 'PP1', 'Grade 4']);
  });

  it('keeps the list for a sidebar ?tab= and opens each child on that tab', async () => {
    mockFetch({ [CHILDREN]: childrenRoute, [PROGRAMS]: json(paged([])) });
    renderPage('?tab=goals');
    expect(await screen.findByRole('heading', { level: 1, name: 'Sponsored Children · Goals' })).toBeInTheDocument();
    const card = (await screen.findAllByTestId('child-card'))[0]!;
    expect(within(card).getByRole('link')).toHaveAttribute('href', `/dashboard/partner/sponsored-children/${children[0]!.id}?tab=goals`);
  });
});
