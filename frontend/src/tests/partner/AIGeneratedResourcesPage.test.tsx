import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import AIGeneratedResourcesPage from '@/pages/partner/AIGeneratedResourcesPage';
import { usePartnerStore } from '@/store';
import type { AiResourceOptions, AiResourceSummary, AiResourceView, GeneratedLesson } from '@/types/partner';
import { createTestQueryClient, json, mockFetch, partnerUser, problem, renderWithProviders } from '../test-utils';

const BASE = '/api/v1/partner/content';

const OPTIONS: AiResourceOptions = {
  grades: [
    { value: 'PP1', label: 'PP1' },
    { value: 'Grade4', label: 'Grade 4' },
  ],
  learningAreas: [
    { code: 'MATH', name: 'Mathematics', grades: ['PP1', 'Grade4'] },
    { code: 'AGR', name: 'Agriculture & Nutrition', grades: ['Grade4'] },
  ],
};

const LESSON: GeneratedLesson = {
  title: 'Fractions: Grade 4 Mathematics',
  summary: 'A Grade 4 Mathematics lesson on fractions.',
  keyInquiryQuestion: 'How do we use fractions in our daily lives?',
  learningOutcomes: ['Explain halves and quarters.', 'Share food fairly using fractions.'],
  activities: [
    { title: 'Warm-up', durationMinutes: 5, steps: ['Ask what learners know.'] },
    { title: 'Explore', durationMinutes: 12, steps: ['Cut oranges into halves.', 'Compare the pieces.'] },
  ],
  rubric: [
    { level: 'EE', descriptor: 'Applies fractions independently.' },
    { level: 'ME', descriptor: 'Applies fractions with little help.' },
    { level: 'AE', descriptor: 'Applies fractions with some help.' },
    { level: 'BE', descriptor: 'Needs a lot of help <b>with</b> fractions.' },
  ],
  resourcesNeeded: ['Oranges', 'Counters'],
  coreCompetencies: ['critical_thinking_and_problem_solving'],
};

const view = (over: Partial<AiResourceView> = {}): AiResourceView => ({
  id: 'r1',
  title: LESSON.title,
  resourceType: 'lesson',
  status: 'draft',
  prompt: 'Fractions',
  grade: 'Grade4',
  learningArea: 'MATH',
  learningAreaName: 'Mathematics',
  lesson: LESSON,
  totalMinutes: 17,
  provider: 'offline',
  model: 'elimu-offline-1',
  generatedAt: '2026-12-02T08:05:00Z',
  editedAt: null,
  createdAt: '2026-12-02T08:05:00Z',
  updatedAt: '2026-12-02T08:05:00Z',
  ...over,
});

const summary = (v: AiResourceView): AiResourceSummary => ({
  id: v.id, title: v.title, resourceType: v.resourceType, status: v.status, grade: v.grade, learningArea: v.learningArea,
  learningAreaName: v.learningAreaName, provider: v.provider, model: v.model, generatedAt: v.generatedAt, updatedAt: v.updatedAt,
});

const paged = (items: AiResourceSummary[]) => ({ items, page: 1, pageSize: 10, total: items.length });

const renderPage = (route = '/dashboard/partner/ai-resources') =>
  renderWithProviders(<AIGeneratedResourcesPage />, { route, queryClient: createTestQueryClient(partnerUser) });

