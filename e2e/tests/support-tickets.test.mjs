// Support tickets (issue 16): a partner opens a ticket in the browser and sees triage's suggestion before and after
// submitting; a member of staff finds it in the queue, assigns it, replies and resolves it; the partner sees the reply
// and the resolution, and may reopen. Screenshots: e2e/screenshots/tickets-*.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { accessibilityProblems, launch, loginAndLand, newPage, screenshot } from './browser.mjs';

const SUBJECT = `Charged twice for the March invoice ${Date.now()}`;
let browser;
let partner;
let staff;

before(async () => {
  browser = await launch();
  partner = await newPage(browser);
  await loginAndLand(partner, 'partner@elimu.demo', '/dashboard/partner');
  await partner.goto('/dashboard/partner/tickets');
});
after(async () => {
  await partner?.context().close().catch(() => undefined);
  await staff?.context().close().catch(() => undefined);
  await browser?.close();
});

test('the tickets page lists the partner’s tickets under Support', async () => {
  await partner.getByTestId('ticket-list').waitFor();
  assert.equal(await partner.getByRole('heading', { level: 1 }).innerText(), 'Tickets');
  assert.equal(await partner.getByTestId('sidebar-item-tickets').getAttribute('data-built'), 'true');
  assert.deepEqual(await accessibilityProblems(partner), []);
  await screenshot(partner, 'tickets-1-list');
});

test('a new ticket shows triage’s suggestion as it is typed, and keeps it once opened', async () => {
  await partner.getByTestId('new-ticket').click();
  const form = partner.getByTestId('new-ticket-form');
  await form.waitFor();
  await partner.getByTestId('ticket-subject').fill(SUBJECT);
  await partner.getByTestId('ticket-description').fill('M-Pesa shows two payments for the same invoice. Please refund one.');
  await partner.getByTestId('triage-category').waitFor();
  assert.equal(await partner.getByTestId('triage-category').innerText(), 'Billing');
  assert.equal(await partner.getByTestId('triage-priority').innerText(), 'High');
  await screenshot(partner, 'tickets-2-new-with-triage');
  await partner.getByTestId('ticket-submit').click();
  const detail = partner.getByTestId('ticket-detail');
  await detail.waitFor();
  await partner.waitForFunction((s) => document.querySelector('#ticket-title')?.textContent === s, SUBJECT);
  assert.match(await partner.getByTestId('ticket-triage').innerText(), /Billing · High/);
  assert.equal(await partner.getByTestId('ticket-status').innerText(), 'Open');
  await screenshot(partner, 'tickets-3-opened');
});

test('staff assign, reply and resolve from the queue', async () => {
  staff = await newPage(browser);
  await loginAndLand(staff, 'staff@elimu.demo', '/dashboard/admin');
  await staff.goto('/dashboard/admin/tickets');
  await staff.getByTestId('ticket-list').waitFor();
  await staff.getByRole('link', { name: new RegExp(SUBJECT) }).click();
  const detail = staff.getByTestId('staff-ticket-detail');
  await detail.waitFor();
  const me = await staff.locator('[data-testid="ticket-assignee"] option', { hasText: '(me)' }).getAttribute('value');
  await staff.getByTestId('ticket-assignee').selectOption(me);
  await staff.waitForFunction(() => document.querySelector('[data-testid="staff-ticket-status"]')?.textContent === 'In progress');
  await staff.getByTestId('ticket-reply-body').fill('We can see both payments. The PayPal one is being refunded now.');
  await staff.getByTestId('ticket-reply-send').click();
  await staff.locator('[data-testid="ticket-message"][data-party="staff"]').first().waitFor();
  assert.deepEqual(await accessibilityProblems(staff), []);
  await screenshot(staff, 'tickets-4-staff-queue');
  await staff.getByTestId('ticket-resolution-text').fill('The PayPal payment was refunded in full.');
  await staff.getByTestId('ticket-resolve').click();
  await staff.waitForFunction(() => document.querySelector('[data-testid="staff-ticket-status"]')?.textContent === 'Resolved');
});

test('the partner sees the staff reply and the resolution, and can reopen', async () => {
  await partner.reload();
  await partner.getByTestId('ticket-detail').waitFor();
  const reply = partner.locator('[data-testid="ticket-message"][data-party="staff"]').first();
  await reply.waitFor();
  assert.match(await reply.innerText(), /PayPal one is being refunded/);
  assert.match(await partner.getByTestId('ticket-resolution').innerText(), /refunded in full/);
  assert.equal(await partner.getByTestId('ticket-status').innerText(), 'Resolved');
  await partner.getByTestId('ticket-reopen').waitFor();
  assert.deepEqual(await accessibilityProblems(partner), []);
  await screenshot(partner, 'tickets-5-partner-sees-reply');
  await partner.getByTestId('ticket-reopen').click();
  await partner.waitForFunction(() => document.querySelector('[data-testid="ticket-status"]')?.textContent === 'Open');
});
