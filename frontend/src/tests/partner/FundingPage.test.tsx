import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import FundingPage from '@/pages/partner/FundingPage';
import { usePartnerStore } from '@/store';
import type { PaymentItem, SubscriptionItem } from '@/types/partner';
import { createTestQueryClient, json, mockFetch, partnerUser, problem, renderWithProviders } from '../test-utils';

const BASE = '/api/v1/partner/finance';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const subscription = (over: Partial<SubscriptionItem> = {}): SubscriptionItem => ({
  id: 's1',
  programId: 'prog1',
  programName: 'Kisumu Girls STEM',
  status: 'ACTIVE',
  billingPeriod: 'monthly',
  pendingBillingPeriod: null,
  amountPerChild: 500,
  totalChildren: 25,
  totalAmount: 12500,
  currency: 'KES',
  customPricing: false,
  currentPeriodStart: '2026-12-01',
  currentPeriodEnd: '2026-12-31',
  nextBillingDate: '2027-01-01',
  autoRenew: true,
  paymentMethodId: null,
  cancelledAt: null,
  createdAt: '2026-11-01T08:00:00+00:00',
  ...over,
});

const payment = (over: Partial<PaymentItem> = {}): PaymentItem => ({
  id: 'pay1',
  status: 'pending',
  amount: 12500,
  currency: 'KES',
  invoiceNumber: 'INV-2026-000042',
  invoiceId: 'inv1',
  subscriptionId: 's1',
  programName: 'Kisumu Girls STEM',
  gateway: 'sandbox',
  chargedAmount: 12500,
  chargedCurrency: 'KES',
  gatewayReference: 'sbx_1',
  receipt: null,
  failureCode: null,
  failureMessage: null,
  periodStart: '2026-12-01',
  periodEnd: '2026-12-31',
  createdAt: '2026-12-02T06:00:00+00:00',
  paidAt: null,
  receiptUrl: null,
  approvalUrl: null,
  clientSecret: null,
  ...over,
});

const paged = (items: PaymentItem[]) => ({ items, page: 1, pageSize: 20, total: items.length });

const renderPage = (route = '/dashboard/partner/funding') => renderWithProviders(<FundingPage />, { route, queryClient: createTestQueryClient(partnerUser) });

