import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import ImpactReportsPage from '@/pages/partner/ImpactReportsPage';
import { usePartnerStore } from '@/store';
import type { ImpactReportDetail, ImpactReportProgress } from '@/services/partner/impact-reports';
import { createTestQueryClient, json, mockFetch, partnerUser, renderWithProviders } from '../test-utils';

const BASE = '/api/v1/partner/analytics';
const empty = { items: [], page: 1, pageSize: 10, total: 0 };
const programs = { items: [{ id: 'p1', name: 'Lake Cohort' }], page: 1, pageSize: 100, total: 1 };

const detail: ImpactReportDetail = {
  id: 'r1', title: 'Lake Cohort: custom impact report, 1 Feb 2026 to 28 Feb 2026', programId: 'p1', programName: 'Lake Cohort', reportType: 'custom',
  status: 'completed', progress: 100, stage: 'Ready', error: null, generatedAt: '2026-03-11T09:00:00Z', completedAt: '2026-03-11T09:00:02Z',
  metrics: {
    periodStart: '2026-02-01', periodEnd: '2026-02-28', childrenSponsored: 5, childrenWithConsent: 3, childrenReached: 2, activeLearningHours: 3,
    averageWeeklyMinutes: 15, sessions: 3, lessonsCompleted: 4, assessments: 2, averageScore: 78.5, scoreChange: 18.5, rubricExceeding: 1,
    rubricMeeting: 1, rubricApproaching: 0, rubricBelow: 0, achievementsEarned: 1, engagementRate: 66.7, amountSpent: 3000, currency: 'KES', costPerChild: 1500,
  },
  breakdown: {
    areas: [{ learningArea: 'Mathematics', assessments: 2, averageScore: 78.5, previousAverageScore: 60, meetingOrAbove: 100, previousMeetingOrAbove: 100,
      exceeding: 1, meeting: 1, approaching: 0, below: 0 }],
    competencies: [],
    weeks: [{ weekStart: '2026-02-01', minutes: 60, activeChildren: 1 }, { weekStart: '2026-02-08', minutes: 30, activeChildren: 1 }],
  },
  summary: 'Between 1 February and 28 February 2026, 2 of the 3 consented children learned on Elimu.',
  highlights: ['2 of 3 consented children reached (66.7%).'], recommendations: ['Follow up with the guardians of the 1 consented child.'],
  provider: 'offline', model: 'elimu-offline-1', narrativeGeneratedAt: '2026-03-11T09:00:01Z',
};

const renderPage = () =>
  renderWithProviders(<ImpactReportsPage />, { route: '/dashboard/partner/impact-reports', queryClient: createTestQueryClient(partnerUser) });

describe('ImpactReportsPage', () => {
  beforeEach(() => usePartnerStore.getState().reset());

  it('says there are no reports yet', async () => {
    mockFetch({ [`GET ${BASE}/impact-reports`]: json(empty), 'GET /api/v1/partner/sponsorships/programs': json(programs) });
    renderPage();
    expect(await screen.findByTestId('reports-empty')).toHaveTextContent('No reports yet');
  });

  it('generates a report, shows its progress until it is ready, then the figures, narrative with provenance and export links', async () => {
    let sent: unknown;
    const states: ImpactReportProgress[] = [
      { id: 'r1', status: 'running', progress: 55, stage: 'Adding up the spend' },
      { id: 'r1', status: 'completed', progress: 100, stage: 'Ready' },
    ];
    mockFetch({
      [`GET ${BASE}/impact-reports`]: json(empty),
      'GET /api/v1/partner/sponsorships/programs': json(programs),
      [`POST ${BASE}/reports/generate`]: ({ init }) => {
        sent = JSON.parse(String(init?.body));
        return json({ id: 'r1', status: 'queued', progress: 0 }, 202);
      },
      [`GET ${BASE}/impact-reports/r1/progress`]: () => json(states.length > 1 ? states.shift()! : states[0]),
      [`GET ${BASE}/impact-reports/r1`]: json(detail),
    });
    renderPage();
    const user = userEvent.setup();
    await screen.findByRole('option', { name: 'Lake Cohort' });
    await user.selectOptions(screen.getByTestId('report-program'), 'p1');
    await user.selectOptions(screen.getByTestId('report-period'), 'custom');
    await user.type(screen.getByTestId('report-from'), '2026-02-01');
    await user.type(screen.getByTestId('report-to'), '2026-02-28');
    await user.selectOptions(screen.getByTestId('report-format'), 'none');
    await user.click(screen.getByTestId('generate-report'));

    expect(sent).toEqual({ programId: 'p1', period: 'custom', from: '2026-02-01', to: '2026-02-28' });
    expect(await screen.findByText('Adding up the spend…')).toBeInTheDocument();
    expect(screen.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '55');

    expect(await screen.findByTestId('report-title', {}, { timeout: 5000 })).toHaveTextContent('Lake Cohort: custom impact report');
    expect(screen.getByTestId('figure-children-reached')).toHaveTextContent('2 of 3');
    expect(screen.getByTestId('figure-cost-per-child')).toHaveTextContent('1,500');
    expect(screen.getByTestId('report-narrative')).toHaveTextContent('2 of the 3 consented children');
    expect(screen.getByTestId('report-narrative')).toHaveTextContent('elimu-offline-1');
    expect(screen.getByTestId('export-pdf')).toHaveAttribute('href', `${BASE}/impact-reports/r1/export?format=pdf`);
    expect(screen.getByTestId('export-csv')).toHaveAttribute('href', `${BASE}/impact-reports/r1/export?format=csv`);
    await waitFor(() => expect(screen.queryByTestId('report-progress')).not.toBeInTheDocument());
  });

  it('cancels a running report', async () => {
    let cancelled = false;
    mockFetch({
      [`GET ${BASE}/impact-reports`]: json(empty),
      'GET /api/v1/partner/sponsorships/programs': json(programs),
      [`POST ${BASE}/reports/generate`]: json({ id: 'r2', status: 'queued', progress: 0 }, 202),
      [`GET ${BASE}/impact-reports/r2/progress`]: () => json({ id: 'r2', status: cancelled ? 'cancelled' : 'running', progress: 20, stage: 'Reading' }),
      [`POST ${BASE}/impact-reports/r2/cancel`]: () => {
        cancelled = true;
        return json({ id: 'r2', status: 'cancelled', progress: 20, stage: 'Cancelled' });
      },
      [`GET ${BASE}/impact-reports/r2`]: json({ ...detail, id: 'r2', status: 'cancelled', summary: null }),
    });
    renderPage();
    const user = userEvent.setup();
    await user.click(await screen.findByTestId('generate-report'));
    await user.click(await screen.findByTestId('cancel-report'));
    await waitFor(() => expect(cancelled).toBe(true));
    await waitFor(() => expect(screen.queryByTestId('report-progress')).not.toBeInTheDocument());
    expect(await screen.findByTestId('report-view')).toHaveTextContent('cancelled');
  });
});
