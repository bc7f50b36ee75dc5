import { screen, waitFor } from '@testing-library/react';
import { QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { DashboardLayout } from '@/components/layout/DashboardLayout';
import { usePartnerStore } from '@/store';
import { createTestQueryClient, json, mockFetch, partnerUser } from '../test-utils';

// The real @microsoft/signalr client against a server without the hub: nothing may crash.
describe('realtime counters without a hub', () => {
  it('renders the layout, marks the connection offline and keeps the HTTP counters', async () => {
    const counters = { pendingConsents: 2, childrenWithConsent: 11, openTickets: 1, childAlerts: 0, pendingPayments: 0, unreadNotifications: 0, unreadMessages: 0, suspendedPrograms: 0 };
    mockFetch({ 'GET /api/v1/partner/dashboard/counters': json(counters) });
    render(
      <QueryClientProvider client={createTestQueryClient(partnerUser)}>
        <MemoryRouter initialEntries={['/dashboard/partner']}>
          <Routes>
            <Route path="/dashboard/partner" element={<DashboardLayout />}>
              <Route index element={<p>page</p>} />
            </Route>
          </Routes>
        </MemoryRouter>
      </QueryClientProvider>,
    );

    await waitFor(() => expect(screen.getByTestId('realtime-status')).toHaveAttribute('data-status', 'offline'));
    expect(screen.getByTestId('realtime-status')).toHaveTextContent('Offline');
    expect(screen.getByText('page')).toBeInTheDocument();
    await waitFor(() => expect(usePartnerStore.getState().counters).toEqual(counters));
    expect(screen.getByTestId('sidebar-badge-enrollments')).toHaveTextContent('2');
  });
});
