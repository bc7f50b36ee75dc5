import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { beforeAll, describe, expect, it } from 'vitest';
import ChildProgressPage from '@/pages/partner/ChildProgressPage';
import { createTestQueryClient, json, mockFetch, partnerUser, problem, renderWithProviders } from '../test-utils';
import {
  achievementsFixture,
  activityFixture,
  CHILD_ID,
  goalsFixture,
  headerFixture,
  insightsFixture,
  journeyFixture,
  programFixture,
  PROGRAM_ID,
} from './sponsorship-fixtures';

const BASE = `/api/v1/partner/sponsorships/children/${CHILD_ID}`;
const PROGRAM = `/api/v1/partner/sponsorships/programs/${PROGRAM_ID}`;

function renderPage(search = '', user = partnerUser) {
  return renderWithProviders(
    <Routes>
      <Route path="/dashboard/partner/sponsored-children/:id" element={<ChildProgressPage />} />
    </Routes>,
    { route: `/dashboard/partner/sponsored-children/${CHILD_ID}${search}`, queryClient: createTestQueryClient(user) },
  );
}

function consentedRoutes() {
  return {
    [BASE]: json(headerFixture()),
    [`${BASE}/progress`]: json(journeyFixture),
    [`${BASE}/activity`]: ({ url }: { url: string }) => json(activityFixture((new URL(url, 'http://x').searchParams.get('period') ?? 'week') as 'day' | 'week' | 'month')),
    [`${BASE}/achievements`]: json(achievementsFixture),
    [`${BASE}/goals`]: json(goalsFixture),
    [`${BASE}/ai-insights`]: json(insightsFixture),
  };
}

const calledPaths = (spy: ReturnType<typeof mockFetch>) => spy.mock.calls.map(([url]) => String(url));
const location = () => screen.getByTestId('location').textContent;

