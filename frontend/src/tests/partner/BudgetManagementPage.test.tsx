import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import BudgetManagementPage from '@/pages/partner/BudgetManagementPage';
import { usePartnerStore } from '@/store';
import type { BudgetOverview } from '@/types/partner';
import { createTestQueryClient, json, mockFetch, partnerUser, problem, renderWithProviders } from '../test-utils';

const BUDGET = '/api/v1/partner/finance/budget';
const PROGRAMS = '/api/v1/partner/sponsorships/programs';

const months = Array.from({ length: 12 }, (_, i) => {
  const d = new Date(Date.UTC(2025, 6 + i, 1));
  return { month: d.toISOString().slice(0, 10), actual: i === 1 ? 50000 : 0, forecast: i >= 9 ? 25000 : 0, kind: i < 8 ? 'past' : i === 8 ? 'current' : 'future' };
});

const overview = (over: Partial<BudgetOverview> = {}): BudgetOverview => ({
  year: 2025, label: '2025/26', startMonth: 7, startDate: '2025-07-01', endDate: '2026-06-30', exists: true, currency: 'KES', total: 1000000, unallocated: 100000,
  totals: { allocated: 900000, spent: 100000, committed: 125000, remaining: 675000 },
  programs: [
    { programId: 'a', programName: 'Lake Region Scholars', allocated: 600000, spent: 100000, committed: 85000, remaining: 415000 },
    { programId: 'b', programName: 'Coast Maths', allocated: 300000, spent: 0, committed: 340000, remaining: -40000 },
  ],
  months, otherCurrencies: [{ currency: 'USD', spent: 100, committed: 0 }], asOf: '2026-03-11',
  ...over,
});

const programsPage = { items: [{ id: 'a', name: 'Lake Region Scholars' }, { id: 'b', name: 'Coast Maths' }], page: 1, pageSize: 100, total: 2 };

const renderPage = () => renderWithProviders(<BudgetManagementPage />, { route: '/dashboard/partner/budget', queryClient: createTestQueryClient(partnerUser) });

describe('BudgetManagementPage', () => {
  beforeEach(() => usePartnerStore.getState().reset());

  it('shows allocated, spent, committed and remaining, per program, the forecast and money in other currencies apart', async () => {
    mockFetch({ [`GET ${BUDGET}`]: json(overview()) });
    renderPage();
    expect(await screen.findByTestId('budget-year')).toHaveTextContent('Fiscal year 2025/26');
    const totals = screen.getByTestId('budget-totals');
    expect(within(totals).getByText('KES 900,000')).toBeInTheDocument();
    expect(within(totals).getByText('KES 125,000')).toBeInTheDocument();
    expect(within(totals).getByText('KES 675,000')).toBeInTheDocument();
    expect(screen.getByTestId('budget-forecast')).toHaveTextContent('KES 225,000 spent or committed of KES 900,000 allocated');
    const rows = within(screen.getByTestId('program-budgets')).getAllByRole('listitem');
    expect(rows).toHaveLength(2);
    expect(within(rows[1]!).getByText('Over budget by KES 40,000')).toBeInTheDocument();
    expect(screen.getByTestId('other-currencies')).toHaveTextContent('USD 100 spent');
    expect(await screen.findByTestId('budget-chart')).toBeInTheDocument();
  });

  it('offers to set the budget when the year has none, and shows an error with a retry when loading fails', async () => {
    let fail = true;
    mockFetch({ [`GET ${BUDGET}`]: () => (fail ? problem(500, 'Server error') : json(overview({ exists: false, total: 0, unallocated: 0, programs: [] }))) });
    renderPage();
    expect(await screen.findByTestId('query-error')).toHaveTextContent('We couldn’t load the budget');
    fail = false;
    await userEvent.setup().click(within(screen.getByTestId('query-error')).getByRole('button'));
    expect(await screen.findByTestId('budget-empty')).toHaveTextContent('No budget for 2025/26 yet');
  });

  it('checks allocations against the total before sending, then saves them', async () => {
    let sent: unknown;
    mockFetch({
      [`GET ${BUDGET}`]: json(overview()),
      [`GET ${PROGRAMS}`]: json(programsPage),
      [`PUT ${BUDGET}`]: ({ init }) => {
        sent = JSON.parse(String(init?.body));
        return json(overview());
      },
    });
    renderPage();
    const user = userEvent.setup();
    await user.click(await screen.findByTestId('edit-budget'));
    const coast = await screen.findByLabelText('Allocation for Coast Maths');
    await user.clear(coast);
    await user.type(coast, '500000');
    expect(screen.getByTestId('allocation-sum')).toHaveTextContent('The allocations add up to more than the total.');
    expect(screen.getByTestId('save-budget')).toBeDisabled();
    await user.clear(coast);
    await user.type(coast, '400000');
    expect(screen.getByTestId('save-budget')).toBeEnabled();
    await user.click(screen.getByTestId('save-budget'));
    await waitFor(() => expect(sent).toEqual({
      year: 2025, startMonth: 7, total: 1000000, currency: 'KES',
      allocations: [{ programId: 'a', amount: 600000 }, { programId: 'b', amount: 400000 }],
    }));
  });

  it('shows the server’s refusal under the allocations', async () => {
    mockFetch({
      [`GET ${BUDGET}`]: json(overview()),
      [`GET ${PROGRAMS}`]: json(programsPage),
      [`PUT ${BUDGET}`]: problem(422, 'The budget cannot be saved as it is.', undefined, { code: 'budget_refused', errors: { 'allocations[1].programId': ['This is not one of your programs.'], allocations: ['The allocations add up to more.'] } }),
    });
    renderPage();
    const user = userEvent.setup();
    await user.click(await screen.findByTestId('edit-budget'));
    await screen.findByLabelText('Allocation for Coast Maths');
    await user.click(screen.getByTestId('save-budget'));
    expect(await screen.findByText('The allocations add up to more.')).toBeInTheDocument();
  });
});
