// Paying by card (issue 17) against a fake Stripe started here on 127.0.0.1 (tests/fake-stripe.mjs; e2e/run.sh points
// the API at it): the page quotes the invoice due, the payer chooses a card, the page loads Stripe.js from the configured
// address (allowed by the CSP because it is configured), a declined card says so, a good card confirms the PaymentIntent
// with its client secret, Stripe's signed webhook completes the payment, and the page shows it completed.
// Runs after payments-mpesa.test.mjs: when nothing is due, the partner re-subscribes a program to open a period to pay.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { accessibilityProblems, apiOk, launch, loginAndLand, newPage, screenshot } from './browser.mjs';
import { startFakeStripe } from './fake-stripe.mjs';

const FINANCE = '/api/v1/partner/finance';
let browser;
let partner;
let stripe;
let subscription;

/** A running subscription whose current period is not paid yet (re-subscribing the program if every one is paid). */
async function somethingDue(page) {
  const subscriptions = await apiOk(page, 'GET', `${FINANCE}/subscriptions`);
  const running = subscriptions.filter((s) => s.status === 'ACTIVE' || s.status === 'PAST_DUE');
  for (const s of running) {
    const invoices = await apiOk(page, 'GET', `${FINANCE}/invoices?subscriptionId=${s.id}&pageSize=100`);
    const paid = invoices.items.some((i) => i.status === 'paid' && i.periodStart === s.currentPeriodStart);
    if (!paid && s.totalAmount >= 1) return s;
  }
  const again = running.find((s) => s.totalAmount >= 1) ?? assert.fail('the demo partner has a running subscription with children');
  await apiOk(page, 'DELETE', `${FINANCE}/subscriptions/${again.id}`);
  return apiOk(page, 'POST', `${FINANCE}/subscriptions`, { programId: again.programId, billingPeriod: again.billingPeriod, autoRenew: true }, 201);
}

before(async () => {
  stripe = await startFakeStripe();
  browser = await launch();
  partner = await newPage(browser);
  await loginAndLand(partner, 'partner@elimu.demo', '/dashboard/partner');
  subscription = await somethingDue(partner);
  await partner.goto('/dashboard/partner/funding');
});
after(async () => {
  await partner?.context().close().catch(() => undefined);
  await browser?.close();
  await stripe?.close();
});

test('the partner pays by card: Stripe.js from the configured address, a declined card, then the webhook completes it', async () => {
  const csp = (await partner.request.get('/dashboard/partner/funding')).headers()['content-security-policy'];
  const origin = `http://127.0.0.1:${process.env.ELIMU_FAKE_STRIPE_PORT}`;
  assert.match(csp, new RegExp(`script-src 'self' ${origin.replace(/[.:/]/g, '\\$&')};`));
  assert.match(csp, new RegExp(`connect-src 'self' ${origin.replace(/[.:/]/g, '\\$&')};`));
  const loadedBefore = await partner.evaluate(() => [...document.scripts].some((s) => s.src.includes('/v3')));
  assert.equal(loadedBefore, false, 'Stripe.js is not loaded before a card is chosen');

  const card = partner.getByTestId('subscription-card').filter({ hasText: subscription.programName }).filter({ has: partner.getByTestId('pay-now') });
  await card.first().getByTestId('pay-now').click();
  const dialog = partner.getByRole('dialog');
  // The dialog quotes what will be charged: the due invoice (or this period as it will be issued).
  const due = await apiOk(partner, 'GET', `${FINANCE}/subscriptions/${subscription.id}/due`);
  const quoted = dialog.getByTestId('pay-due');
  await partner.waitForFunction(() => ['invoice', 'draft'].includes(document.querySelector('[data-testid="pay-due"]')?.getAttribute('data-state') ?? ''));
  assert.equal(Number(await quoted.getAttribute('data-amount')), due.total);

  await dialog.getByTestId('gateway-stripe').check();
  await dialog.getByTestId('pay-submit').click();
  const field = dialog.getByTestId('fake-stripe-card');
  await field.waitFor({ timeout: 20_000 });
  const status = dialog.getByTestId('payment-status');
  assert.equal(await status.getAttribute('data-status'), 'pending');
  const invoice = (await status.innerText()).match(/INV-\d{4}-\d{6}/)?.[0] ?? assert.fail('the payment names its invoice');
  const intent = [...stripe.intents.values()].find((i) => i.metadata.invoice_number === invoice) ?? assert.fail('a PaymentIntent for the invoice');
  assert.equal(intent.amount, Math.round(due.total * 100), 'minor units of the quoted invoice total');
  assert.equal(intent.currency, 'kes');
  assert.deepEqual(await accessibilityProblems(partner), []);
  await screenshot(partner, 'stripe-1-card-form', { fullPage: false });

  // A declined card: Stripe says so, and the payment is failed by the webhook (pay again offers a new attempt). The
  // webhook can fail the payment before the page has drawn Stripe.js's answer; the failed status then replaces the card
  // form and says the same words, so the words are read from whichever of the two is on the page.
  await field.fill('4000 0000 0000 0002');
  await dialog.getByTestId('stripe-card-submit').click();
  const declined = dialog.getByTestId('stripe-card-error').or(dialog.getByTestId('payment-failure'));
  assert.match(await declined.first().innerText(), /declined/i);
  await partner.waitForFunction(() => document.querySelector('[data-testid="payment-status"]')?.getAttribute('data-status') === 'failed', null, { timeout: 15_000 });
  assert.match(await dialog.getByTestId('payment-failure').innerText(), /declined/i, 'the failed payment says why');
  await dialog.getByTestId('pay-again').click();

  // A good card: the intent is confirmed in the browser, Stripe's signed webhook completes the payment.
  await dialog.getByTestId('gateway-stripe').check();
  await dialog.getByTestId('pay-submit').click();
  await field.waitFor({ timeout: 20_000 });
  await field.fill('4242 4242 4242 4242');
  await dialog.getByTestId('stripe-card-submit').click();
  await partner.waitForFunction(() => document.querySelector('[data-testid="payment-status"]')?.getAttribute('data-status') === 'completed', null, { timeout: 15_000 });
  assert.match(await status.innerText(), new RegExp(invoice));
  assert.deepEqual(stripe.refused, []);
  assert.deepEqual(stripe.webhooks.map((w) => [w.type, w.status]), [['payment_intent.payment_failed', 200], ['payment_intent.succeeded', 200]]);
  await screenshot(partner, 'stripe-2-completed', { fullPage: false });
  await dialog.getByTestId('payment-receipt').waitFor();
  await dialog.getByTestId('pay-close').click();
  await partner.getByTestId('history-row').filter({ hasText: invoice }).filter({ hasText: 'Completed' }).first().waitFor();
});
