import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import SponsoredCoursesPage from '@/pages/partner/SponsoredCoursesPage';
import { move } from '@/components/partner/courses/course-draft';
import { createTestQueryClient, json, mockFetch, partnerUser, problem, renderWithProviders } from '@/tests/test-utils';

const BASE = '/api/v1/partner/content/courses';
const paged = (items: unknown[]) => ({ items, page: 1, pageSize: 10, total: items.length });
const program = { id: 'p1', name: 'Lake Region Scholars', status: 'ACTIVE' };
const summary = (over: Record<string, unknown> = {}) => ({
  id: 'c1', title: 'Numbers and stories', grade: 'Grade5', learningArea: 'MATH', learningAreaName: 'Mathematics', status: 'published',
  lessons: 3, resources: 1, targetPrograms: [program], updatedAt: '2026-11-30T10:00:00Z', publishedAt: '2026-11-30T10:00:00Z', ...over,
});
const options = {
  grades: [{ value: 'Grade5', label: 'Grade 5' }],
  learningAreas: [{ code: 'MATH', name: 'Mathematics', grades: ['Grade5'] }],
};
const lessons = paged([
  { id: 'l1', title: 'Fractions 1', sequence: 1, durationMinutes: 25, courseTitle: 'Grade 5 Mathematics', grade: 'Grade5', learningArea: 'MATH', learningAreaName: 'Mathematics' },
  { id: 'l2', title: 'Fractions 2', sequence: 2, durationMinutes: 25, courseTitle: 'Grade 5 Mathematics', grade: 'Grade5', learningArea: 'MATH', learningAreaName: 'Mathematics' },
]);
const resources = paged([{ id: 'r1', title: 'Reading circle guide', description: null, resourceType: 'document', reviewedAt: null }]);
const common = {
  [`GET ${BASE}/catalog/lessons`]: json(lessons),
  [`GET ${BASE}/catalog/resources`]: json(resources),
  'GET /api/v1/partner/content/ai-resources/options': json(options),
  'GET /api/v1/partner/sponsorships/programs': json(paged([program])),
};

afterEach(() => vi.unstubAllGlobals());

const render = () => renderWithProviders(<SponsoredCoursesPage />, { queryClient: createTestQueryClient(partnerUser) });