describe('ChildProgressPage', () => {
  // The charts load when first drawn; their first import here (Chart.js through Vite's transform) can outlast a
  // findBy on a busy runner, and what is tested is the page, not that wait.
  // The goals editor loads when opened, likewise.
  beforeAll(() => Promise.all([import('@/components/partner/children/charts'), import('@/components/partner/shared/PartnerChart'), import('@/components/partner/children/GoalsEditor')]), 60_000);

  it('shows the child header and opens on the Learning Journey tab', async () => {
    const spy = mockFetch(consentedRoutes());
    renderPage();

    expect(await screen.findByRole('heading', { level: 1, name: 'Faith Otieno' })).toBeInTheDocument();
    const header = screen.getByTestId('child-header');
    expect(within(header).getByText('Consent given')).toBeInTheDocument();
    expect(within(header).getByText('Grade 4')).toBeInTheDocument();
    expect(within(header).getByRole('link', { name: 'Kisumu Lakeside Readers' })).toHaveAttribute('href', expect.stringContaining('/dashboard/partner/sponsorships/'));

    expect(screen.getByRole('tab', { name: 'Learning Journey' })).toHaveAttribute('aria-selected', 'true');
    const panel = await screen.findByTestId('view-learning-journey');
    expect(screen.getByRole('tabpanel')).toHaveAccessibleName('Learning Journey');

    // Mastery per learning area, with the trend against the previous 28 days.
    const mastery = within(panel).getByRole('table', { name: 'Mastery by learning area' });
    const maths = within(mastery).getByRole('row', { name: /Mathematics/ });
    expect(within(maths).getByText('ME')).toBeInTheDocument();
    expect(within(maths).getByText('+6.5')).toBeInTheDocument();
    expect(within(mastery).getByRole('row', { name: /English/ })).toHaveTextContent('-4');

    // The charts: 12 weeks, 7 competencies (one not rated), the four rubric levels.
    // The charts' code loads when they are first drawn.
    expect(await within(panel).findByRole('img', { name: 'Minutes learned and average score per week, 12 weeks' })).toBeInTheDocument();
    const competencies = await within(panel).findByRole('table', { name: /Core competencies/ });
    expect(within(competencies).getAllByRole('row')).toHaveLength(8);
    expect(within(competencies).getByRole('row', { name: 'Self-efficacy not rated yet' })).toBeInTheDocument();
    expect(await within(panel).findByRole('table', { name: 'Assessments per CBC rubric level' })).toHaveTextContent('Meeting Expectations850%');

    expect(within(screen.getByTestId('focus-areas')).getByText(/down 4 points in 28 days/)).toBeInTheDocument();
    expect(within(screen.getByTestId('recent-lessons')).getByText('Fractions on a number line')).toBeInTheDocument();

    // Only the open tab's data is fetched.
    const paths = calledPaths(spy);
    expect(paths).toContain(`${BASE}/progress`);
    expect(paths.some((p) => p.includes('/activity') || p.includes('/goals') || p.includes('/ai-insights'))).toBe(false);
  });

  it('fetches and renders each view when its tab is chosen, keeping the tab in the URL', async () => {
    const user = userEvent.setup();
    const spy = mockFetch(consentedRoutes());
    renderPage();
    await screen.findByTestId('view-learning-journey');

    // Activity: week by default, then 30 days.
    await user.click(screen.getByRole('tab', { name: 'Activity' }));
    expect(location()).toBe(`/dashboard/partner/sponsored-children/${CHILD_ID}?tab=activity`);
    const activity = await screen.findByTestId('view-activity');
    expect(calledPaths(spy)).toContain(`${BASE}/activity?period=week`);
    expect(within(screen.getByTestId('stat-engagement')).getByText('73')).toBeInTheDocument();
    expect(within(screen.getByTestId('stat-streak')).getByText('4 days')).toBeInTheDocument();
    expect(await within(activity).findByRole('table', { name: 'Minutes learned per day, 7 days' })).toBeInTheDocument();
    // The engagement formula is in the tooltip, as the score's description.
    expect(screen.getByTestId('engagement-formula')).toHaveAccessibleDescription(/round\(40 × min\(1, minutes in the last 7 days ÷ 150\)/);

    await user.click(within(screen.getByTestId('period-switch')).getByRole('button', { name: '30 days' }));
    await waitFor(() => expect(calledPaths(spy)).toContain(`${BASE}/activity?period=month`));
    expect(await screen.findByRole('table', { name: 'Minutes learned per day, 30 days' })).toBeInTheDocument();

    // Achievements, grouped.
    await user.click(screen.getByRole('tab', { name: 'Achievements' }));
    await screen.findByTestId('view-achievements');
    expect(within(screen.getByTestId('achievements-total')).getByText('3')).toBeInTheDocument();
    const badges = screen.getByTestId('achievements-badges');
    expect(within(badges).getAllByRole('listitem').map((li) => li.querySelector('p')?.textContent)).toEqual(['Fast reader', '7-day streak']);
    expect(within(screen.getByTestId('achievements-milestones')).getByText('No milestones yet.')).toBeInTheDocument();

    // Goals with progress bars and status badges.
    await user.click(screen.getByRole('tab', { name: 'Goals' }));
    await screen.findByTestId('view-goals');
    const goals = within(screen.getByTestId('goal-list')).getAllByTestId('goal');
    expect(goals).toHaveLength(2);
    expect(within(goals[0]!).getByText('Reach ME (Meeting Expectations) in English')).toBeInTheDocument();
    expect(within(goals[0]!).getByTestId('goal-status')).toHaveTextContent('At risk');
    expect(within(goals[0]!).getByRole('progressbar')).toHaveAttribute('aria-valuenow', '67');
    expect(within(goals[1]!).getByTestId('goal-status')).toHaveTextContent('Achieved');

    // AI insights: the computed signals, and the narrative, style, strengths, risks and three tips with their provenance.
    await user.click(screen.getByRole('tab', { name: 'AI Insights' }));
    await screen.findByTestId('view-ai-insights');
    const warnings = within(screen.getByTestId('insight-warnings')).getAllByTestId('warning');
    expect(warnings.map((w) => w.dataset.severity)).toEqual(['high', 'medium']);
    expect(warnings[0]).toHaveTextContent('English scores fell 4 points');
    expect(within(screen.getByTestId('insight-time')).getByText('evening')).toBeInTheDocument();
    expect(within(screen.getByTestId('insight-areas')).getByText('Mathematics')).toBeInTheDocument();
    const summary = screen.getByTestId('ai-summary');
    expect(within(summary).getByText('English').tagName).toBe('STRONG');
    expect(within(summary).getByTestId('ai-provenance')).toHaveTextContent(/Generated by Elimu offline writer · elimu-offline-1 · 11 Mar 2026, 12:00 EAT/);
    expect(within(screen.getByTestId('insight-ai-tips')).getAllByRole('listitem')).toHaveLength(3);
    expect(screen.getByTestId('insight-style')).toHaveTextContent('An evening learner');
    expect(screen.getByTestId('insight-strengths')).toHaveTextContent('Strongest area: Mathematics');
    expect(screen.getByTestId('insight-risks')).toHaveTextContent('English scores fell 4 points');

    for (const view of ['achievements', 'goals', 'ai-insights']) expect(calledPaths(spy)).toContain(`${BASE}/${view}`);
  });

  it('opens the tab named in ?tab= and moves between tabs with the arrow keys', async () => {
    const user = userEvent.setup();
    mockFetch(consentedRoutes());
    renderPage('?tab=goals');

    expect(await screen.findByTestId('view-goals')).toBeInTheDocument();
    const goalsTab = screen.getByRole('tab', { name: 'Goals' });
    expect(goalsTab).toHaveAttribute('aria-selected', 'true');
    expect(goalsTab).toHaveAttribute('tabindex', '0');

    goalsTab.focus();
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('tab', { name: 'AI Insights' })).toHaveFocus();
    expect(await screen.findByTestId('view-ai-insights')).toBeInTheDocument();
  });

  it('explains a 403 consent_required and, after a preview of who is asked and what they read, asks the guardians', async () => {
    const user = userEvent.setup();
    const consentRequired = problem(403, 'You may not see this.', 'A parent or guardian has not given consent (or has withdrawn it), so this child’s learning data is hidden.', {
      code: 'consent_required',
      consentStatus: 'revoked',
    });
    const spy = mockFetch({
      [BASE]: json(headerFixture({ status: 'PENDING_CONSENT', consentStatus: 'revoked', displayName: 'Faith O.', school: null, dateOfBirth: null })),
      [`${BASE}/progress`]: consentRequired,
      [`${BASE}/goals`]: consentRequired,
      [PROGRAM]: json(programFixture({ status: 'ACTIVE' })),
      'POST /api/v1/partner/sponsorships/consent/request': json({ children: 1, requested: 2, alreadyPending: 0, withoutGuardian: [] }),
      '/api/v1/partner/sponsorships/consent/request/preview': json({
        children: 1,
        childrenToAsk: 1,
        guardiansToAsk: 2,
        alreadyPending: 0,
        withoutGuardian: [],
        consentTextVersion: '2026-01',
        sampleText: 'I, [your full name], am a parent or guardian of [your child\'s name]. Mwangaza sponsors …',
        sampleTextSw: 'Mimi, [jina lako kamili], ni mzazi au mlezi wa [jina la mtoto wako]. Mwangaza inafadhili …',
        partnerSees: ['Lessons completed, scores and CBC rubric levels'],
        partnerDoesNotSee: ['Your contact details'],
      }),
    });
    renderPage();

    const state = await screen.findByTestId('consent-required');
    expect(within(state).getByRole('heading', { name: 'Faith’s learning data is hidden until a guardian consents' })).toBeInTheDocument();
    expect(screen.getByTestId('consent-why')).toHaveTextContent('withdrew their consent');
    expect(screen.queryByTestId('view-learning-journey')).not.toBeInTheDocument();
    // The page explains it; no error toast on top.
    expect(screen.queryByTestId('toast')).not.toBeInTheDocument();
    // The header still says who the child is, as much as consent allows.
    expect(within(screen.getByTestId('child-header')).getByText('Consent withdrawn')).toBeInTheDocument();

    await user.click(await within(state).findByRole('button', { name: 'Request consent' }));
    // The same preview as a program-wide request, for this one child, before anything is sent.
    const confirm = await screen.findByTestId('consent-confirm');
    expect(confirm).toHaveTextContent('Each parent or guardian of Faith who has not been asked yet');
    expect(await within(confirm).findByTestId('consent-preview-summary')).toHaveTextContent('2 guardians of 1 child will be asked.');
    expect(within(confirm).getByTestId('consent-preview-sees')).toHaveTextContent('Lessons completed, scores and CBC rubric levels');
    expect(within(confirm).getByTestId('consent-preview-not-sees')).toHaveTextContent('Your contact details');
    expect(within(confirm).getByTestId('consent-preview-text')).toHaveTextContent('I, [your full name], am a parent or guardian');
    const previewCall = calledPaths(spy).find((u) => u.includes('/consent/request/preview'))!;
    expect(new URL(previewCall, 'http://x').searchParams.get('sponsoredChildId')).toBe(CHILD_ID);
    expect(new URL(previewCall, 'http://x').searchParams.has('programId')).toBe(false);
    expect(spy.mock.calls.some(([u, init]) => u === '/api/v1/partner/sponsorships/consent/request' && init?.method === 'POST')).toBe(false);

    await user.click(within(confirm).getByRole('button', { name: 'Send 2 requests' }));
    expect(await screen.findByTestId('consent-request-result')).toHaveTextContent('Asked 2 guardians.');
    expect(screen.queryByTestId('consent-confirm')).not.toBeInTheDocument();
    const post = spy.mock.calls.find(([url, init]) => url === '/api/v1/partner/sponsorships/consent/request' && init?.method === 'POST');
    expect(JSON.parse(String(post![1]!.body))).toEqual({ sponsoredChildId: CHILD_ID, programId: null });

    // Every other view says the same.
    await user.click(screen.getByRole('tab', { name: 'Goals' }));
    expect(await screen.findByTestId('consent-required')).toBeInTheDocument();
    expect(screen.queryByTestId('view-goals')).not.toBeInTheDocument();
  });

  it('offers no “Request consent” while the program waits for approval, and says when guardians can be asked', async () => {
    const consentRequired = problem(403, 'You may not see this.', 'No consent yet.', { code: 'consent_required', consentStatus: 'not_requested' });
    const spy = mockFetch({
      [BASE]: json(headerFixture({ status: 'PENDING_CONSENT', consentStatus: 'not_requested', displayName: 'Amani W.', school: null, dateOfBirth: null })),
      [`${BASE}/progress`]: consentRequired,
      [PROGRAM]: json(programFixture({ status: 'PENDING_APPROVAL' })),
    });
    renderPage();

    const notYet = await screen.findByTestId('consent-not-yet');
    expect(notYet).toHaveTextContent('The program is waiting for an admin’s approval. Guardians can be asked once it is approved.');
    expect(within(notYet).getByRole('link', { name: 'Open the program' })).toHaveAttribute('href', `/dashboard/partner/sponsorships/${PROGRAM_ID}`);
    expect(within(screen.getByTestId('consent-required')).queryByRole('button', { name: 'Request consent' })).not.toBeInTheDocument();
    expect(spy.mock.calls.some(([, init]) => init?.method === 'POST')).toBe(false);
  });

  it('shows a viewer the goals and why data is hidden, without the editor or a consent request they may not make', async () => {
    const viewer = { ...partnerUser, partnerRole: 'viewer' };
    mockFetch(consentedRoutes());
    const { unmount } = renderPage('?tab=goals', viewer);
    expect(await screen.findByTestId('goal-list')).toBeInTheDocument();
    expect(screen.queryByTestId('edit-goals')).not.toBeInTheDocument();
    unmount();

    const consentRequired = problem(403, 'You may not see this.', 'No consent yet.', { code: 'consent_required', consentStatus: 'revoked' });
    mockFetch({
      [BASE]: json(headerFixture({ status: 'PENDING_CONSENT', consentStatus: 'revoked', displayName: 'Faith O.', school: null, dateOfBirth: null })),
      [`${BASE}/progress`]: consentRequired,
      [PROGRAM]: json(programFixture({ status: 'ACTIVE' })),
    });
    renderPage('', viewer);
    expect(await screen.findByTestId('consent-why')).toHaveTextContent('withdrew their consent');
    expect(screen.queryByRole('button', { name: 'Request consent' })).not.toBeInTheDocument();
  });

  it('shows a load error (not the consent state) for other failures, with a retry', async () => {
    mockFetch({ [BASE]: json(headerFixture()), [`${BASE}/progress`]: problem(500, 'The server had a problem. Please try again.') });
    renderPage();
    const error = await screen.findByTestId('query-error');
    expect(within(error).getByText('We couldn’t load the learning journey')).toBeInTheDocument();
    expect(within(error).getByRole('button', { name: 'Try again' })).toBeInTheDocument();
    expect(screen.queryByTestId('consent-required')).not.toBeInTheDocument();
  });

  it('says when the child is not one of the partner’s', async () => {
    mockFetch({ [BASE]: problem(404, 'Sponsored child not found.') });
    renderPage();
    expect(await screen.findByTestId('child-not-found')).toHaveTextContent('Child not found');
  });

  describe('goal editor', () => {
    it('checks goals before saving and sends them with PUT', async () => {
      const user = userEvent.setup();
      const spy = mockFetch({
        ...consentedRoutes(),
        [`PUT ${BASE}/goals`]: ({ init }) => {
          const body = JSON.parse(String(init?.body)) as { goals: { kind: string; target: string }[] };
          return json({ ...goalsFixture, goals: goalsFixture.goals.slice(0, body.goals.length) });
        },
      });
      renderPage('?tab=goals');
      await user.click(await screen.findByTestId('edit-goals'));
      const editor = await screen.findByTestId('goals-editor');
      expect(within(editor).getAllByRole('listitem')).toHaveLength(2);

      // A new rubric goal without an area or level is refused in the browser.
      await user.click(screen.getByTestId('add-goal'));
      const row = screen.getByTestId('goal-editor-row-2');
      await user.selectOptions(within(row).getByLabelText('Goal 3: measures'), 'rubric_level');
      await user.click(screen.getByTestId('save-goals'));
      expect(await within(row).findByText('A rubric goal needs a learning area.')).toBeInTheDocument();
      expect(within(row).getByText('Target must be a rubric level: EE, ME, AE or BE.')).toBeInTheDocument();
      expect(spy.mock.calls.some(([, init]) => init?.method === 'PUT')).toBe(false);

      // A number goal needs a whole number.
      await user.selectOptions(within(row).getByLabelText('Goal 3: measures'), 'streak_days');
      const target = within(row).getByLabelText('Target (days in a row)');
      await user.clear(target);
      await user.type(target, '0');
      await user.click(screen.getByTestId('save-goals'));
      expect(await within(row).findByText('Target must be a whole number greater than zero.')).toBeInTheDocument();

      await user.clear(target);
      await user.type(target, '7');
      await user.click(screen.getByTestId('save-goals'));
      await waitFor(() => expect(spy.mock.calls.some(([, init]) => init?.method === 'PUT')).toBe(true));
      const put = spy.mock.calls.find(([, init]) => init?.method === 'PUT')!;
      expect(JSON.parse(String(put[1]!.body))).toEqual({
        goals: [
          { id: 'g1', kind: 'rubric_level', learningAreaCode: 'ENG', target: 'ME', dueDate: '2026-12-15' },
          { id: 'g2', kind: 'weekly_minutes', learningAreaCode: null, target: '150', dueDate: null },
          { id: null, kind: 'streak_days', learningAreaCode: null, target: '7', dueDate: null },
        ],
      });
      expect(await screen.findByTestId('goal-list')).toBeInTheDocument();
    });

    it('shows the server’s field errors under the goal they belong to', async () => {
      const user = userEvent.setup();
      mockFetch({
        ...consentedRoutes(),
        [`PUT ${BASE}/goals`]: problem(400, 'One or more fields are invalid.', undefined, {
          code: 'validation_failed',
          errors: { 'goals[1].target': ['Target must be a whole number greater than zero.'], goals: ['Set at most 10 goals per child.'] },
        }),
      });
      renderPage('?tab=goals');
      await user.click(await screen.findByTestId('edit-goals'));
      await user.click(await screen.findByTestId('save-goals'));

      const row = screen.getByTestId('goal-editor-row-1');
      expect(await within(row).findByText('Target must be a whole number greater than zero.')).toBeInTheDocument();
      expect(within(row).getByLabelText('Target (minutes a week)')).toHaveAttribute('aria-invalid', 'true');
      expect(screen.getByTestId('goals-form-error')).toHaveTextContent('Set at most 10 goals per child.');
    });
  });
  it('sets the child’s own alert thresholds on its Alerts tab, and links to its alerts', async () => {
    const values = { daysInactive: null, scoreFallPoints: null, scoreFallWeeks: null, weeklyMinutesBelow: null, goalDaysLeft: null };
    const defaults = { daysInactive: 7, scoreFallPoints: 10, scoreFallWeeks: 4, weeklyMinutesBelow: 30, goalDaysLeft: 14 };
    mockFetch({
      ...consentedRoutes(),
      [`/api/v1/partner/alerts/thresholds/children/${CHILD_ID}`]: json({ scope: 'child', programId: PROGRAM_ID, childId: CHILD_ID, set: values, inherited: defaults, effective: defaults }),
      [`/api/v1/partner/alerts/thresholds/programs/${PROGRAM_ID}`]: json({ scope: 'program', programId: PROGRAM_ID, childId: null, set: values, inherited: defaults, effective: defaults }),
    });
    renderPage('?tab=alerts');
    const panel = await screen.findByTestId('panel-alerts');
    expect(screen.getByRole('tab', { name: 'Alerts' })).toHaveAttribute('aria-selected', 'true');
    expect(await within(panel).findByLabelText('Days without learning')).toHaveAttribute('placeholder', '7');
    expect(within(panel).getByTestId('child-alerts-link')).toHaveAttribute('href', `/dashboard/partner/alerts?child=${CHILD_ID}`);
  });
});
