import { act, render, screen, waitFor } from '@testing-library/react';
import { QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { PastDueBanner } from '@/components/partner/finance/PastDueBanner';
import { BillingSuspendedState, billingSuspended } from '@/components/partner/children/BillingSuspendedState';
import { ApiError } from '@/lib/api';
import { dashboardKeys } from '@/services/partner/dashboard';
import type { SubscriptionItem } from '@/types/partner';
import { createTestQueryClient } from '../test-utils';

const problem = {
  status: 403, title: 'You may not see this.', code: 'billing_suspended', detail: 'Monitoring of Kisumu cohort is suspended because its subscription is unpaid.',
  invoiceNumber: 'INV-2026-000007', amountDue: 3480, currency: 'KES',
};

describe('billing suspension', () => {
  it('a child view says which invoice to pay instead of a generic error', () => {
    const client = createTestQueryClient();
    client.setQueryData(dashboardKeys.counters(), { suspendedPrograms: 1 });
    const suspension = billingSuspended(new ApiError(problem));
    expect(suspension).not.toBeNull();
    const restored = vi.fn();
    render(
      <QueryClientProvider client={client}>
        <MemoryRouter><BillingSuspendedState suspension={suspension!} onRestored={restored} /></MemoryRouter>
      </QueryClientProvider>,
    );
    expect(screen.getByRole('heading')).toHaveTextContent('Monitoring suspended for billing — pay invoice INV-2026-000007 (KES 3,480.00) to restore');
    expect(screen.getByTestId('billing-pay-now')).toHaveAttribute('href', '/dashboard/partner/funding');
    expect(restored).not.toHaveBeenCalled();
  });

  it('asks again as soon as the pushed counters say a suspended program was paid for', async () => {
    const client = createTestQueryClient();
    client.setQueryData(dashboardKeys.counters(), { suspendedPrograms: 2 });
    const restored = vi.fn();
    render(
      <QueryClientProvider client={client}>
        <MemoryRouter><BillingSuspendedState suspension={billingSuspended(new ApiError(problem))!} onRestored={restored} /></MemoryRouter>
      </QueryClientProvider>,
    );
    act(() => { client.setQueryData(dashboardKeys.counters(), { suspendedPrograms: 2 }); });
    expect(restored).not.toHaveBeenCalled();
    act(() => { client.setQueryData(dashboardKeys.counters(), { suspendedPrograms: 1 }); });
    await waitFor(() => expect(restored).toHaveBeenCalledTimes(1));
  });

  it('other 403s are not billing', () => {
    expect(billingSuspended(new ApiError({ ...problem, code: 'consent_required' }))).toBeNull();
  });

  it('the funding page banner counts down to the suspension and offers to pay', () => {
    const onPay = vi.fn();
    const subscription = {
      id: 's1', programName: 'Kisumu cohort', status: 'PAST_DUE',
      standing: { pastDueSince: '2026-04-18T08:00:00Z', graceEndsAt: '2026-05-02T08:00:00Z', graceDaysLeft: 3, monitoringSuspended: false,
        invoiceNumber: 'INV-2026-000007', amountDue: 3480, currency: 'KES' },
    } as unknown as SubscriptionItem;
    render(<PastDueBanner subscriptions={[subscription, { id: 's2', programName: 'Paid', status: 'ACTIVE', standing: null } as unknown as SubscriptionItem]} onPay={onPay} />);
    expect(screen.getAllByTestId('past-due-banner')).toHaveLength(1);
    expect(screen.getByTestId('grace-days-left')).toHaveTextContent('3 days');
    expect(screen.getByRole('alert')).toHaveTextContent('invoice INV-2026-000007');
    screen.getByTestId('past-due-pay-now').click();
    expect(onPay).toHaveBeenCalledWith(subscription);
  });
});
