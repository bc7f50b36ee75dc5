// Collaboration (issue 16): a partner writes to Elimu staff and sees the message in Sent; the member of staff finds it
// unread on the admin Messages page, opens it and answers; the partner finds the answer in the inbox. Then a meeting
// from a suggested time and its .ics invitation. Screenshots at 1440 and 375 wide: e2e/screenshots/collaboration-*.png
// and staff-messages-*.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { accessibilityProblems, apiOk, launch, loginAndLand, newPage, screenshot } from './browser.mjs';

const SUBJECT = `E2E question ${Date.now()}`;
const ANSWER = 'The minutes are in order; the attendance sheet for week 3 is attached to the report.';
let browser;
let page;
let staff;

before(async () => {
  browser = await launch();
  page = await newPage(browser);
  await loginAndLand(page, 'partner@elimu.demo', '/dashboard/partner');
  await page.goto('/dashboard/partner/collaboration');
});
after(async () => {
  await page?.context().close().catch(() => undefined);
  await staff?.context().close().catch(() => undefined);
  await browser?.close();
});

test('sends a message to staff and sees it in Sent', async () => {
  await page.getByTestId('message-list').waitFor();
  await screenshot(page, 'collaboration-1-inbox');
  await page.getByTestId('compose').click();
  const recipients = await apiOk(page, 'GET', '/api/v1/partner/collaboration/messages/recipients');
  // The demo's member of staff, who answers in the next test.
  const peter = recipients.find((r) => r.kind === 'staff' && r.email === 'staff@elimu.demo');
  assert.ok(peter, 'staff@elimu.demo can be addressed');
  await page.getByTestId('recipient').selectOption(peter.userId);
  const subject = SUBJECT;
  await page.locator('input[name="subject"]').fill(subject);
  await page.locator('textarea[name="body"]').fill('Could you check the weekly minutes for us?');
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await page.getByTestId('thread').waitFor();
  await page.getByTestId('thread').getByText(subject).waitFor();
  await page.getByTestId('message-list').getByText(subject).waitFor();
  assert.equal(await page.getByTestId('box-sent').getAttribute('aria-pressed'), 'true');
  await screenshot(page, 'collaboration-2-sent');
});

test('staff find the message unread on the admin Messages page and answer it', async () => {
  staff = await newPage(browser);
  await loginAndLand(staff, 'staff@elimu.demo', '/dashboard/admin');
  // The landing page counts the unread messages and links to them.
  await staff.getByTestId('admin-unread-messages').waitFor();
  await staff.getByTestId('admin-messages-link').click();
  await staff.waitForURL('**/dashboard/admin/messages');
  const row = staff.getByTestId('message-row').filter({ hasText: SUBJECT });
  await row.waitFor();
  assert.equal(await row.getAttribute('data-unread'), 'true');
  assert.match(await row.getByTestId('message-partner').innerText(), /\S/);
  await staff.getByTestId('staff-unread-count').waitFor();
  await screenshot(staff, 'staff-messages-1-inbox');

  await row.click();
  const thread = staff.getByTestId('thread');
  await thread.getByText('Could you check the weekly minutes for us?').waitFor();
  assert.match(new URL(staff.url()).search, /thread=/);
  assert.match(await thread.getByTestId('thread-partner').innerText(), / · /);
  await staff.getByTestId('message-reply-body').fill(ANSWER);
  await staff.getByTestId('message-reply-send').click();
  await thread.getByText(ANSWER).waitFor();
  assert.equal(await thread.getByTestId('receipt').last().innerText(), 'Delivered');
  assert.deepEqual(await accessibilityProblems(staff), []);
  await screenshot(staff, 'staff-messages-2-thread');

  // The answer is in Sent, not yet read by the partner.
  await staff.getByTestId('box-sent').click();
  await staff.getByTestId('message-row').filter({ hasText: `Re: ${SUBJECT}` }).getByText('Not read yet').waitFor();
});

test('the staff Messages page fits a phone: the list, then the open conversation alone', async () => {
  await staff.setViewportSize({ width: 375, height: 812 });
  await staff.goto('/dashboard/admin/messages');
  await staff.getByTestId('message-list').waitFor();
  let wide = await staff.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(wide <= 375, `the list is ${wide}px wide`);
  await screenshot(staff, 'staff-messages-375-inbox');
  await staff.getByTestId('message-row').filter({ hasText: SUBJECT }).click();
  await staff.getByTestId('thread').getByText(ANSWER).waitFor();
  assert.equal(await staff.getByTestId('message-list').isVisible(), false, 'the open conversation takes the phone screen');
  wide = await staff.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(wide <= 375, `the conversation is ${wide}px wide`);
  await screenshot(staff, 'staff-messages-375-thread');
  await staff.getByTestId('back-to-messages').click();
  await staff.getByTestId('message-list').waitFor();
});

test('the partner finds the staff answer in the inbox, and staff see it read', async () => {
  await page.goto('/dashboard/partner/collaboration');
  const row = page.getByTestId('message-row').filter({ hasText: `Re: ${SUBJECT}` });
  await row.waitFor();
  assert.equal(await row.getAttribute('data-unread'), 'true');
  await row.click();
  await page.getByTestId('thread').getByText(ANSWER).waitFor();
  await screenshot(page, 'collaboration-2b-answer');
  // The partner's opening is the staff member's read receipt.
  await staff.goto('/dashboard/admin/messages?box=sent');
  await staff.getByTestId('message-row').filter({ hasText: `Re: ${SUBJECT}` }).getByText(/^Read /).waitFor();
});

test('schedules a meeting at a suggested time and downloads the invitation', async () => {
  await page.getByRole('tab', { name: 'Meetings' }).click();
  await page.getByTestId('schedule').click();
  await page.locator('input[name="title"]').fill('E2E planning call');
  await page.getByTestId('schedule-form').getByRole('checkbox').first().check();
  const firstSlot = page.getByTestId('suggested-times').getByRole('button').first();
  await firstSlot.waitFor();
  await firstSlot.click();
  await screenshot(page, 'collaboration-3-schedule');
  await page.getByRole('button', { name: 'Schedule', exact: true }).click();
  await page.getByTestId('schedule-form').waitFor({ state: 'detached' });
  const card = page.getByTestId('meeting-list').locator('li', { hasText: 'E2E planning call' });
  await card.waitFor();
  assert.match(await card.innerText(), /suggested time/);
  const [download] = await Promise.all([page.waitForEvent('download'), card.getByTestId('download-ics').click()]);
  const path = await download.path();
  const text = (await import('node:fs')).readFileSync(path, 'utf8');
  assert.match(text, /BEGIN:VCALENDAR/);
  assert.match(text, /METHOD:REQUEST/);
  assert.match(text, /DTSTART:\d{8}T\d{6}Z/);
  await screenshot(page, 'collaboration-4-meetings');
});

test('fits a phone screen', async () => {
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto('/dashboard/partner/collaboration');
  await page.getByTestId('message-list').waitFor();
  const wide = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(wide <= 375, `the page is ${wide}px wide`);
  await screenshot(page, 'collaboration-375-messages');
  await page.goto('/dashboard/partner/collaboration?tab=meetings');
  await page.getByTestId('meeting-list').waitFor();
  await screenshot(page, 'collaboration-375-meetings');
});
