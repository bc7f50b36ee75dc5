import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import ProgressLettersPage from '@/pages/partner/ProgressLettersPage';
import { TermDashboard } from '@/components/partner/analytics/TermDashboard';
import { usePartnerStore } from '@/store';
import type { LetterBatch, StudentInsights } from '@/services/partner/progress-letters';
import { createTestQueryClient, json, mockFetch, partnerUser, problem, renderWithProviders } from '../test-utils';

const LETTERS = '/api/v1/partner/analytics/progress-letters';
const empty = { items: [], page: 1, pageSize: 10, total: 0 };
const programs = { items: [{ id: 'p1', name: 'Lake Cohort', status: 'ACTIVE' }, { id: 'p2', name: 'Hill Cohort', status: 'ACTIVE' }], page: 1, pageSize: 100, total: 2 };
const terms = [
  { id: '2026-1', name: 'Term 1, 2026', start: '2026-01-05', end: '2026-04-02', current: true },
  { id: '2025-3', name: 'Term 3, 2025', start: '2025-08-25', end: '2025-10-24', current: false },
];
const batch = (over: Partial<LetterBatch>): LetterBatch => ({
  id: 'b1', programId: 'p2', programName: 'Hill Cohort', termName: 'Term 3, 2025', termStart: '2025-08-25', termEnd: '2025-10-24', status: 'completed',
  progress: 100, stage: 'Ready', done: 2, total: 2, requestedAt: '2026-03-11T09:00:00Z', completedAt: '2026-03-11T09:00:03Z', error: null, ...over,
});
const letters = {
  items: [
    { id: 'l1', sponsoredChildId: 'c1', studentId: 's1', firstName: 'Amani', pages: 1, sizeBytes: 40960, provider: 'offline', model: 'elimu-offline-1', generatedAt: '2026-03-11T09:00:02Z' },
    { id: 'l2', sponsoredChildId: 'c2', studentId: 's2', firstName: 'Baraka', pages: 2, sizeBytes: 51200, provider: 'offline', model: 'elimu-offline-1', generatedAt: '2026-03-11T09:00:02Z' },
  ],
  page: 1, pageSize: 20, total: 2,
};

const renderPage = (route = '/dashboard/partner/progress-letters') =>
  renderWithProviders(<ProgressLettersPage />, { route, queryClient: createTestQueryClient(partnerUser) });

describe('ProgressLettersPage', () => {
  beforeEach(() => usePartnerStore.getState().reset());

  it('says there are no letters yet', async () => {
    mockFetch({ [`GET ${LETTERS}`]: json(empty), [`GET ${LETTERS}/terms`]: json(terms), 'GET /api/v1/partner/sponsorships/programs': json(programs) });
    renderPage();
    expect(await screen.findByTestId('letters-empty')).toHaveTextContent('No letters yet');
  });

  it('without programs it says what to do first', async () => {
    mockFetch({ [`GET ${LETTERS}`]: json(empty), [`GET ${LETTERS}/terms`]: json(terms), 'GET /api/v1/partner/sponsorships/programs': json(empty) });
    renderPage();
    expect(await screen.findByTestId('letters-no-programs')).toHaveTextContent('No programs yet');
  });

  it('shows an error with a retry when the batches cannot be loaded', async () => {
    mockFetch({ [`GET ${LETTERS}`]: problem(500, 'Boom'), [`GET ${LETTERS}/terms`]: json(terms), 'GET /api/v1/partner/sponsorships/programs': json(programs) });
    renderPage();
    expect(await screen.findByTestId('letters-batches-error')).toHaveTextContent('We couldn’t load your letters');
  });

  it('writes letters for the chosen program and term, shows the progress, then the letters with their downloads', async () => {
    let sent: unknown;
    const states = [batch({ status: 'running', progress: 40, stage: 'Writing the letters', done: 1, total: 2, completedAt: null }), batch({})];
    mockFetch({
      [`GET ${LETTERS}`]: json(empty),
      [`GET ${LETTERS}/terms`]: json(terms),
      'GET /api/v1/partner/sponsorships/programs': json(programs),
      [`POST ${LETTERS}`]: ({ init }) => {
        sent = JSON.parse(String(init?.body));
        return json({ id: 'b1', status: 'queued' }, 202);
      },
      [`GET ${LETTERS}/b1`]: () => json(states.length > 1 ? states.shift()! : states[0]),
      [`GET ${LETTERS}/b1/letters`]: json(letters),
    });
    renderPage();
    const user = userEvent.setup();
    await screen.findByRole('option', { name: 'Hill Cohort' });
    await user.selectOptions(screen.getByTestId('letters-program'), 'p2');
    await user.selectOptions(screen.getByTestId('letters-term'), '2025-3');
    await user.click(screen.getByTestId('letters-generate'));

    expect(sent).toEqual({ programId: 'p2', term: '2025-3' });
    expect(await screen.findByTestId('letters-progress')).toHaveTextContent('1 of 2 letters');
    expect(screen.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '40');

    expect(await screen.findByTestId('letters-list', {}, { timeout: 5000 })).toHaveTextContent('Amani');
    expect(screen.getByTestId('letters-batch-title')).toHaveTextContent('Hill Cohort · Term 3, 2025');
    expect(screen.getAllByTestId('letter-pdf')[1]).toHaveAttribute('href', `${LETTERS}/b1/letters/l2/pdf`);
    expect(screen.getByTestId('letters-zip')).toHaveAttribute('href', `${LETTERS}/b1/zip`);
  });

  it('shows the refusal when the program and term already have letters being written', async () => {
    mockFetch({
      [`GET ${LETTERS}`]: json(empty),
      [`GET ${LETTERS}/terms`]: json(terms),
      'GET /api/v1/partner/sponsorships/programs': json(programs),
      [`POST ${LETTERS}`]: problem(409, 'The request conflicts with the current state.', 'Letters for Lake Cohort, Term 1, 2026 are already being written.', { code: 'letters_in_progress' }),
    });
    renderPage();
    const user = userEvent.setup();
    await screen.findByRole('option', { name: 'Lake Cohort' });
    await user.click(screen.getByTestId('letters-generate'));
    expect(await screen.findByTestId('letters-error')).toHaveTextContent('already being written');
  });

  it('a batch without consented children says so instead of an empty list', async () => {
    mockFetch({
      [`GET ${LETTERS}`]: json({ items: [batch({ total: 0, done: 0 })], page: 1, pageSize: 10, total: 1 }),
      [`GET ${LETTERS}/terms`]: json(terms),
      'GET /api/v1/partner/sponsorships/programs': json(programs),
      [`GET ${LETTERS}/b1`]: json(batch({ total: 0, done: 0 })),
    });
    renderPage('/dashboard/partner/progress-letters?batch=b1');
    expect(await screen.findByTestId('letters-none')).toHaveTextContent('No letters in this batch');
    expect(screen.queryByTestId('letters-zip')).not.toBeInTheDocument();
  });
});

