import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import SponsorshipDetailPage from '@/pages/partner/SponsorshipDetailPage';
import type { ProgramResponse } from '@/types/partner';
import { createTestQueryClient, json, mockFetch, partnerUser, problem, renderWithProviders } from '../test-utils';
import { childFixture, paged, programFixture, PROGRAM_ID, studentFixture, waitingChildFixture } from './sponsorship-fixtures';

const PROGRAM = `/api/v1/partner/sponsorships/programs/${PROGRAM_ID}`;
const CHILDREN = '/api/v1/partner/sponsorships/children';
const AVAILABLE = '/api/v1/partner/sponsorships/available-students';

function renderPage(user = partnerUser) {
  return renderWithProviders(
    <Routes>
      <Route path="/dashboard/partner/sponsorships/:id" element={<SponsorshipDetailPage />} />
    </Routes>,
    { route: `/dashboard/partner/sponsorships/${PROGRAM_ID}`, queryClient: createTestQueryClient(user) },
  );
}

function routes(program: ProgramResponse, extra: Parameters<typeof mockFetch>[0] = {}) {
  return mockFetch({
    [`GET ${PROGRAM}`]: json(program),
    [CHILDREN]: json(paged([childFixture(), waitingChildFixture()])),
    ...extra,
  });
}

describe('SponsorshipDetailPage', () => {
  it('shows the program’s facts, enrollment against its minimum and its children with consent badges', async () => {
    const spy = routes(programFixture());
    renderPage();

    expect(await screen.findByRole('heading', { level: 1, name: 'Kisumu Lakeside Readers' })).toBeInTheDocument();
    expect(screen.getByTestId('program-status')).toHaveTextContent('Draft');
    const meter = within(screen.getByTestId('program-enrollment-card')).getByRole('progressbar');
    expect(meter).toHaveAccessibleName('8 of at least 10 children enrolled, at most 40');
    expect(screen.getByTestId('program-enrollment-card')).toHaveTextContent('2 more needed');
    expect(screen.getByTestId('count-PENDING_CONSENT')).toHaveTextContent('8');
    // The same words as the dashboard: some of these children were never asked, so nothing is "pending" for them.
    expect(screen.getByTestId('program-enrollment-card')).toHaveTextContent('Without consent yet');
    expect(screen.getByTestId('program-enrollment-card')).not.toHaveTextContent(/pending consent/i);
    expect(screen.getByTestId('program-terms-card')).toHaveTextContent('Termly (three school terms)');

    const table = await screen.findByRole('table', { name: 'Children of this program' });
    const faith = within(table).getByRole('row', { name: /Faith Otieno/ });
    expect(within(faith).getAllByTestId('consent-badge')[0]).toHaveTextContent('Consent given');
    expect(within(table).getByRole('row', { name: /Amani W\./ })).toHaveTextContent('Awaiting guardian');
    expect(spy.mock.calls.some(([u]) => String(u).startsWith(`${CHILDREN}?programId=${PROGRAM_ID}`))).toBe(true);

    // Lifecycle buttons come from allowedActions only.
    const actions = screen.getByTestId('program-actions');
    expect(within(actions).getAllByRole('button').map((b) => b.textContent)).toEqual(['Submit for approval', 'Cancel program']);
  });

  it('while the program waits for approval, says guardians are asked once it is approved (not before)', async () => {
    routes(programFixture({ status: 'PENDING_APPROVAL', allowedActions: ['cancel'] }));
    renderPage();
    expect(await screen.findByTestId('program-next-step')).toHaveTextContent(
      'An Elimu admin is reviewing the program. Once it is approved, ask the guardians for consent.',
    );
  });

  it('puts each goal’s measure and target into words, never a stored key', async () => {
    routes(
      programFixture({
        goals: [
          { title: 'Most children at ME in Mathematics', metric: 'share_me_or_above:MATH', target: 80 },
          { title: 'Learning every week', metric: 'avg_weekly_minutes', target: 150 },
          { title: 'Raise the English score', metric: 'score_change:ENG', target: 10 },
          { title: 'Digital skills', metric: 'competency:digital_literacy', target: 3 },
          { title: 'Lessons', metric: 'lessons_completed_per_child', target: 20 },
        ],
      }),
    );
    renderPage();
    await screen.findByRole('heading', { level: 1, name: 'Kisumu Lakeside Readers' });
    expect(screen.getAllByTestId('program-goal-target').map((t) => t.textContent?.replace(/\u00a0/g, ' '))).toEqual([
      '% at ME or above in Mathematics · target 80%',
      'Minutes of learning a week · target 150',
      'Score change in English · target 10',
      'Competency in digital literacy · target 3',
      'Lessons completed per child · target 20',
    ]);
  });

  it('disables “Submit for approval” below the minimum and says how many children are missing', async () => {
    routes(programFixture({ children: { enrolled: 3, active: 0, pendingConsent: 3, paused: 0, graduated: 0, removed: 0, left: 0 } }));
    renderPage();
    const submit = await screen.findByTestId('action-submit');
    expect(submit).toBeDisabled();
    expect(submit).toHaveAccessibleDescription('3 of at least 10 children enrolled; add 7 more');
    expect(screen.getByTestId('action-cancel')).toBeEnabled();
    // Consent is asked only once an admin approved the program (the server answers 409 program_not_active).
    const consent = screen.getByTestId('request-consent');
    expect(consent).toBeDisabled();
    expect(consent).toHaveAccessibleDescription(/submit it for approval first/);
  });

  it('disables “Resume” on a paused program below its minimum, and consent until it is active again', async () => {
    routes(programFixture({ status: 'PAUSED', allowedActions: ['resume', 'cancel'], children: { enrolled: 9, active: 5, pendingConsent: 4, paused: 0, graduated: 0, removed: 0, left: 0 } }));
    renderPage();
    expect(await screen.findByTestId('action-resume')).toHaveAccessibleDescription('9 of at least 10 children enrolled; add 1 more');
    expect(screen.getByTestId('action-resume')).toBeDisabled();
    expect(screen.getByTestId('request-consent')).toHaveAccessibleDescription('The program is paused: resume it to ask guardians.');
  });

  it('explains a refused submission (409 min_children_not_met) in the confirm dialog', async () => {
    const user = userEvent.setup();
    // The page counted 10; a child was removed meanwhile, so the server refuses.
    routes(programFixture({ children: { enrolled: 10, active: 0, pendingConsent: 10, paused: 0, graduated: 0, removed: 0, left: 0 } }), {
      [`POST ${PROGRAM}/submit`]: problem(409, 'The request conflicts with the current state.', 'This program needs at least 10 children to submit the program; 8 enrolled, 2 more needed.', {
        code: 'min_children_not_met',
        minChildren: 10,
        enrolled: 8,
        missing: 2,
      }),
    });
    renderPage();
    await user.click(await screen.findByTestId('action-submit'));
    const dialog = screen.getByTestId('program-action-dialog');
    expect(dialog).toHaveTextContent('its terms (type, billing period, price, currency and minimum) are fixed');
    await user.click(within(dialog).getByTestId('confirm-button'));

    expect(await within(dialog).findByTestId('confirm-error')).toHaveTextContent(
      'This program needs at least 10 children to submit the program; 8 enrolled, 2 more needed. Add the missing children with “Add children”',
    );
    expect(screen.queryByTestId('toast')).not.toBeInTheDocument();
  });

  it('applies an allowed action and shows the new status', async () => {
    const user = userEvent.setup();
    const active = programFixture({ status: 'ACTIVE', allowedActions: ['pause', 'complete', 'cancel'], children: { enrolled: 12, active: 10, pendingConsent: 2, paused: 0, graduated: 0, removed: 0, left: 0 } });
    // The server's state: paused once the pause went through (the page refetches after a change).
    let current = active;
    mockFetch({
      [`GET ${PROGRAM}`]: () => json(current),
      [CHILDREN]: json(paged([childFixture()])),
      [`POST ${PROGRAM}/pause`]: () => {
        current = { ...active, status: 'PAUSED', allowedActions: ['resume', 'complete', 'cancel'] };
        return json(current);
      },
    });
    renderPage();
    await user.click(await screen.findByTestId('action-pause'));
    await user.click(within(screen.getByTestId('program-action-dialog')).getByTestId('confirm-button'));

    await waitFor(() => expect(screen.getByTestId('program-status')).toHaveTextContent('Paused'));
    expect(within(screen.getByTestId('program-actions')).getAllByRole('button').map((b) => b.textContent)).toEqual(['Resume', 'Mark completed', 'Cancel program']);
    expect(screen.getByTestId('toast')).toHaveTextContent('“Kisumu Lakeside Readers” is now paused.');
  });

  it('adds children picked from available students, and lists the refused ones with their reasons', async () => {
    const user = userEvent.setup();
    const students = [studentFixture(0), studentFixture(1), studentFixture(2)];
    const spy = routes(programFixture(), {
      [AVAILABLE]: json(paged(students)),
      '/api/v1/partner/sponsorships/filter-options': json({ counties: ['Kisumu', 'Nairobi'], grades: ['Grade4', 'Grade5'], learningNeeds: [], schools: [] }),
      [`POST ${PROGRAM}/children`]: problem(422, 'Some students cannot be added; nothing was added.', '1 of 3 students were refused.', {
        code: 'children_refused',
        refused: [{ studentId: students[1]!.studentId, reason: 'in_another_program', message: 'Already sponsored in your program "Nairobi Numeracy".' }],
      }),
    });
    renderPage();
    await user.click(await screen.findByTestId('add-children'));
    const dialog = screen.getByTestId('add-children-modal');
    expect(dialog).toHaveTextContent('Room for 32 more (maximum 40).');
    await waitFor(() => expect(within(within(dialog).getByLabelText('Grade')).getAllByRole('option')).toHaveLength(3));

    // Filters go to the API.
    await user.selectOptions(within(dialog).getByLabelText('Grade'), 'Grade4');
    await waitFor(() => expect(spy.mock.calls.some(([u]) => String(u).includes('grade=Grade4'))).toBe(true));

    await user.click(await within(dialog).findByTestId('select-all-students'));
    expect(within(dialog).getByTestId('selected-count')).toHaveTextContent('3 selected');
    // Before consent: first name, last initial, grade and county; never the school or learning needs.
    const wanjiru = within(dialog).getByRole('row', { name: /Wanjiru K\./ });
    expect(wanjiru).toHaveTextContent('Kisumu');
    expect(wanjiru).not.toHaveTextContent(/reading support|Lakeside/);
    await user.click(within(dialog).getByTestId('add-children-submit'));

    const refused = await within(dialog).findByTestId('refused-list');
    expect(refused).toHaveTextContent('1 of 3 students were refused, so nothing was added.');
    expect(within(refused).getByTestId('refused-item')).toHaveTextContent('Wanjiru K. — In another of your programs: Already sponsored in your program "Nairobi Numeracy".');
    const post = spy.mock.calls.find(([u, init]) => u === `${PROGRAM}/children` && init?.method === 'POST')!;
    expect(JSON.parse(String(post[1]!.body))).toEqual({ studentIds: students.map((s) => s.studentId) });

    await user.click(within(refused).getByRole('button', { name: 'Drop the refused students' }));
    expect(within(dialog).getByTestId('selected-count')).toHaveTextContent('2 selected');
  });

  it('shows the chosen students as chips with the count against the minimum, says why few are available, and searches by surname', async () => {
    const user = userEvent.setup();
    const students = [studentFixture(0), studentFixture(1), studentFixture(2)];
    const spy = routes(programFixture({ children: { enrolled: 3, active: 0, pendingConsent: 3, paused: 0, graduated: 0, removed: 0, left: 0 } }), {
      [AVAILABLE]: ({ url }) => json(paged(new URL(url, 'http://x').searchParams.get('search') ? [students[1]!] : students)),
      '/api/v1/partner/sponsorships/filter-options': json({ counties: ['Kisumu'], grades: ['Grade4'], learningNeeds: [], schools: [] }),
    });
    renderPage();
    await user.click(await screen.findByTestId('add-children'));
    const dialog = screen.getByTestId('add-children-modal');

    expect(await within(dialog).findByTestId('few-available')).toHaveTextContent(
      'Only 3 students are available to add, and this program needs 7 more to reach its minimum of 10. Not listed: children already in one of your running programs',
    );
    const counter = within(dialog).getByTestId('enrollment-counter');
    expect(counter).toHaveTextContent('3 / min 10');

    await user.click(within(dialog).getByRole('checkbox', { name: 'Select Baraka K.' }));
    await user.click(within(dialog).getByRole('checkbox', { name: 'Select Wanjiru K.' }));
    const chips = within(dialog).getByRole('list', { name: 'Chosen students' });
    expect(within(chips).getAllByTestId('student-chip').map((c) => c.textContent)).toEqual(['Baraka K.', 'Wanjiru K.']);
    expect(counter).toHaveTextContent('5 / min 10');

    await user.click(within(chips).getByRole('button', { name: 'Remove Baraka K. from the chosen students' }));
    expect(within(dialog).getAllByTestId('student-chip')).toHaveLength(1);
    expect(within(dialog).getByRole('checkbox', { name: 'Select Baraka K.' })).not.toBeChecked();
    expect(counter).toHaveTextContent('4 / min 10');

    // A whole surname or admission number finds the student; the chips stay across searches.
    const search = within(dialog).getByLabelText(/surname, admission number/);
    await user.type(search, 'Kamau');
    await waitFor(() => expect(spy.mock.calls.some(([u]) => String(u).startsWith(AVAILABLE) && String(u).includes('search=Kamau'))).toBe(true));
    expect(within(dialog).getAllByTestId('student-chip').map((c) => c.textContent)).toEqual(['Wanjiru K.']);
  });

  it('counts up to the minimum: “10 / min 10” once enough are chosen', async () => {
    const user = userEvent.setup();
    const students = Array.from({ length: 12 }, (_, i) => studentFixture(i, { displayName: `Student${i} K.` }));
    routes(programFixture({ children: { enrolled: 8, active: 0, pendingConsent: 8, paused: 0, graduated: 0, removed: 0, left: 0 } }), {
      [AVAILABLE]: json(paged(students)),
      '/api/v1/partner/sponsorships/filter-options': json({ counties: [], grades: [], learningNeeds: [], schools: [] }),
    });
    renderPage();
    await user.click(await screen.findByTestId('add-children'));
    const dialog = screen.getByTestId('add-children-modal');
    await user.click(await within(dialog).findByRole('checkbox', { name: 'Select Student0 K.' }));
    await user.click(within(dialog).getByRole('checkbox', { name: 'Select Student1 K.' }));
    const counter = within(dialog).getByTestId('enrollment-counter');
    expect(counter).toHaveTextContent('10 / min 10');
    expect(counter).toHaveClass('text-ok');
    expect(within(dialog).queryByTestId('few-available')).not.toBeInTheDocument();
  });

  it('explains the minimum rule before removing a child from an active program, and the server’s refusal', async () => {
    const user = userEvent.setup();
    const active = programFixture({ status: 'ACTIVE', allowedActions: ['pause', 'complete', 'cancel'], children: { enrolled: 10, active: 10, pendingConsent: 0, paused: 0, graduated: 0, removed: 0, left: 0 } });
    routes(active, {
      [`DELETE ${PROGRAM}/children/${childFixture().studentId}`]: problem(
        409,
        'The request conflicts with the current state.',
        'Removing this child would leave 9 children, below this program’s minimum of 10. Add another child first, or pause the program.',
        { code: 'min_children_not_met', minChildren: 10, enrolled: 10 },
      ),
    });
    renderPage();
    await user.click((await screen.findAllByTestId('remove-child'))[0]!);
    const dialog = screen.getByTestId('remove-child-dialog');
    expect(within(dialog).getByTestId('minimum-rule')).toHaveTextContent('Removing one would take it below its minimum, so it will be refused: pause the program first');

    await user.click(within(dialog).getByTestId('confirm-button'));
    expect(await within(dialog).findByTestId('confirm-error')).toHaveTextContent('below this program’s minimum of 10');
  });

  it('previews who will be asked and what they will read before asking for consent, then shows what happened', async () => {
    const user = userEvent.setup();
    const active = programFixture({ status: 'ACTIVE', allowedActions: ['pause', 'complete', 'cancel'], children: { enrolled: 10, active: 2, pendingConsent: 8, paused: 0, graduated: 0, removed: 0, left: 0 } });
    const spy = routes(active, {
      '/api/v1/partner/sponsorships/consent/request/preview': json({
        children: 8,
        childrenToAsk: 7,
        guardiansToAsk: 10,
        alreadyPending: 3,
        withoutGuardian: [{ id: waitingChildFixture().id, displayName: 'Amani W.' }],
        consentTextVersion: '2026-01',
        sampleText: 'I, [your full name], am a parent or guardian of [your child\'s name]. Mwangaza sponsors …',
        sampleTextSw: 'Mimi, [jina lako kamili], ni mzazi au mlezi wa [jina la mtoto wako]. Mwangaza inafadhili …',
        partnerSees: ['Name, grade, school and county', 'Lessons completed, scores and CBC rubric levels'],
        partnerDoesNotSee: ['Your contact details'],
      }),
      'POST /api/v1/partner/sponsorships/consent/request': json({ children: 8, requested: 10, alreadyPending: 3, withoutGuardian: [waitingChildFixture().id] }),
    });
    renderPage();
    await screen.findByRole('table', { name: 'Children of this program' });
    await user.click(screen.getByTestId('request-consent'));

    const confirm = await screen.findByTestId('consent-confirm');
    expect(await within(confirm).findByTestId('consent-preview-summary')).toHaveTextContent(
      '10 guardians of 7 children will be asked; 3 requests are already open and will not be sent again.',
    );
    expect(within(confirm).getByTestId('consent-preview-without')).toHaveTextContent('1 child has no guardian account and cannot be asked yet:Amani W.');
    expect(within(confirm).getByTestId('consent-preview-sees')).toHaveTextContent('Lessons completed, scores and CBC rubric levels');
    expect(within(confirm).getByTestId('consent-preview-not-sees')).toHaveTextContent('Your contact details');
    expect(within(confirm).getByTestId('consent-preview-text')).toHaveTextContent('I, [your full name], am a parent or guardian');
    // Nothing is sent until the partner confirms.
    expect(spy.mock.calls.some(([u, init]) => u === '/api/v1/partner/sponsorships/consent/request' && init?.method === 'POST')).toBe(false);

    await user.click(within(confirm).getByRole('button', { name: 'Send 10 requests' }));
    const result = await screen.findByTestId('consent-result');
    expect(screen.queryByTestId('consent-confirm')).not.toBeInTheDocument();
    expect(within(result).getByTestId('consent-children')).toHaveTextContent('8');
    expect(within(result).getByTestId('consent-requested')).toHaveTextContent('10');
    expect(within(result).getByTestId('consent-already')).toHaveTextContent('3');
    expect(within(result).getByTestId('consent-without')).toHaveTextContent('1');
    expect(result).toHaveTextContent('No guardian account to ask for:Amani W.');
    const post = spy.mock.calls.find(([u]) => u === '/api/v1/partner/sponsorships/consent/request')!;
    expect(JSON.parse(String(post[1]!.body))).toEqual({ sponsoredChildId: null, programId: PROGRAM_ID });
  });

  it('does not offer to send when every guardian already has a request', async () => {
    const user = userEvent.setup();
    const active = programFixture({ status: 'ACTIVE', allowedActions: ['pause'], children: { enrolled: 10, active: 2, pendingConsent: 8, paused: 0, graduated: 0, removed: 0, left: 0 } });
    routes(active, {
      '/api/v1/partner/sponsorships/consent/request/preview': json({
        children: 8, childrenToAsk: 0, guardiansToAsk: 0, alreadyPending: 8, withoutGuardian: [], consentTextVersion: '2026-01', sampleText: 'I, …', sampleTextSw: 'Mimi, …', partnerSees: [], partnerDoesNotSee: [],
      }),
    });
    renderPage();
    await user.click(await screen.findByTestId('request-consent'));
    const confirm = await screen.findByTestId('consent-confirm');
    expect(await within(confirm).findByTestId('consent-preview-nothing')).toBeInTheDocument();
    expect(within(confirm).getByTestId('confirm-button')).toBeDisabled();
  });

  it.each(['finance', 'viewer'])('shows a %s member the program and its children without a button that would be refused', async (partnerRole) => {
    routes(programFixture());
    renderPage({ ...partnerUser, partnerRole });
    const table = await screen.findByRole('table', { name: 'Children of this program' });
    expect(within(table).getByRole('row', { name: /Faith Otieno/ })).toBeInTheDocument();
    for (const id of ['edit-program', 'program-actions', 'add-children', 'request-consent', 'remove-child'])
      expect(screen.queryByTestId(id), id).not.toBeInTheDocument();
  });

  it('says so when the program does not exist', async () => {
    mockFetch({ [PROGRAM]: problem(404, 'Sponsorship program not found.') });
    renderPage();
    expect(await screen.findByTestId('program-not-found')).toHaveTextContent('Program not found');
  });
});
