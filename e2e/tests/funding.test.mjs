// Funding (issue 17): the demo partner sees its subscriptions and billing history, pays a subscription with the
// sandbox gateway, watches the status change from pending to completed, and finds the payment in the history.
// Screenshots: e2e/screenshots/funding-*.png (desktop and 375 px).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { accessibilityProblems, launch, loginAndLand, newPage, screenshot } from './browser.mjs';

let browser;
let partner;

before(async () => {
  browser = await launch();
  partner = await newPage(browser);
  await loginAndLand(partner, 'partner@elimu.demo', '/dashboard/partner');
  await partner.goto('/dashboard/partner/funding');
});
after(async () => {
  await partner?.context().close().catch(() => undefined);
  await browser?.close();
});

test('the funding page lists the subscriptions in KES and the billing history', async () => {
  assert.equal(await partner.getByRole('heading', { level: 1 }).innerText(), 'Funding / Subscriptions');
  assert.equal(await partner.getByTestId('sidebar-item-funding').getAttribute('data-built'), 'true');
  const cards = partner.getByTestId('subscription-card');
  await cards.first().waitFor();
  assert.ok((await cards.count()) >= 1, 'the demo partner has subscriptions');
  assert.match(await cards.first().getByTestId('subscription-total').innerText(), /^KES [\d,]+\.\d{2}$/);
  await partner.getByTestId('history-row').first().waitFor();
  assert.deepEqual(await accessibilityProblems(partner), []);
  await screenshot(partner, 'funding-1-desktop');
});

test('the partner pays with the sandbox and sees the status change to completed', async () => {
  const cards = partner.getByTestId('subscription-card');
  const count = await cards.count();
  let paid = false;
  for (let i = 0; i < count && !paid; i++) {
    const card = cards.nth(i);
    if ((await card.getByTestId('pay-now').count()) === 0) continue;
    await card.getByTestId('pay-now').click();
    const dialog = partner.getByRole('dialog');
    await dialog.getByTestId('gateway-sandbox').check();
    await dialog.getByTestId('pay-submit').click();
    const started = await Promise.race([
      dialog.getByTestId('payment-status').waitFor().then(() => true),
      dialog.getByTestId('pay-error').waitFor().then(() => false),
    ]);
    if (!started) {
      // Nothing due on this subscription (already paid this period): try the next one.
      await dialog.getByTestId('pay-submit').page().keyboard.press('Escape');
      continue;
    }
    const status = dialog.getByTestId('payment-status');
    await screenshot(partner, 'funding-2-paying', { fullPage: false });
    await partner.waitForFunction(() => document.querySelector('[data-testid="payment-status"]')?.getAttribute('data-status') === 'completed', null, { timeout: 15_000 });
    assert.match(await status.innerText(), /Payment received/);
    const invoice = (await status.innerText()).match(/INV-\d{4}-\d{6}/)?.[0];
    assert.ok(invoice, 'the completed payment names its invoice');
    await screenshot(partner, 'funding-3-completed', { fullPage: false });
    await dialog.getByTestId('pay-close').click();
    // The history shows it, completed, at the top (newest first).
    await partner.getByTestId('history-row').filter({ hasText: invoice }).filter({ hasText: 'Completed' }).first().waitFor();
    paid = true;
  }
  assert.ok(paid, 'some subscription had something due to pay');
});

test('the page is usable at 375 px', async () => {
  await partner.setViewportSize({ width: 375, height: 812 });
  await partner.reload();
  await partner.getByTestId('subscription-card').first().waitFor();
  const overflow = await partner.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `no sideways scroll at 375 px (overflow ${overflow}px)`);
  // The billing history stacks each payment as a card: nothing of a row (amount, status, receipt) lies past the screen's edge.
  const row = partner.getByTestId('history-row').first();
  await row.waitFor();
  for (const part of [row, row.getByTestId('history-status')]) {
    const box = await part.boundingBox();
    assert.ok(box && box.x >= 0 && box.x + box.width <= 375, `a history row fits in 375 px (${JSON.stringify(box)})`);
  }
  assert.ok(await partner.getByTestId('history-table').evaluate((t) => t.parentElement.scrollWidth <= t.parentElement.clientWidth), 'the history does not scroll sideways');
  await screenshot(partner, 'funding-4-375');
  // M-Pesa asks for the number and checks it before anything is sent.
  await partner.getByTestId('pay-now').first().click();
  const dialog = partner.getByRole('dialog');
  await dialog.getByTestId('gateway-mpesa').check();
  await dialog.getByTestId('pay-phone').fill('12345');
  await dialog.getByTestId('pay-submit').click();
  assert.match(await dialog.getByTestId('pay-phone-error').innerText(), /Kenyan mobile number/);
  assert.deepEqual(await accessibilityProblems(partner), []);
  await screenshot(partner, 'funding-5-375-mpesa', { fullPage: false });
});