describe('SponsoredCoursesPage', () => {
  it('moves an item up or down, and not past either end', () => {
    expect(move(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(move(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(move(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });

  it('lists the courses with their status, and says so when there are none', async () => {
    mockFetch({ ...common, [`GET ${BASE}`]: ({ url }) => json(paged(url.includes('status=draft') ? [] : [summary(), summary({ id: 'c2', title: 'STEM starter', status: 'draft', lessons: 2, resources: 0, targetPrograms: [] })])) });
    render();
    const rows = await screen.findAllByTestId('course-row');
    expect(rows).toHaveLength(2);
    expect(within(rows[0]!).getByText('Published')).toBeInTheDocument();
    expect(within(rows[0]!).getByText(/Grade 5 · Mathematics · 3 lessons, 1 resource/)).toBeInTheDocument();
    // A draft is published or edited, not monitored.
    expect(within(rows[1]!).queryByRole('button', { name: 'Monitor STEM starter' })).not.toBeInTheDocument();
    expect(within(rows[1]!).getByRole('button', { name: 'Publish STEM starter' })).toBeInTheDocument();
    expect(within(rows[1]!).getByText('No program chosen yet')).toBeInTheDocument();

    fireEvent.change(screen.getByLabelText('Status'), { target: { value: 'draft' } });
    expect(await screen.findByTestId('courses-empty')).toHaveTextContent('No course matches these filters');
  });

  it('builds a course from lessons and a resource in the chosen order, and shows the 422 next to the item it names', async () => {
    const bodies: unknown[] = [];
    mockFetch({
      ...common,
      [`GET ${BASE}`]: json(paged([])),
      [`POST ${BASE}`]: ({ init }) => {
        bodies.push(JSON.parse(String(init!.body)));
        return bodies.length === 1
          ? problem(422, 'One or more fields are invalid.', undefined, { errors: { 'items[0]': ['"Reading circle guide" is pending review: only resources Elimu has approved can be used in a course.'] } })
          : json({ id: 'c9', title: 'Fractions', status: 'draft', items: [], targetPrograms: [] }, 201);
      },
    });
    render();
    expect(await screen.findByTestId('courses-empty')).toHaveTextContent('No sponsored courses yet');
    fireEvent.click(screen.getByTestId('new-course'));
    fireEvent.change(screen.getByLabelText('Course title'), { target: { value: 'Fractions' } });
    fireEvent.click(await screen.findByRole('button', { name: 'Add Fractions 1' }));
    fireEvent.click(screen.getByRole('button', { name: 'Add Fractions 2' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Add Reading circle guide' }));
    expect(screen.getByRole('button', { name: 'Add Fractions 1' })).toBeDisabled();
    // The guide goes first.
    fireEvent.click(screen.getByRole('button', { name: 'Move Reading circle guide up' }));
    fireEvent.click(screen.getByRole('button', { name: 'Move Reading circle guide up' }));
    fireEvent.click(await screen.findByRole('checkbox', { name: 'Lake Region Scholars' }));
    fireEvent.click(screen.getByTestId('save-course'));

    expect(await screen.findByTestId('item-error-0')).toHaveTextContent('pending review');
    expect(bodies[0]).toMatchObject({
      title: 'Fractions', grade: 'Grade5', learningArea: 'MATH', targetPrograms: ['p1'],
      items: [{ kind: 'resource', resourceId: 'r1' }, { kind: 'lesson', lessonId: 'l1' }, { kind: 'lesson', lessonId: 'l2' }],
    });

    fireEvent.click(screen.getByRole('button', { name: 'Remove Reading circle guide' }));
    fireEvent.click(screen.getByTestId('save-course'));
    await waitFor(() => expect(screen.queryByTestId('course-builder')).not.toBeInTheDocument());
    expect((bodies[1] as { items: unknown[] }).items).toHaveLength(2);
  });

  it('opens a course’s monitoring: KPI cards, the drop-off per lesson, resources not tracked', async () => {
    mockFetch({
      ...common,
      [`GET ${BASE}`]: json(paged([summary()])),
      [`GET ${BASE}/c1/monitoring`]: json({
        courseId: 'c1', title: 'Numbers and stories', status: 'published', enrolledChildren: 2, completedChildren: 1, completionRate: 50,
        averageScore: 75, minutesSpent: 55, averageMinutesPerChild: 27.5, programs: [program], suspendedPrograms: [],
        items: [
          { position: 1, kind: 'lesson', title: 'Fractions 1', tracked: true, reached: 2, completed: 2, reachedPercent: 100, dropOff: null, averageScore: 70, minutesSpent: 30 },
          { position: 2, kind: 'resource', title: 'Reading circle guide', tracked: false, reached: null, completed: null, reachedPercent: null, dropOff: null, averageScore: null, minutesSpent: null },
          { position: 3, kind: 'lesson', title: 'Fractions 2', tracked: true, reached: 1, completed: 1, reachedPercent: 50, dropOff: 1, averageScore: 80, minutesSpent: 25 },
        ],
      }),
    });
    render();
    fireEvent.click(await screen.findByRole('button', { name: 'Monitor Numbers and stories' }));
    const kpis = await screen.findByTestId('course-kpis');
    expect(within(kpis).getByLabelText('Children enrolled')).toHaveTextContent('2');
    expect(within(kpis).getByLabelText('Completion rate')).toHaveTextContent('50%');
    expect(within(kpis).getByLabelText('Average score')).toHaveTextContent('75%');
    expect(within(kpis).getByLabelText('Time spent')).toHaveTextContent('55 min');
    const table = screen.getByTestId('course-items-table');
    const rows = within(table).getAllByRole('row');
    expect(rows[2]).toHaveTextContent('resource, not tracked');
    expect(rows[3]).toHaveTextContent('1 (50%)');
  });

  it('shows the error when the courses cannot be loaded', async () => {
    mockFetch({ ...common, [`GET ${BASE}`]: problem(500, 'Server error', 'Try again later.') });
    render();
    expect(await screen.findByTestId('courses-error')).toBeInTheDocument();
  });
});
