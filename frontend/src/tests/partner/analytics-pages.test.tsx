import { describe, expect, it, vi, afterEach } from 'vitest';
import { screen, waitFor, fireEvent, within } from '@testing-library/react';
import ROIMetricsPage, { change } from '@/pages/partner/ROIMetricsPage';
import CustomReportsPage from '@/pages/partner/CustomReportsPage';
import { createTestQueryClient, partnerUser, renderWithProviders } from '@/tests/test-utils';

const figures = (over: Record<string, unknown> = {}) => ({
  period: { from: '2026-02-10', to: '2026-03-11' },
  consentedChildren: 2, activeChildren: 2, learningHours: 3, rubricLevelsGained: 2, spent: 3000, budget: 3000,
  costPerChild: 1500, costPerActiveHour: 1000, costPerRubricLevel: 1500, budgetUsedPercent: 100, improvingShare: 50,
  areas: [{ code: 'MATH', name: 'Mathematics', childrenCompared: 2, improving: 1, improvingShare: 50 }],
  engagement: [{ weekStart: '2026-02-10', minutes: 60, activeChildren: 1, activeShare: 50, minutesPerChild: 30 }],
  ...over,
});

const catalog = {
  metrics: [
    { key: 'active_children', label: 'Active children', kind: 'count', perChildOnly: false, description: '' },
    { key: 'learning_hours', label: 'Learning hours', kind: 'number', perChildOnly: false, description: '' },
  ],
  dimensions: [{ key: 'program', label: 'Program', ofChild: true }],
  chartTypes: ['bar', 'table'],
};

function mockFetch(routes: Record<string, (init?: RequestInit) => unknown>) {
  return vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
    const url = String(input);
    const key = Object.keys(routes).find((k) => url.includes(k));
    if (!key) return new Response('{}', { status: 404, headers: { 'content-type': 'application/json' } });
    const body = routes[key]!(init);
    if (body instanceof Response) return body;
    return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
  });
}

afterEach(() => vi.restoreAllMocks());

describe('ROIMetricsPage', () => {
  it('compares with the period before: a cost that fell is a fall', () => {
    expect(change(750, 1500)).toBe(-50);
    expect(change(1, null)).toBeNull();
    expect(change(1, 0)).toBeNull();
  });

  it('shows the KPI cards with their comparison and the forecast panel', async () => {
    mockFetch({
      '/analytics/forecasts': () => new Response('{}', { status: 500, headers: { 'content-type': 'application/json' } }),
      '/analytics/roi': () => ({ programId: null, currency: 'KES', current: figures(), previous: figures({ costPerChild: 750 }) }),
      '/sponsorships/programs': () => ({ items: [], page: 1, pageSize: 100, total: 0 }),
    });
    renderWithProviders(<ROIMetricsPage />, { queryClient: createTestQueryClient(partnerUser) });
    expect((await screen.findAllByText('KES 1,500', {}, { timeout: 3000 })).length).toBe(2); // per child and per rubric level
    expect(screen.getByText('Cost per active learning hour')).toBeTruthy();
    expect(within(screen.getByTestId('roi-forecast')).getByTestId('forecast-panel')).toBeTruthy();
  });

  it('says plainly when no child has consent yet, and shows an error when the figures fail', async () => {
    mockFetch({
      '/analytics/roi': () => ({ programId: null, currency: 'KES', current: figures({ consentedChildren: 0 }), previous: figures() }),
      '/sponsorships/programs': () => ({ items: [], page: 1, pageSize: 100, total: 0 }),
    });
    renderWithProviders(<ROIMetricsPage />, { queryClient: createTestQueryClient(partnerUser) });
    expect(await screen.findByTestId('roi-empty')).toBeTruthy();
  });
});

describe('CustomReportsPage', () => {
  it('shows the empty state, then saves and runs a report and offers its exports', async () => {
    const saved = { id: 'r1', name: 'By program', description: null, definition: { metrics: ['learning_hours'], groupBy: 'program', chartType: 'table', filters: {} }, createdAt: '', updatedAt: '', lastRunAt: null };
    const posts: unknown[] = [];
    mockFetch({
      '/reports/r1/run': () => ({
        reportId: 'r1', name: 'By program', from: '2026-01-01', to: '2026-03-31', groupBy: 'program', groupLabel: 'Program', chartType: 'table',
        columns: [{ key: 'learning_hours', label: 'Learning hours', kind: 'number' }],
        rows: [{ key: 'p', label: 'Kisumu readers', values: { learning_hours: 3 } }], totals: { learning_hours: 3 }, generatedAt: '',
      }),
      '/analytics/reports': (init) => {
        if (init?.method === 'POST') { posts.push(JSON.parse(String(init.body))); return saved; }
        return { items: [], page: 1, pageSize: 100, total: 0, catalog };
      },
      '/filter-options': () => ({ counties: ['Kisumu'], grades: ['Grade5'], learningNeeds: [], schools: [] }),
    });
    renderWithProviders(<CustomReportsPage />, { queryClient: createTestQueryClient(partnerUser) });
    expect(await screen.findByTestId('reports-empty')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Report name'), { target: { value: 'By program' } });
    fireEvent.click(screen.getByTestId('save-and-run'));
    await waitFor(() => expect(screen.getByTestId('report-table').textContent).toContain('Kisumu readers'));
    expect(posts[0]).toMatchObject({ name: 'By program', definition: { groupBy: 'program', filters: { lastDays: 90 } } });
    expect(screen.getByTestId('export-xlsx').getAttribute('href')).toBe('/api/v1/partner/analytics/reports/r1/export?format=xlsx');
    expect(screen.getByTestId('export-pdf').getAttribute('href')).toContain('format=pdf');
  });
});
