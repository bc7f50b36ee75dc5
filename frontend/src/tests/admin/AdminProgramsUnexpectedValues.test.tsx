import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { PendingProgram } from '@/types/partner';
import { adminUser, createTestQueryClient, json, mockFetch, renderApp } from '../test-utils';

const LIST = '/api/v1/admin/sponsorship-programs';

/** A program as a bad record could send it: numbers where names belong, a currency no one knows, null goals. */
function oddProgram(): PendingProgram {
  const program = {
    id: 'p-odd',
    name: 'Odd program',
    description: null,
    programType: 99,
    minChildren: 10,
    maxChildren: null,
    status: 7,
    billingPeriod: '42',
    pricePerChild: 1500,
    currency: 'XX1',
    customPricingNotes: null,
    startDate: null,
    endDate: null,
    goals: [null],
    submittedAt: null,
    approvedBy: null,
    approvedAt: null,
    rejectionReason: null,
    createdAt: 'not a date',
    updatedAt: '2026-11-30T08:15:00Z',
    children: { enrolled: 10, active: 0, pendingConsent: 10, paused: 0, graduated: 0, removed: 0 },
    allowedActions: [],
  };
  return { program: program as unknown as PendingProgram['program'], partnerName: 'Odd partner', partnerEmail: 'odd@elimu.demo' };
}

describe('admin sponsorship programs with unexpected values', () => {
  it('lists and opens a program whose enums are not names, showing "Unknown" instead of crashing', async () => {
    const user = userEvent.setup();
    mockFetch({ [`GET ${LIST}`]: json({ items: [oddProgram()], page: 1, pageSize: 20, total: 1 }) });
    renderApp('/dashboard/admin/sponsorship-programs', { queryClient: createTestQueryClient(adminUser) });

    // The page is a lazy chunk: give it time on a busy machine.
    const table = await screen.findByRole('table', { name: 'Pending approval sponsorship programs' }, { timeout: 10_000 });
    const row = within(within(table).getAllByRole('row')[1]!);
    expect(row.getByText('Odd program')).toBeInTheDocument();
    expect(row.getAllByText('Unknown')).toHaveLength(2); // type and billing
    expect(row.getByText(/1,500/)).toBeInTheDocument();

    await user.click(row.getByRole('button', { name: 'Details' }));
    const dialog = screen.getByRole('dialog', { name: 'Odd program' });
    expect(within(dialog).getAllByText('Unknown').length).toBeGreaterThanOrEqual(3); // status, type, billing
    expect(within(dialog).getByText('10 of at least 10')).toBeInTheDocument();
  });
});
