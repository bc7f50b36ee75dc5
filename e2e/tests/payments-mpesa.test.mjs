// Paying with M-Pesa (issue 17) against a fake Daraja started here on 127.0.0.1 (tests/fake-daraja.mjs; e2e/run.sh
// points the API at it): the demo partner enters a phone number, the page waits for the phone with a live status, the
// fake "payer" enters the PIN and Safaricom's callback reaches the API, which checks it with an STK query; the page
// shows the payment completed, and the receipt downloads as a real PDF naming the invoice.
// Runs after funding.test.mjs (which pays this period by the sandbox): when nothing is due any more, the partner
// re-subscribes the program first, which opens a new period to pay.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { accessibilityProblems, apiOk, launch, loginAndLand, newPage, screenshot } from './browser.mjs';
import { startFakeDaraja } from './fake-daraja.mjs';

const FINANCE = '/api/v1/partner/finance';
let browser;
let partner;
let daraja;
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
  daraja = await startFakeDaraja();
  browser = await launch();
  partner = await newPage(browser);
  await loginAndLand(partner, 'partner@elimu.demo', '/dashboard/partner');
  subscription = await somethingDue(partner);
  await partner.goto('/dashboard/partner/funding');
});
after(async () => {
  await partner?.context().close().catch(() => undefined);
  await browser?.close();
  await daraja?.close();
});

test('the partner pays with M-Pesa: the phone is prompted, the callback arrives, the page shows it completed', async () => {
  const card = partner.getByTestId('subscription-card').filter({ hasText: subscription.programName }).filter({ has: partner.getByTestId('pay-now') });
  await card.first().getByTestId('pay-now').click();
  const dialog = partner.getByRole('dialog');
  await dialog.getByTestId('gateway-mpesa').check();
  await dialog.getByTestId('pay-phone').fill('0712 345 678');
  const pushed = daraja.nextPush();
  await dialog.getByTestId('pay-submit').click();
  const push = await Promise.race([
    pushed,
    dialog.getByTestId('pay-error').waitFor({ timeout: 20_000 }).then(async () => assert.fail(`payment refused: ${await dialog.getByTestId('pay-error').innerText()}`)),
  ]);

  // The STK Push as Daraja documents it (the fake refused anything else).
  assert.deepEqual(daraja.refused, []);
  assert.equal(push.request.PhoneNumber, '254712345678');
  assert.equal(push.request.PartyA, '254712345678');
  assert.match(push.request.CallBackURL, /\/api\/v1\/payments\/mpesa\/callback\/[\w-]{20,}$/);

  // Waiting for the phone: a live region saying so, with the number.
  const status = dialog.getByTestId('payment-status');
  await status.waitFor();
  assert.equal(await status.getAttribute('data-status'), 'pending');
  assert.match(await status.innerText(), /0712 345 678/);
  const invoice = (await status.innerText()).match(/INV-\d{4}-\d{6}/)?.[0];
  assert.ok(invoice, 'the payment names its invoice');
  assert.equal(push.request.AccountReference, invoice.replace(/\D/g, '').slice(-12));
  const invoices = await apiOk(partner, 'GET', `${FINANCE}/invoices?subscriptionId=${subscription.id}&pageSize=100`);
  const billed = invoices.items.find((i) => i.number === invoice) ?? assert.fail(`${invoice} is the subscription's`);
  assert.equal(push.request.Amount, Math.ceil(billed.total), 'whole shillings: the invoice total, rounded up');
  assert.deepEqual(await accessibilityProblems(partner), []);
  await screenshot(partner, 'mpesa-1-waiting-for-phone', { fullPage: false });

  // The payer enters the PIN: Safaricom posts the callback, the API verifies it by an STK query and acknowledges.
  const answer = await daraja.approve(push);
  assert.deepEqual(answer, { status: 200, body: { ResultCode: 0, ResultDesc: 'Accepted' } });
  await partner.waitForFunction(() => document.querySelector('[data-testid="payment-status"]')?.getAttribute('data-status') === 'completed', null, { timeout: 15_000 });
  assert.match(await status.innerText(), new RegExp(invoice));
  assert.deepEqual(daraja.refused, []);
  await screenshot(partner, 'mpesa-2-completed', { fullPage: false });

  // The receipt: a real PDF, whose title names the invoice (its text is drawn with an embedded font, so glyph ids).
  const [download] = await Promise.all([partner.waitForEvent('download'), dialog.getByTestId('payment-receipt').click()]);
  assert.equal(download.suggestedFilename(), `receipt-${invoice}.pdf`);
  const pdf = await readFile(await download.path());
  assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
  assert.ok(pdf.subarray(-1024).toString('latin1').includes('%%EOF'), 'the PDF is complete');
  assert.ok(pdfTitle(pdf).includes(`Receipt ${invoice}`), `the PDF's title names ${invoice} (title: ${pdfTitle(pdf)})`);

  // The history lists it, completed, with M-Pesa's receipt number.
  await dialog.getByTestId('pay-close').click();
  await partner.getByTestId('history-row').filter({ hasText: invoice }).filter({ hasText: push.receipt }).filter({ hasText: 'Completed' }).first().waitFor();
});

test('a payer who cancels the prompt sees the payment failed and can pay again', async () => {
  // The period is paid now: a new one to pay, then the payer says no on the phone.
  subscription = await somethingDue(partner);
  await partner.reload();
  const card = partner.getByTestId('subscription-card').filter({ hasText: subscription.programName }).filter({ has: partner.getByTestId('pay-now') });
  await card.first().getByTestId('pay-now').click();
  const dialog = partner.getByRole('dialog');
  await dialog.getByTestId('gateway-mpesa').check();
  await dialog.getByTestId('pay-phone').fill('+254712345678');
  const pushed = daraja.nextPush();
  await dialog.getByTestId('pay-submit').click();
  const push = await pushed;
  await dialog.getByTestId('payment-status').waitFor();
  assert.deepEqual(await daraja.decline(push), { status: 200, body: { ResultCode: 0, ResultDesc: 'Accepted' } });
  await partner.waitForFunction(() => document.querySelector('[data-testid="payment-status"]')?.getAttribute('data-status') === 'failed', null, { timeout: 15_000 });
  assert.match(await dialog.getByTestId('payment-failure').innerText(), /cancelled by user/i);
  await dialog.getByTestId('pay-again').waitFor();
  await screenshot(partner, 'mpesa-3-cancelled', { fullPage: false });
  await dialog.getByTestId('pay-close').click();
});

/** The document's /Title from its info dictionary: a literal (string) or a hex string, UTF-16 with a BOM or not. */
function pdfTitle(pdf) {
  const text = pdf.toString('latin1');
  const literal = text.match(/\/Title\s*\(((?:\\.|[^\\)])*)\)/);
  const hex = text.match(/\/Title\s*<([0-9A-Fa-f\s]+)>/);
  let bytes;
  if (literal) bytes = Buffer.from(literal[1].replace(/\\([()\\])/g, '$1'), 'latin1');
  else if (hex) bytes = Buffer.from(hex[1].replace(/\s/g, ''), 'hex');
  else return '';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return Buffer.from(bytes.subarray(2)).swap16().toString('utf16le');
  return bytes.toString('latin1');
}