describe('TermDashboard', () => {
  it('shows the term figures, levels with movement, goals and the narrative with its provider', async () => {
    const insights: StudentInsights = {
      studentId: 's1', sponsoredChildId: 'c1', programId: 'p1', firstName: 'Amani', term: '2026-1', termName: 'Term 1, 2026', termStart: '2026-01-05',
      termEnd: '2026-04-02', asOf: '2026-03-11', minutes: 150, sessions: 4, activeDays: 4, lessonsCompleted: 0, currentStreak: 3, longestStreak: 3,
      areas: [{ code: 'MAT', name: 'Mathematics', assessments: 1, averageScore: 72, level: 'ME', levelLabel: 'Meeting Expectations', previousLevel: 'AE', movement: 'up' }],
      achievements: [{ id: 'a1', kind: 'badge', title: 'Seven-day streak', awardedAt: '2026-02-12T07:00:00Z' }],
      goals: [{ goal: '60 minutes of learning a week', progress: { goalId: 'g1', kind: 'weekly_minutes', target: '60', current: '90', percent: 100, status: 'achieved' } }],
      narrative: 'This term Amani learned for 150 minutes.', provider: 'offline', model: 'elimu-offline-1', generatedAt: '2026-03-11T09:00:00Z',
    };
    mockFetch({ 'GET /api/v1/partner/analytics/student-insights/s1': json(insights) });
    renderWithProviders(<TermDashboard studentId="s1" />, { queryClient: createTestQueryClient(partnerUser) });
    expect(await screen.findByTestId('term-minutes-learned')).toHaveTextContent('150');
    expect(screen.getByTestId('term-current-streak')).toHaveTextContent('3 days');
    expect(screen.getByTestId('term-areas')).toHaveTextContent('Meeting Expectations');
    expect(screen.getByTestId('term-areas')).toHaveTextContent('Up from AE');
    expect(screen.getByTestId('term-goals')).toHaveTextContent('Achieved · 100%');
    expect(screen.getByTestId('term-narrative')).toHaveTextContent('Amani learned for 150 minutes');
    expect(screen.getByTestId('term-narrative')).toHaveTextContent('elimu-offline-1');
  });

  it('a child who is not consented (404) shows an error, not figures', async () => {
    mockFetch({ 'GET /api/v1/partner/analytics/student-insights/s9': problem(404, 'Student not found.') });
    renderWithProviders(<TermDashboard studentId="s9" />, { queryClient: createTestQueryClient(partnerUser) });
    expect(await screen.findByTestId('term-error')).toBeInTheDocument();
    expect(screen.queryByTestId('term-dashboard')).not.toBeInTheDocument();
  });
});
