// The notification centre (issue 16): the bell in the shell shows the partner's unread count; the page lists the
// notifications, filters them, marks one and then all read (the bell follows); the preferences form saves and keeps
// its choices. Screenshots: e2e/screenshots/notifications-*.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { accessibilityProblems, apiOk, launch, loginAndLand, newPage, screenshot } from './browser.mjs';

const BASE = '/api/v1/partner/account/notifications';
let browser;
let page;

const bellCount = async () => {
  const badge = page.getByTestId('notification-bell-count');
  return (await badge.count()) === 0 ? 0 : Number(await badge.innerText());
};

before(async () => {
  browser = await launch();
  page = await newPage(browser);
  await loginAndLand(page, 'partner@elimu.demo', '/dashboard/partner');
});
after(async () => {
  await page?.context().close().catch(() => undefined);
  await browser?.close();
});

test('the bell shows the unread count and opens the notification centre', async () => {
  const unread = (await apiOk(page, 'GET', `${BASE}?unread=true`)).total;
  assert.ok(unread > 0, 'the demo partner has unread notifications');
  await page.getByTestId('notification-bell-count').waitFor();
  assert.equal(await bellCount(), unread);
  await page.getByTestId('notification-bell').click();
  await page.waitForURL('**/dashboard/partner/notifications');
  await page.getByTestId('notification-list').waitFor();
  assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Notifications');
  assert.deepEqual(await accessibilityProblems(page), []);
  await screenshot(page, 'notifications-1-list');
});

test('filters by category and by unread', async () => {
  await page.getByLabel('Category').selectOption('report');
  await page.waitForURL(/category=report/);
  // The router renders the new search in a transition, so the unfiltered list can still be on screen for a moment
  // after the address changes: wait for the filtered one before reading it.
  await page.waitForFunction(() => {
    const items = [...document.querySelectorAll('[data-testid="notification-list"] li')];
    return items.length > 0 && items.every((li) => li.textContent.includes('Reports ·'));
  });
  const texts = await page.getByTestId('notification-list').getByRole('listitem').allInnerTexts();
  assert.ok(texts.length > 0);
  assert.ok(texts.every((t) => t.includes('Reports ·')), texts.join(' | '));
  await page.getByLabel('Show').selectOption('unread');
  await page.waitForURL(/unread=true/);
  await screenshot(page, 'notifications-2-filtered');
  await page.getByRole('button', { name: /Reset/ }).click();
  await page.waitForURL((url) => !url.search.includes('category'));
});

test('marking one read and then all read empties the bell', async () => {
  const before = await bellCount();
  const first = page.locator('[data-unread="true"]').first();
  await first.getByTestId('mark-read').click();
  await page.waitForFunction((n) => {
    const badge = document.querySelector('[data-testid="notification-bell-count"]');
    return (badge ? Number(badge.textContent) : 0) === n;
  }, before - 1);
  await page.getByTestId('mark-all-read').click();
  await page.getByTestId('notification-bell-count').waitFor({ state: 'detached' });
  await page.locator('[data-unread="true"]').first().waitFor({ state: 'detached' });
  assert.equal((await apiOk(page, 'GET', `${BASE}?unread=true`)).total, 0);
  await screenshot(page, 'notifications-3-all-read');
});

test('the preferences are saved and kept', async () => {
  await page.getByRole('tab', { name: 'Preferences' }).click();
  const form = page.getByTestId('preferences-form');
  await form.waitFor();
  await form.getByLabel('Programs: email').uncheck();
  await page.getByTestId('digest-frequency').selectOption('daily');
  await page.getByTestId('save-preferences').click();
  await page.getByText('Your notification preferences are saved.').waitFor();
  assert.deepEqual(await accessibilityProblems(page), []);
  await screenshot(page, 'notifications-4-preferences');

  await page.reload();
  await page.getByTestId('preferences-form').waitFor();
  assert.equal(await page.getByTestId('digest-frequency').inputValue(), 'daily');
  assert.equal(await page.getByTestId('preferences-form').getByLabel('Programs: email').isChecked(), false);
  const saved = await apiOk(page, 'GET', `${BASE}/preferences`);
  assert.equal(saved.digest, 'daily');
  assert.equal(saved.categories.find((c) => c.category === 'program').email, false);
  // Leave the demo account as it was.
  await apiOk(page, 'PUT', `${BASE}/preferences`, { digest: 'weekly', categories: [{ category: 'program', inApp: true, email: true, digest: true }] });
});

test('on a phone the bell stays in the top bar', async () => {
  const phone = await newPage(browser, { width: 375, height: 812 });
  await loginAndLand(phone, 'partner2@elimu.demo', '/dashboard/partner');
  await phone.getByTestId('notification-bell').waitFor();
  await phone.goto('/dashboard/partner/notifications');
  await phone.getByTestId('notification-list').waitFor();
  await screenshot(phone, 'notifications-5-phone');
  await phone.context().close();
});