describe('FundingPage', () => {
  beforeEach(() => usePartnerStore.getState().reset());

  it('lists subscriptions with status, period, next billing date and amounts in KES, and the billing history with receipts', async () => {
    mockFetch({
      [`GET ${BASE}/subscriptions`]: json([
        subscription(),
        subscription({ id: 's2', programName: 'Turkana Readers', status: 'PAST_DUE', billingPeriod: 'termly', pendingBillingPeriod: 'annual', totalAmount: 1234567.5 }),
      ]),
      [`GET ${BASE}/payments`]: json(paged([
        payment({ status: 'completed', receipt: 'SBX123', receiptUrl: `${BASE}/payments/pay1/receipt` }),
        payment({ id: 'pay2', status: 'failed', gateway: 'mpesa', receiptUrl: null }),
      ])),
    });
    renderPage();
    const cards = await screen.findAllByTestId('subscription-card');
    expect(cards).toHaveLength(2);
    expect(within(cards[0]!).getByTestId('subscription-status')).toHaveTextContent('Active');
    expect(within(cards[0]!).getByTestId('subscription-total')).toHaveTextContent('KES 12,500.00');
    expect(within(cards[0]!).getByText('KES 500.00')).toBeInTheDocument();
    expect(within(cards[0]!).getByText('Monthly')).toBeInTheDocument();
    expect(within(cards[0]!).getByText('25')).toBeInTheDocument();
    expect(within(cards[1]!).getByTestId('subscription-status')).toHaveTextContent('Past due');
    expect(within(cards[1]!).getByTestId('subscription-total')).toHaveTextContent('KES 1,234,567.50');
    // A change of period is shown with the date it takes effect.
    expect(within(cards[1]!).getByTestId('pending-period')).toHaveTextContent(/Changes to Annual from 1 Jan 2027/);

    const rows = await screen.findAllByTestId('history-row');
    expect(rows).toHaveLength(2);
    expect(within(rows[0]!).getByRole('link', { name: /Download receipt INV-2026-000042/ })).toHaveAttribute('href', `${BASE}/payments/pay1/receipt`);
    expect(within(rows[1]!).queryByRole('link')).not.toBeInTheDocument();
    expect(screen.getByTestId('history-csv')).toHaveAttribute('href', `${BASE}/payments?format=csv`);
  });

  it('gives every cell of the billing history its column’s name, so on a phone each payment reads as a card of labelled lines', async () => {
    mockFetch({
      [`GET ${BASE}/subscriptions`]: json([subscription()]),
      [`GET ${BASE}/payments`]: json(paged([
        payment({ status: 'completed', gateway: 'paypal', amount: 2320, chargedAmount: 17.92, chargedCurrency: 'USD', receipt: 'CAP-1', receiptUrl: `${BASE}/payments/pay1/receipt` }),
      ])),
    });
    renderPage();
    const [row] = await screen.findAllByTestId('history-row');
    const table = screen.getByTestId('history-table');
    expect(table).toHaveClass('table-stack');
    // A sideways scroll only from the small breakpoint up: under it nothing is wider than the phone.
    expect(table.className).not.toMatch(/(^|\s)min-w-/);
    const headers = within(table).getAllByRole('columnheader').map((h) => h.textContent);
    const cells = within(row!).getAllByRole('cell');
    expect(cells.map((c) => c.getAttribute('data-label'))).toEqual(headers);
    const amount = cells[headers.indexOf('Amount')]!;
    expect(amount).toHaveTextContent('KES 2,320.00');
    expect(amount).toHaveTextContent('USD 17.92');
    // Label and value are the cell's two lines' ends: the amount's KES and USD stay together in one element.
    expect(amount.children).toHaveLength(1);
    expect(within(cells[headers.indexOf('Receipt')]!).getByRole('link')).toHaveTextContent('CAP-1');
  });

  it('saves an M-Pesa number as the renewal method and says renewals will prompt that phone', async () => {
    let sent: Record<string, unknown> | undefined;
    let saved = false;
    const method = { id: 'm1', gateway: 'mpesa', label: 'M-Pesa', maskedDetail: '07•• ••• 678', isDefault: true, renews: true, createdAt: '2026-12-02T06:00:00+00:00' };
    mockFetch({
      [`GET ${BASE}/subscriptions`]: json([subscription()]),
      [`GET ${BASE}/payments`]: json(paged([])),
      [`GET ${BASE}/payment-methods`]: () => json({ items: saved ? [method] : [], page: 1, pageSize: 100, total: saved ? 1 : 0 }),
      [`POST ${BASE}/payment-methods`]: ({ init }) => {
        sent = JSON.parse(String(init?.body));
        saved = true;
        return json(method, 201);
      },
    });
    renderPage();
    const card = await screen.findByTestId('renewal-method');
    expect(await within(card).findByTestId('renewal-none')).toBeInTheDocument();
    const user = userEvent.setup();
    await user.type(within(card).getByLabelText('M-Pesa number for renewals'), '12345');
    await user.click(within(card).getByTestId('renewal-save'));
    expect(within(card).getByTestId('renewal-error')).toHaveTextContent('Enter a Kenyan mobile number');
    expect(sent).toBeUndefined();
    await user.clear(within(card).getByLabelText('M-Pesa number for renewals'));
    await user.type(within(card).getByLabelText('M-Pesa number for renewals'), '0712 345 678');
    await user.click(within(card).getByTestId('renewal-save'));
    await waitFor(() => expect(sent).toEqual({ gateway: 'mpesa', phoneNumber: '0712 345 678', isDefault: true }));
    const item = await within(card).findByTestId('renewal-method-item');
    expect(item).toHaveTextContent('07•• ••• 678');
    expect(item).toHaveTextContent('Renewals send an M-Pesa prompt to 07•• ••• 678.');
  });

  it('says when there are no subscriptions and no payments yet', async () => {
    mockFetch({ [`GET ${BASE}/subscriptions`]: json([]), [`GET ${BASE}/payments`]: json(paged([])) });
    renderPage();
    expect(await screen.findByTestId('subscriptions-empty')).toHaveTextContent('No subscriptions yet');
    expect(await screen.findByTestId('history-empty')).toHaveTextContent('No payments yet');
  });

  it('filters the history and its CSV by status and gateway', async () => {
    const spy = mockFetch({ [`GET ${BASE}/subscriptions`]: json([]), [`GET ${BASE}/payments`]: json(paged([])) });
    renderPage();
    await screen.findByTestId('history-empty');
    const user = userEvent.setup();
    await user.selectOptions(screen.getByLabelText('Status'), 'failed');
    await user.selectOptions(screen.getByLabelText('Gateway'), 'mpesa');
    await waitFor(() => expect(spy.mock.calls.map(([u]) => String(u))).toContain(`${BASE}/payments?status=failed&gateway=mpesa&page=1&pageSize=20`));
    expect(screen.getByTestId('history-csv')).toHaveAttribute('href', `${BASE}/payments?status=failed&gateway=mpesa&format=csv`);
    expect(await screen.findByTestId('history-empty')).toHaveTextContent('No payments match these filters');
  });

  it('pays with the sandbox: one Idempotency-Key, a live status polled until completed, then the receipt', async () => {
    const keys: string[] = [];
    const bodies: unknown[] = [];
    let polls = 0;
    mockFetch({
      [`GET ${BASE}/subscriptions`]: json([subscription()]),
      [`GET ${BASE}/payments`]: json(paged([])),
      [`POST ${BASE}/payments`]: ({ init }) => {
        keys.push(new Headers(init?.headers).get('Idempotency-Key') ?? '');
        bodies.push(JSON.parse(String(init?.body)));
        return json(payment(), 202);
      },
      [`GET ${BASE}/payments/pay1`]: () => {
        polls += 1;
        return json(polls < 2 ? payment() : payment({ status: 'completed', receipt: 'SBX9', receiptUrl: `${BASE}/payments/pay1/receipt`, paidAt: '2026-12-02T06:00:05+00:00' }));
      },
    });
    renderPage();
    const user = userEvent.setup();
    await user.click(await screen.findByTestId('pay-now'));
    const dialog = await screen.findByRole('dialog', { name: 'Pay Kisumu Girls STEM' });
    expect(within(dialog).getByTestId('gateway-sandbox')).toBeChecked();
    await user.click(within(dialog).getByTestId('pay-submit'));

    const status = await within(dialog).findByTestId('payment-status');
    expect(status).toHaveAttribute('data-status', 'pending');
    expect(status).toHaveTextContent('Waiting for the payment to be confirmed…');
    await waitFor(() => expect(within(dialog).getByTestId('payment-status')).toHaveAttribute('data-status', 'completed'), { timeout: 6000 });
    expect(within(dialog).getByTestId('payment-status')).toHaveTextContent('Payment received');
    expect(within(dialog).getByTestId('payment-status')).toHaveTextContent('KES 12,500.00 was paid for invoice INV-2026-000042');
    expect(within(dialog).getByTestId('payment-receipt')).toHaveAttribute('href', `${BASE}/payments/pay1/receipt`);
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatch(UUID);
    expect(bodies[0]).toEqual({ subscriptionId: 's1', gateway: 'sandbox' });
  }, 10_000);

  it('keeps the key when a lost connection is retried, and takes a new one for a new attempt', async () => {
    const keys: string[] = [];
    let first = true;
    mockFetch({
      [`GET ${BASE}/subscriptions`]: json([subscription()]),
      [`GET ${BASE}/payments`]: json(paged([])),
      [`POST ${BASE}/payments`]: ({ init }) => {
        keys.push(new Headers(init?.headers).get('Idempotency-Key') ?? '');
        if (first) {
          first = false;
          return Promise.reject(new TypeError('Failed to fetch'));
        }
        return json(payment({ status: 'failed', failureMessage: 'Sandbox told to fail.' }), 201);
      },
      [`GET ${BASE}/payments/pay1`]: json(payment({ status: 'failed', failureMessage: 'Sandbox told to fail.' })),
    });
    renderPage();
    const user = userEvent.setup();
    await user.click(await screen.findByTestId('pay-now'));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByTestId('pay-submit'));
    expect(await within(dialog).findByTestId('pay-error')).toHaveTextContent('Cannot reach the Elimu server');
    await user.click(within(dialog).getByRole('button', { name: 'Try again' }));
    expect(await within(dialog).findByTestId('payment-failure')).toHaveTextContent('Sandbox told to fail.');
    expect(keys[1]).toBe(keys[0]);
    await user.click(within(dialog).getByTestId('pay-again'));
    await user.click(within(dialog).getByTestId('pay-submit'));
    await waitFor(() => expect(keys).toHaveLength(3));
    expect(keys[2]).not.toBe(keys[0]);
  });

  it('checks the M-Pesa number as it is typed and shows the API’s 422 on the phone field', async () => {
    const spy = mockFetch({
      [`GET ${BASE}/subscriptions`]: json([subscription()]),
      [`GET ${BASE}/payments`]: json(paged([])),
      [`POST ${BASE}/payments`]: problem(422, 'One or more fields are not valid.', undefined, {
        errors: { phoneNumber: ['Enter the M-Pesa number as 07XXXXXXXX, 7XXXXXXXX, +2547XXXXXXXX or 2547XXXXXXXX (01… numbers too).'] },
      }),
    });
    renderPage();
    const user = userEvent.setup();
    await user.click(await screen.findByTestId('pay-now'));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByTestId('gateway-mpesa'));
    const phone = within(dialog).getByLabelText('M-Pesa phone number');
    await user.type(phone, '12345');
    await user.click(within(dialog).getByTestId('pay-submit'));
    expect(within(dialog).getByTestId('pay-phone-error')).toHaveTextContent('Enter a Kenyan mobile number');
    expect(phone).toHaveAttribute('aria-invalid', 'true');
    expect(spy.mock.calls.some(([, init]) => init?.method === 'POST')).toBe(false);

    await user.clear(phone);
    await user.type(phone, '0712 345 678');
    expect(within(dialog).queryByTestId('pay-phone-error')).not.toBeInTheDocument();
    await user.click(within(dialog).getByTestId('pay-submit'));
    expect(await within(dialog).findByTestId('pay-phone-error')).toHaveTextContent('Enter the M-Pesa number as 07XXXXXXXX');
    expect(phone).toHaveAccessibleDescription(/Enter the M-Pesa number as 07XXXXXXXX/);
    const sent = spy.mock.calls.find(([, init]) => init?.method === 'POST')?.[1];
    expect(JSON.parse(String(sent?.body))).toEqual({ subscriptionId: 's1', gateway: 'mpesa', phoneNumber: '0712345678' });
  });

  it('cancels only after confirmation', async () => {
    const spy = mockFetch({
      [`GET ${BASE}/subscriptions`]: json([subscription()]),
      [`GET ${BASE}/payments`]: json(paged([])),
      [`DELETE ${BASE}/subscriptions/s1`]: json(subscription({ status: 'CANCELLED' })),
    });
    renderPage();
    const user = userEvent.setup();
    await user.click(await screen.findByTestId('cancel-subscription'));
    const dialog = await screen.findByRole('dialog', { name: 'Cancel this subscription?' });
    await user.click(within(dialog).getByRole('button', { name: 'Keep subscription' }));
    expect(spy.mock.calls.some(([, init]) => init?.method === 'DELETE')).toBe(false);
    await user.click(screen.getByTestId('cancel-subscription'));
    await user.click(within(await screen.findByRole('dialog')).getByTestId('cancel-confirm'));
    await waitFor(() => expect(spy.mock.calls.some(([u, init]) => init?.method === 'DELETE' && String(u) === `${BASE}/subscriptions/s1`)).toBe(true));
  });
  it('lists a gateway the server cannot use as unavailable, with its reason, before anything is clicked', async () => {
    const spy = mockFetch({
      [`GET ${BASE}/subscriptions`]: json([subscription()]),
      [`GET ${BASE}/payments`]: json(paged([])),
      [`GET ${BASE}/gateways`]: json([
        { gateway: 'sandbox', available: true, reason: null, chargeCurrency: 'KES', clientKey: null },
        { gateway: 'mpesa', available: true, reason: null, chargeCurrency: 'KES', clientKey: null },
        { gateway: 'stripe', available: false, reason: 'The card form is not set up on this server (Stripe\'s publishable key).', chargeCurrency: null, clientKey: null },
        { gateway: 'paypal', available: false, reason: 'PayPal is not set up on this server (the app\'s client id and secret, and the webhook id).', chargeCurrency: null, clientKey: null },
      ]),
    });
    renderPage();
    const user = userEvent.setup();
    await user.click(await screen.findByTestId('pay-now'));
    const dialog = await screen.findByRole('dialog', { name: 'Pay Kisumu Girls STEM' });
    await waitFor(() => expect(within(dialog).getByTestId('gateway-stripe')).toBeDisabled());
    expect(within(dialog).getByTestId('gateway-paypal')).toBeDisabled();
    expect(within(dialog).getByTestId('gateway-mpesa')).toBeEnabled();
    expect(within(dialog).getByTestId('gateway-stripe')).toHaveAccessibleDescription(/publishable key/);
    expect(within(dialog).getByTestId('gateway-reason-paypal')).toHaveTextContent('PayPal is not set up on this server');
    expect(spy.mock.calls.some(([, init]) => init?.method === 'POST')).toBe(false);
  });

  it('quotes the open invoice, not today\'s children × price, before paying', async () => {
    mockFetch({
      [`GET ${BASE}/subscriptions`]: json([subscription({ totalAmount: 12500, totalChildren: 25 })]),
      [`GET ${BASE}/payments`]: json(paged([])),
      [`GET ${BASE}/subscriptions/s1/due`]: json({ invoiceId: 'inv9', number: 'INV-2026-000009', periodStart: '2026-11-01', periodEnd: '2026-12-01',
        children: 20, subtotal: 10000, taxAmount: 1600, total: 11600, currency: 'KES', issued: true }),
    });
    renderPage();
    const user = userEvent.setup();
    await user.click(await screen.findByTestId('pay-now'));
    const dialog = await screen.findByRole('dialog', { name: 'Pay Kisumu Girls STEM' });
    await waitFor(() => expect(within(dialog).getByTestId('pay-due')).toHaveAttribute('data-state', 'invoice'));
    expect(within(dialog).getByTestId('pay-due')).toHaveTextContent(/INV-2026-000009.*KES 11,600\.00 for 20 children/);
    expect(dialog).not.toHaveTextContent('12,500');
  });

  it('pays by card: loads Stripe.js from the address the server names, confirms with the client secret', async () => {
    const confirm = vi.fn(async () => ({ paymentIntent: { id: 'pi_1', status: 'succeeded' } }));
    const create = vi.fn(() => ({ mount: (el: HTMLElement) => el.appendChild(document.createElement('input')), on: (_: string, h: (e: { complete: boolean; empty: boolean }) => void) => h({ complete: true, empty: false }), destroy: vi.fn() }));
    const factory = vi.fn(() => ({ elements: () => ({ create }), confirmCardPayment: confirm }));
    const appended = vi.spyOn(document.head, 'appendChild').mockImplementation((node) => {
      (window as unknown as { Stripe: unknown }).Stripe = factory;
      queueMicrotask(() => (node as HTMLScriptElement).onload?.(new Event('load')));
      return node;
    });
    mockFetch({
      [`GET ${BASE}/subscriptions`]: json([subscription()]),
      [`GET ${BASE}/payments`]: json(paged([])),
      [`GET ${BASE}/gateways`]: json([
        { gateway: 'sandbox', available: true, reason: null, chargeCurrency: 'KES', clientKey: null, scriptUrl: null },
        { gateway: 'stripe', available: true, reason: null, chargeCurrency: 'KES', clientKey: 'pk_test_1', scriptUrl: 'https://js.stripe.com/v3' },
      ]),
      [`POST ${BASE}/payments`]: json(payment({ gateway: 'stripe', clientSecret: 'pi_1_secret_abc', gatewayReference: 'pi_1' }), 202),
      [`GET ${BASE}/payments/pay1`]: json(payment({ gateway: 'stripe', gatewayReference: 'pi_1' })),
    });
    try {
      renderPage();
      const user = userEvent.setup();
      await user.click(await screen.findByTestId('pay-now'));
      const dialog = await screen.findByRole('dialog');
      await waitFor(() => expect(within(dialog).getByTestId('gateway-stripe')).toBeEnabled());
      expect(appended).not.toHaveBeenCalled();
      await user.click(within(dialog).getByTestId('gateway-stripe'));
      await user.click(within(dialog).getByTestId('pay-submit'));
      await waitFor(() => expect(within(dialog).getByTestId('stripe-card-submit')).toBeEnabled());
      expect((appended.mock.calls[0]?.[0] as HTMLScriptElement).src).toBe('https://js.stripe.com/v3');
      expect(factory).toHaveBeenCalledWith('pk_test_1');
      await user.click(within(dialog).getByTestId('stripe-card-submit'));
      await waitFor(() => expect(confirm).toHaveBeenCalledWith('pi_1_secret_abc', expect.objectContaining({ payment_method: expect.anything() })));
      expect(await within(dialog).findByTestId('stripe-card-confirmed')).toBeInTheDocument();
    } finally {
      appended.mockRestore();
      delete (window as unknown as { Stripe?: unknown }).Stripe;
    }
  });

  it('back from PayPal, checks the payment it sent there and shows where it stands', async () => {
    sessionStorage.setItem('elimu.finance.paypalPayment', 'pay7');
    const spy = mockFetch({
      [`GET ${BASE}/subscriptions`]: json([subscription()]),
      [`GET ${BASE}/payments`]: json(paged([])),
      [`POST ${BASE}/payments/pay7/check`]: json(payment({ id: 'pay7', gateway: 'paypal', status: 'completed', chargedAmount: 96.53, chargedCurrency: 'USD',
        receipt: '3C679366HH908993F', receiptUrl: `${BASE}/payments/pay7/receipt`, paidAt: '2026-12-02T06:05:00+00:00' })),
      [`GET ${BASE}/payments/pay7`]: json(payment({ id: 'pay7', gateway: 'paypal', status: 'completed', chargedAmount: 96.53, chargedCurrency: 'USD',
        receiptUrl: `${BASE}/payments/pay7/receipt`, paidAt: '2026-12-02T06:05:00+00:00' })),
    });
    renderPage('/dashboard/partner/funding?paypal=return&token=5O190127TN364715T&PayerID=QYR5Z8XDVJNXQ');
    const dialog = await screen.findByRole('dialog', { name: 'PayPal' });
    await waitFor(() => expect(within(dialog).getByTestId('payment-status')).toHaveAttribute('data-status', 'completed'));
    expect(within(dialog).getByTestId('payment-status')).toHaveTextContent('(USD 96.53)');
    expect(spy.mock.calls.filter(([u, init]) => init?.method === 'POST' && String(u) === `${BASE}/payments/pay7/check`)).toHaveLength(1);
    await userEvent.setup().click(within(dialog).getByTestId('pay-close'));
    expect(sessionStorage.getItem('elimu.finance.paypalPayment')).toBeNull();
  });
});