describe('AIGeneratedResourcesPage', () => {
  beforeEach(() => usePartnerStore.getState().reset());

  it('says there are no lessons yet, and checks the form before sending anything', async () => {
    const spy = mockFetch({ [`GET ${BASE}/ai-resources/options`]: json(OPTIONS), [`GET ${BASE}/ai-resources`]: json(paged([])) });
    renderPage();
    expect(await screen.findByTestId('drafts-empty')).toHaveTextContent('No lessons yet');
    expect(screen.getByTestId('preview-empty')).toBeInTheDocument();
    const user = userEvent.setup();
    await user.type(screen.getByTestId('prompt'), 'x');
    await user.click(screen.getByTestId('generate'));
    expect(screen.getByText('Describe what the lesson should teach.')).toBeInTheDocument();
    expect(screen.getByText('Choose a grade.')).toBeInTheDocument();
    expect(screen.getByText('Choose a learning area.')).toBeInTheDocument();
    expect(screen.getByTestId('prompt')).toHaveAttribute('aria-invalid', 'true');
    expect(spy.mock.calls.some(([, init]) => init?.method === 'POST')).toBe(false);
  });

  it('offers only the learning areas taught in the chosen grade', async () => {
    mockFetch({ [`GET ${BASE}/ai-resources/options`]: json(OPTIONS), [`GET ${BASE}/ai-resources`]: json(paged([])) });
    renderPage();
    const user = userEvent.setup();
    await screen.findByRole('option', { name: 'Grade 4' });
    await user.selectOptions(screen.getByTestId('grade'), 'PP1');
    const areas = within(screen.getByTestId('learning-area')).getAllByRole('option').map((o) => o.textContent);
    expect(areas).toEqual(['Choose a learning area', 'Mathematics']);
  });

  it('shows the generating state, then the lesson from its fields as text with who generated it, in Nairobi time', async () => {
    let answer: (r: Response) => void = () => undefined;
    let sent: unknown;
    const generated = view();
    mockFetch({
      [`GET ${BASE}/ai-resources/options`]: json(OPTIONS),
      [`GET ${BASE}/ai-resources`]: json(paged([])),
      [`POST ${BASE}/ai-generate`]: ({ init }) => {
        sent = JSON.parse(String(init?.body));
        return new Promise<Response>((resolve) => (answer = resolve));
      },
      [`GET ${BASE}/ai-resources/r1`]: json(generated),
    });
    renderPage();
    const user = userEvent.setup();
    await screen.findByRole('option', { name: 'Grade 4' });
    await user.type(screen.getByTestId('prompt'), '  Fractions with fruit ');
    await user.selectOptions(screen.getByTestId('grade'), 'Grade4');
    await user.selectOptions(screen.getByTestId('learning-area'), 'MATH');
    await user.click(screen.getByTestId('generate'));

    expect(await screen.findByText('Generating…')).toBeInTheDocument();
    expect(screen.getByTestId('generate')).toBeDisabled();
    expect(screen.getByTestId('generate-form')).toHaveAttribute('aria-busy', 'true');
    expect(sent).toEqual({ prompt: 'Fractions with fruit', grade: 'Grade4', learningArea: 'MATH', resourceType: 'lesson' });
    answer(json(generated, 201));

    const preview = await screen.findByTestId('lesson-preview');
    expect(within(preview).getByTestId('lesson-title')).toHaveTextContent('Fractions: Grade 4 Mathematics');
    expect(within(preview).getByTestId('lesson-question')).toHaveTextContent('How do we use fractions in our daily lives?');
    expect(within(within(preview).getByTestId('lesson-activities')).getAllByRole('heading', { level: 4 }).map((h) => h.textContent))
      .toEqual(['1. Warm-up', '2. Explore']);
    expect(within(preview).getByText('Exceeding Expectations')).toBeInTheDocument();
    expect(within(preview).getByText('Below Expectations')).toBeInTheDocument();
    // What the generator wrote is text: markup in it is shown, never rendered.
    expect(within(preview).getByText('Needs a lot of help <b>with</b> fractions.')).toBeInTheDocument();
    expect(preview.querySelector('b')).toBeNull();
    expect(screen.getByTestId('provenance')).toHaveTextContent('Generated by Elimu · elimu-offline-1 · 2 Dec 2026, 11:05');
    expect(screen.getByTestId('location')).toHaveTextContent('draft=r1');
  });

  it('shows the server’s field errors under the form', async () => {
    mockFetch({
      [`GET ${BASE}/ai-resources/options`]: json(OPTIONS),
      [`GET ${BASE}/ai-resources`]: json(paged([])),
      [`POST ${BASE}/ai-generate`]: problem(400, 'One or more fields are invalid.', undefined, { errors: { learningArea: ['Agriculture & Nutrition is not taught in PP1.'] } }),
    });
    renderPage();
    const user = userEvent.setup();
    await screen.findByRole('option', { name: 'Grade 4' });
    await user.type(screen.getByTestId('prompt'), 'Planting beans');
    await user.selectOptions(screen.getByTestId('grade'), 'Grade4');
    await user.selectOptions(screen.getByTestId('learning-area'), 'AGR');
    await user.click(screen.getByTestId('generate'));
    expect(await screen.findByText('Agriculture & Nutrition is not taught in PP1.')).toBeInTheDocument();
  });

  it('edits a draft, saves it, and submits it for review', async () => {
    const draft = view();
    let saved: { lesson: GeneratedLesson } | undefined;
    mockFetch({
      [`GET ${BASE}/ai-resources/options`]: json(OPTIONS),
      [`GET ${BASE}/ai-resources`]: json(paged([summary(draft)])),
      [`GET ${BASE}/ai-resources/r1`]: json(draft),
      [`PUT ${BASE}/ai-resources/r1`]: ({ init }) => {
        saved = JSON.parse(String(init?.body));
        return json(view({ title: saved!.lesson.title, lesson: saved!.lesson, editedAt: '2026-12-02T09:00:00Z' }));
      },
      [`POST ${BASE}/ai-resources/r1/submit`]: json(view({ status: 'pending_review' })),
    });
    renderPage('/dashboard/partner/ai-resources?draft=r1');
    const user = userEvent.setup();
    expect(within(await screen.findByTestId('drafts-list')).getByText('Fractions: Grade 4 Mathematics')).toBeInTheDocument();
    await user.click(await screen.findByTestId('edit-draft'));

    await user.clear(screen.getByTestId('edit-minutes-1'));
    await user.click(screen.getByTestId('save-draft'));
    expect(screen.getByText('From 1 to 180 minutes.')).toBeInTheDocument();
    expect(saved).toBeUndefined();

    await user.type(screen.getByTestId('edit-minutes-1'), '15');
    await user.clear(screen.getByTestId('edit-title'));
    await user.type(screen.getByTestId('edit-title'), 'Sharing oranges fairly');
    await user.type(screen.getByTestId('edit-outcomes'), '\nCompare two fractions.');
    await user.click(screen.getByTestId('save-draft'));
    await waitFor(() => expect(saved).toBeDefined());
    expect(saved!.lesson.title).toBe('Sharing oranges fairly');
    expect(saved!.lesson.activities[1]?.durationMinutes).toBe(15);
    expect(saved!.lesson.learningOutcomes).toEqual(['Explain halves and quarters.', 'Share food fairly using fractions.', 'Compare two fractions.']);
    expect(saved!.lesson.rubric.map((r) => r.level)).toEqual(['EE', 'ME', 'AE', 'BE']);
    expect(await screen.findByTestId('lesson-title')).toHaveTextContent('Sharing oranges fairly');
    expect(screen.getByTestId('provenance')).toHaveTextContent('edited 2 Dec 2026, 12:00');

    await user.click(screen.getByTestId('submit-draft'));
    expect(await screen.findByText('In review', { selector: '[data-testid="draft-status"]' })).toBeInTheDocument();
    expect(screen.queryByTestId('edit-draft')).not.toBeInTheDocument();
  });

  it('shows another partner’s or a missing draft as an error, not a lesson', async () => {
    mockFetch({
      [`GET ${BASE}/ai-resources/options`]: json(OPTIONS),
      [`GET ${BASE}/ai-resources`]: json(paged([])),
      [`GET ${BASE}/ai-resources/other`]: problem(404, 'Not found', 'Generated resource not found.'),
    });
    renderPage('/dashboard/partner/ai-resources?draft=other');
    expect(await screen.findByText('We couldn’t load this lesson')).toBeInTheDocument();
    expect(screen.queryByTestId('lesson-preview')).not.toBeInTheDocument();
  });
});
