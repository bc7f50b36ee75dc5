// Issue 20 end to end: child alerts on the demo data. The alert watcher scans at start, so the demo partner's children
// who have not learned for a week have stored alerts. The partner opens the alerts page, dismisses one with a note (the
// note is required), then raises a program's weekly-minutes threshold on the program page and sees it apply: a child of
// that program who learned this week, but less than the new threshold, gets an alert at once.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { apiOk, launch, loginAndLand, newPage, screenshot } from './browser.mjs';

const ALERTS = '/api/v1/partner/alerts';
const SP = '/api/v1/partner/sponsorships';
const NOTE = 'Family travelled upcountry; the school says she is back on Monday.';

let browser, partner;
const state = {};
const fitsWidth = (page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

before(async () => {
  browser = await launch();
  partner = await newPage(browser);
  await loginAndLand(partner, 'partner@elimu.demo', '/dashboard/partner');
});
after(async () => {
  await partner?.context().close().catch(() => undefined);
  await browser?.close();
});

test('the dashboard’s quick link and the sidebar lead to the new alerts', async () => {
  const link = partner.getByTestId('quick-link-alerts');
  await link.waitFor();
  assert.equal(await link.getAttribute('href'), '/dashboard/partner/alerts?state=new');
  const count = Number((await partner.getByTestId('quick-link-count-alerts').innerText()).replace(/\D/g, ''));
  assert.ok(count > 0, 'the watcher raised alerts for the demo children inactive for a week');
  await link.click();
  await partner.waitForURL('**/dashboard/partner/alerts?state=new');
  await partner.getByTestId('alert-row').first().waitFor();
  const listed = await apiOk(partner, 'GET', `${ALERTS}?state=new&pageSize=1`);
  assert.equal(listed.total, count, 'the link opens exactly the alerts it counts');
  assert.equal(await partner.getByTestId('sidebar-badge-child-alerts').innerText(), count > 99 ? '99+' : String(count));
});

test('the alerts page lists, filters and dismisses an alert with a required note', async () => {
  await partner.goto('/dashboard/partner/alerts');
  await partner.getByTestId('alert-row').first().waitFor();
  await screenshot(partner, 'alerts-01-list-1440');

  await partner.getByLabel('State').selectOption('new');
  await partner.waitForURL('**/dashboard/partner/alerts?state=new');
  const row = partner.locator('[data-testid="alert-row"][data-state="new"]').first();
  await row.waitFor();
  state.alertId = await row.getAttribute('data-alert-id');
  state.child = await row.getByTestId('alert-child').innerText();

  await row.getByTestId('alert-dismiss').click();
  const dialog = partner.getByTestId('dismiss-alert-dialog');
  await dialog.waitFor();
  await dialog.getByTestId('confirm-button').click();
  assert.match(await dialog.getByRole('alert').innerText(), /Say why the alert is dismissed/);
  await dialog.getByTestId('dismiss-note').fill(NOTE);
  await screenshot(partner, 'alerts-02-dismiss-dialog', { fullPage: false });
  await dialog.getByTestId('confirm-button').click();
  await dialog.waitFor({ state: 'detached' });

  // Off the list of new alerts; with every state shown, it is there with its note.
  await partner.locator(`[data-alert-id="${state.alertId}"]`).waitFor({ state: 'detached' });
  await partner.getByLabel('State').selectOption('dismissed');
  const dismissed = partner.locator(`[data-alert-id="${state.alertId}"]`);
  await dismissed.waitFor();
  assert.equal(await dismissed.getAttribute('data-state'), 'dismissed');
  assert.match(await dismissed.getByTestId('alert-note').innerText(), /Family travelled upcountry/);
  const stored = (await apiOk(partner, 'GET', `${ALERTS}?state=dismissed&pageSize=100`)).items.find((a) => a.id === state.alertId);
  assert.equal(stored.dismissNote, NOTE);
});

test('a program’s threshold set on its page applies at once', async () => {
  // A child who learned this week, more than the default 30 minutes and well under 1,000: no low-minutes alert yet.
  const children = (await apiOk(partner, 'GET', `${SP}/children?status=ACTIVE&pageSize=100`)).items;
  const child = children.find((c) => c.progress && c.progress.minutesThisWeek >= 30 && c.progress.minutesThisWeek < 900);
  assert.ok(child, 'a demo child learned between 30 and 900 minutes this week');
  const lowFor = async () =>
    (await apiOk(partner, 'GET', `${ALERTS}?programId=${child.programId}&kind=low_minutes&pageSize=100`)).items.filter((a) => a.childId === child.id && a.state !== 'resolved');
  assert.deepEqual(await lowFor(), []);

  await partner.goto(`/dashboard/partner/sponsorships/${child.programId}`);
  const card = partner.getByTestId('alert-thresholds');
  const minutes = card.getByLabel('Weekly minutes below', { exact: true });
  await minutes.waitFor();
  assert.equal(await card.getByTestId('threshold-weeklyMinutesBelow').getByTestId('threshold-source').innerText(), 'Default');

  // Out of range: the API's own message under the field, nothing saved.
  await minutes.fill('5000');
  await card.getByTestId('save-thresholds').click();
  await card.getByText(/Weekly minutes \(0 turns the alert off\) must be from 0 to 1000/).waitFor();

  await minutes.fill('1000');
  await card.getByTestId('save-thresholds').click();
  await partner.getByText('The program’s thresholds were saved; alerts were checked again.').waitFor();
  const row = card.getByTestId('threshold-weeklyMinutesBelow');
  assert.equal(await row.getByTestId('threshold-effective').innerText(), '1,000 minutes');
  assert.equal(await row.getByTestId('threshold-source').innerText(), 'Program');
  await card.scrollIntoViewIfNeeded();
  await screenshot(partner, 'alerts-03-program-thresholds-1440');

  const raised = await lowFor();
  assert.equal(raised.length, 1, 'the new threshold raised a low-minutes alert for the child at once');
  await partner.goto(`/dashboard/partner/alerts?program=${child.programId}&kind=low_minutes`);
  const alertRow = partner.locator(`[data-alert-id="${raised[0].id}"]`);
  await alertRow.waitFor();
  assert.match(await alertRow.innerText(), /alert below 1,000 minutes/);
  assert.match(await alertRow.innerText(), /\(threshold 1,000 minutes\)/, 'the summary writes thousands as the rest of the page does');

  // The child's own Alerts tab shows the program's value as what it inherits.
  await partner.goto(`/dashboard/partner/sponsored-children/${child.id}?tab=alerts`);
  const childRow = partner.getByTestId('alert-thresholds').getByTestId('threshold-weeklyMinutesBelow');
  await childRow.waitFor();
  assert.equal(await childRow.getByTestId('threshold-effective').innerText(), '1,000 minutes');
  assert.equal(await childRow.getByTestId('threshold-source').innerText(), 'Program');

  // Its link lists this child's alerts only (by id: two children may share a name), with a way back to every child.
  await partner.getByTestId('child-alerts-link').click();
  await partner.waitForURL(`**/dashboard/partner/alerts?child=${child.id}`);
  await partner.locator(`[data-alert-id="${raised[0].id}"]`).waitFor();
  const names = await partner.getByTestId('alert-child').allInnerTexts();
  assert.ok(names.length > 0 && names.every((n) => n === names[0]), `one child's alerts only: ${names.join(', ')}`);
  const banner = await partner.getByTestId('alerts-one-child').innerText();
  assert.ok(banner.startsWith(`Alerts of ${names[0]} only.`), banner);
  await screenshot(partner, 'alerts-07-one-child-1440', { fullPage: false });
  await partner.getByRole('button', { name: 'Show every child' }).click();
  await partner.waitForURL((url) => !url.search.includes('child='));
  state.programId = child.programId;
  state.childId = child.id;
});

test('the alerts page, the thresholds and the child’s tab fit a 375 px phone', async () => {
  const phone = await newPage(browser, { width: 375, height: 812 });
  await loginAndLand(phone, 'partner@elimu.demo', '/dashboard/partner');
  await phone.goto('/dashboard/partner/alerts');
  await phone.getByTestId('alert-row').first().waitFor();
  assert.ok(await fitsWidth(phone), 'the alerts page fits 375 px');
  await screenshot(phone, 'alerts-04-list-375');

  await phone.goto(`/dashboard/partner/sponsorships/${state.programId}`);
  const card = phone.getByTestId('alert-thresholds');
  await card.getByLabel('Weekly minutes below', { exact: true }).waitFor();
  assert.ok(await fitsWidth(phone), 'the program page with its thresholds fits 375 px');
  await card.scrollIntoViewIfNeeded();
  await screenshot(phone, 'alerts-05-program-thresholds-375', { fullPage: false });

  await phone.goto(`/dashboard/partner/sponsored-children/${state.childId}?tab=alerts`);
  await phone.getByTestId('alert-thresholds').getByLabel('Days without learning', { exact: true }).waitFor();
  assert.ok(await fitsWidth(phone), 'the child’s Alerts tab fits 375 px');
  await screenshot(phone, 'alerts-06-child-tab-375');

  await phone.getByTestId('child-alerts-link').click();
  await phone.getByTestId('alerts-one-child').waitFor();
  await phone.getByTestId('alert-row').first().waitFor();
  assert.ok(await fitsWidth(phone), 'one child’s alerts fit 375 px');
  await screenshot(phone, 'alerts-08-one-child-375', { fullPage: false });
  await phone.context().close();
});
