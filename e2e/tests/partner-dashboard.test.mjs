// The foundation journey: the demo partner signs in and uses the dashboard shell.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, newPage, login, screenshot } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('the login page explains itself and refuses a wrong password', async () => {
  const page = await newPage(browser);
  await page.goto('/login');
  await screenshot(page, 'login');
  await page.getByLabel(/email/i).fill('partner@elimu.demo');
  await page.getByLabel('Password', { exact: true }).fill('not-the-password');
  await page.getByRole('button', { name: /sign in/i }).click();
  await page.getByText(/email or password is incorrect/i).waitFor();
  await screenshot(page, 'login-error');
  await page.context().close();
});

test('the demo partner lands on a dashboard with figures and a seven-section sidebar', async () => {
  const page = await newPage(browser);
  await login(page, 'partner@elimu.demo');
  await page.waitForURL('**/dashboard/partner');
  const active = page.getByTestId('stat-children-with-consent');
  await active.waitFor();
  assert.match(await active.innerText(), /\d/);
  const sidebar = page.getByTestId('partner-sidebar');
  // One toggle per section (the section items themselves are `sidebar-section-<key>`, their toggles `sidebar-section-toggle-<key>`).
  assert.equal(await sidebar.locator('[data-testid^="sidebar-section-toggle-"]').count(), 7);
  await screenshot(page, 'partner-dashboard');
  await page.context().close();
});

test('collapsing the sidebar survives a reload', async () => {
  const page = await newPage(browser);
  await login(page, 'partner@elimu.demo');
  await page.waitForURL('**/dashboard/partner');
  const sidebar = page.getByTestId('partner-sidebar');
  const wide = (await sidebar.boundingBox()).width;
  await page.getByTestId('sidebar-collapse').click();
  await page.waitForFunction((w) => document.querySelector('[data-testid="partner-sidebar"]').getBoundingClientRect().width < w, wide);
  await page.reload();
  await page.getByTestId('stat-children-with-consent').waitFor();
  const narrow = (await page.getByTestId('partner-sidebar').boundingBox()).width;
  assert.ok(narrow < wide, `collapsed width ${narrow} should be below ${wide}`);
  await screenshot(page, 'partner-sidebar-collapsed');
  await page.getByTestId('sidebar-collapse').click();
  await page.context().close();
});

test('the sidebar search filters the items as you type', async () => {
  const page = await newPage(browser);
  await login(page, 'partner@elimu.demo');
  await page.waitForURL('**/dashboard/partner');
  const sidebar = page.getByTestId('partner-sidebar');
  // The URL changes before the lazily loaded layout has drawn the sidebar: count once its links are there.
  await sidebar.getByRole('link', { name: /partnership overview/i }).waitFor();
  const before = await sidebar.getByRole('link').count();
  await page.getByTestId('sidebar-search').fill('grant');
  await sidebar.getByRole('link', { name: /grant tracking/i }).waitFor();
  const after = await sidebar.getByRole('link').count();
  assert.ok(after < before, `search should hide items (${after} of ${before} visible)`);
  assert.equal(await sidebar.getByRole('link', { name: /^sponsorships/i }).count(), 0);
  await screenshot(page, 'partner-sidebar-search');
  await page.getByTestId('sidebar-search').fill('zzzz');
  await sidebar.getByText(/no matches/i).waitFor();
  await page.context().close();
});

test('on a 375 px phone the sidebar is an overlay opened from the menu button', async () => {
  const page = await newPage(browser, { width: 375, height: 812 });
  await login(page, 'partner@elimu.demo');
  await page.waitForURL('**/dashboard/partner');
  await page.getByTestId('stat-children-with-consent').waitFor();
  await screenshot(page, 'partner-dashboard-mobile');
  await page.getByTestId('mobile-menu-button').click();
  await page.getByTestId('sidebar-overlay').waitFor();
  assert.ok(await page.getByTestId('partner-sidebar').isVisible());
  await screenshot(page, 'partner-sidebar-mobile-overlay');
  await page.getByTestId('sidebar-overlay').click({ position: { x: 360, y: 400 } });
  await page.getByTestId('sidebar-overlay').waitFor({ state: 'detached' });
  await page.context().close();
});

test('parents and admins land on their own dashboards', async () => {
  for (const [email, path, name] of [['parent@elimu.demo', '/dashboard/parent', 'parent-dashboard'], ['admin@elimu.demo', '/dashboard/admin', 'admin-dashboard']]) {
    const page = await newPage(browser);
    await login(page, email);
    await page.waitForURL(`**${path}`);
    await screenshot(page, name);
    await page.context().close();
  }
});

test('unknown routes show a not-found page inside the layout', async () => {
  const page = await newPage(browser);
  await login(page, 'partner@elimu.demo');
  await page.waitForURL('**/dashboard/partner');
  await page.goto('/dashboard/partner/no-such-page');
  await page.getByText(/not found/i).first().waitFor();
  assert.ok(await page.getByTestId('partner-sidebar').isVisible());
  await screenshot(page, 'not-found');
  await page.context().close();
});
