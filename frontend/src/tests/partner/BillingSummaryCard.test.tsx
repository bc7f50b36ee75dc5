import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { BillingSummaryCard } from '@/components/partner/dashboard/BillingSummaryCard';
import { DashboardStats } from '@/components/partner/dashboard/DashboardStats';
import { formatCurrency } from '@/lib/format';
import type { BillingSummary } from '@/types/partner';
import { renderWithProviders } from '../test-utils';
import { overviewFixture } from './fixtures';

const money = (amount: number, currency: string) => ({ amount, currency });

const twoCurrencies: BillingSummary = {
  periodStart: '2026-11-01',
  periodEnd: '2026-11-30',
  pendingPayments: 2,
  currencies: [
    { currency: 'KES', billedThisPeriod: money(60000, 'KES'), paidThisPeriod: money(52500, 'KES'), outstanding: money(7500, 'KES'), pendingPayments: 1 },
    { currency: 'USD', billedThisPeriod: money(200, 'USD'), paidThisPeriod: money(120, 'USD'), outstanding: money(80.5, 'USD'), pendingPayments: 1 },
  ],
};

describe('BillingSummaryCard', () => {
  it('shows one block per currency and never a sum across them', () => {
    renderWithProviders(<BillingSummaryCard billing={twoCurrencies} />);
    const kes = within(screen.getByTestId('billing-KES'));
    expect(kes.getByRole('heading', { name: 'KES' })).toBeInTheDocument();
    expect(kes.getByTestId('billing-paid')).toHaveTextContent('KES 52,500');
    expect(kes.getByTestId('billing-outstanding')).toHaveTextContent('KES 7,500');
    expect(kes.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '88');
    const usd = within(screen.getByTestId('billing-USD'));
    expect(usd.getByTestId('billing-billed')).toHaveTextContent('USD 200');
    expect(usd.getByTestId('billing-outstanding')).toHaveTextContent('USD 80.50');
    expect(usd.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '60');
    // 60,000 + 200 would be a meaningless 60,200.
    expect(screen.getByTestId('card-billing')).not.toHaveTextContent('60,200');
  });

  it('shows a single currency without a heading', () => {
    renderWithProviders(<BillingSummaryCard billing={overviewFixture().billing} />);
    expect(screen.queryByRole('heading', { name: 'KES' })).not.toBeInTheDocument();
    expect(screen.getByTestId('billing-billed')).toHaveTextContent('KES 154,000');
  });

  it('puts each currency side by side in the KPI row', () => {
    renderWithProviders(<DashboardStats overview={overviewFixture({ billing: twoCurrencies })} />);
    expect(screen.getByTestId('stat-billed-this-period')).toHaveTextContent('KES 60,000 · USD 200');
    expect(screen.getByTestId('stat-outstanding')).toHaveTextContent('KES 7,500 · USD 80.50');
  });
});

describe('formatCurrency', () => {
  it('writes money as Kenyans do', () => {
    expect(formatCurrency(52500)).toBe('KES 52,500');
    expect(formatCurrency(1500.5, 'usd')).toBe('USD 1,500.50');
  });
});
