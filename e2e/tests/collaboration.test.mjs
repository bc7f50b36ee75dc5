// Collaboration (issue 16): a partner writes to Elimu staff and sees the message in Sent; schedules a meeting from a
// suggested time and downloads its .ics invitation. Screenshots at 1440 and 375 wide: e2e/screenshots/collaboration-*.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { apiOk, launch, loginAndLand, newPage, screenshot } from './browser.mjs';

let browser;
let page;

before(async () => {
  browser = await launch();
  page = await newPage(browser);
  await loginAndLand(page, 'partner@elimu.demo', '/dashboard/partner');
  await page.goto('/dashboard/partner/collaboration');
});
after(async () => {
  await page?.context().close().catch(() => undefined);
  await browser?.close();
});

test('sends a message to staff and sees it in Sent', async () => {
  await page.getByTestId('message-list').waitFor();
  await screenshot(page, 'collaboration-1-inbox');
  await page.getByTestId('compose').click();
  const recipients = await apiOk(page, 'GET', '/api/v1/partner/collaboration/messages/recipients');
  const staff = recipients.find((r) => r.kind === 'staff');
  assert.ok(staff, 'a member of staff can be addressed');
  await page.getByTestId('recipient').selectOption(staff.userId);
  const subject = `E2E question ${Date.now()}`;
  await page.locator('input[name="subject"]').fill(subject);
  await page.locator('textarea[name="body"]').fill('Could you check the weekly minutes for us?');
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await page.getByTestId('thread').waitFor();
  await page.getByTestId('thread').getByText(subject).waitFor();
  await page.getByTestId('message-list').getByText(subject).waitFor();
  assert.equal(await page.getByTestId('box-sent').getAttribute('aria-pressed'), 'true');
  await screenshot(page, 'collaboration-2-sent');
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
