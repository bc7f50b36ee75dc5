// Every page the product has, as the demo data leaves it, at 1,440 px and at 375 px: axe finds no serious or critical
// problem, and a screenshot of each is written to e2e/screenshots/page-<width>-<role>-<page>.png to be looked at.
// The partner's pages are the sidebar's links (built sections and "Soon" ones alike) as the sidebar itself lists
// them, a sponsorship's page, and a child's page on each tab, with consent and without. Read only.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, rmSync } from 'node:fs';
import { accessibilityProblems, apiOk, launch, loginAndLand, newPage, screenshot } from './browser.mjs';

const SP = '/api/v1/partner/sponsorships';
const WIDTHS = [1440, 375];
const CHILD_TABS = ['learning-journey', 'activity', 'achievements', 'goals', 'ai-insights'];

let browser;
before(async () => {
  const dir = new URL('../screenshots/', import.meta.url);
  for (const file of readdirSync(dir)) if (file.startsWith('page-')) rmSync(new URL(file, dir));
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** Opens a page and waits until its content, not its loading skeleton, is drawn. */
async function visit(page, path) {
  await page.goto(path);
  await page.locator('h1').first().waitFor();
  await page.waitForLoadState('networkidle', { timeout: 5000 }).catch(() => undefined);
  await page.locator('[aria-busy="true"]').first().waitFor({ state: 'detached', timeout: 5000 }).catch(() => undefined);
}

const slug = (path) =>
  path
    .replace(/^\/dashboard\/(partner|parent|admin)\/?/, '')
    .replace(/[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}/g, 'id')
    .replace(/[^a-z0-9]+/gi, '-')
    .replace(/^-+|-+$/g, '') || 'home';

/**
 * Visits each page at each width: checks it with axe and saves its screenshot. `pages` are [name, path] pairs;
 * one axe run per page and width, every finding gathered so a single run names them all.
 */
async function checkPages(role, email, landing, pages) {
  const failures = [];
  for (const width of WIDTHS) {
    const page = await newPage(browser, { width, height: width > 400 ? 900 : 812 });
    if (email) await loginAndLand(page, email, landing);
    for (const [name, path] of pages) {
      await visit(page, path);
      for (const problem of await accessibilityProblems(page)) failures.push(`${width} px ${path}: ${problem}`);
      await screenshot(page, `page-${width}-${role}-${name}`);
    }
    await page.context().close();
  }
  assert.deepEqual(failures, [], 'serious or critical accessibility problems');
}

test('the sign-in page and a not-found address, signed out', async () => {
  await checkPages('public', null, null, [
    ['login', '/login'],
    ['signup', '/signup'],
    ['not-found', '/no-such-page'],
  ]);
  // A visitor has no dashboard yet: the way on from a wrong address is signing in.
  const page = await newPage(browser);
  await visit(page, '/no-such-page');
  const way = page.getByTestId('not-found').getByRole('link');
  assert.equal(await way.innerText(), 'Go to sign in');
  assert.equal(await way.getAttribute('href'), '/login');
  await page.context().close();
});

test('every page of the partner: the sidebar’s links, a sponsorship, a child on each tab', async () => {
  const page = await newPage(browser);
  await loginAndLand(page, 'partner@elimu.demo', '/dashboard/partner');
  const sidebar = page.getByTestId('partner-sidebar');
  await sidebar.getByRole('link', { name: /partnership overview/i }).waitFor();
  // Only the current section starts open: open the others to read their links.
  const toggles = sidebar.locator('[data-testid^="sidebar-section-toggle-"][aria-expanded="false"]');
  while ((await toggles.count()) > 0) await toggles.first().click();
  const links = await sidebar.locator('a[href]').evaluateAll((as) => [...new Set(as.map((a) => a.getAttribute('href')))]);
  // 7 sections: 4 built pages (and the Quick Links anchor), 6 child tabs and 18 sections not built yet.
  assert.ok(links.length >= 28, `the sidebar lists ${links.length} links: ${links.join(', ')}`);

  const active = (await apiOk(page, 'GET', `${SP}/children?status=ACTIVE&pageSize=1`)).items[0];
  const waiting = (await apiOk(page, 'GET', `${SP}/children?status=PENDING_CONSENT&pageSize=1`)).items[0];
  const draft = (await apiOk(page, 'GET', `${SP}/programs?status=DRAFT&pageSize=1`)).items[0];
  await page.context().close();
  assert.ok(active && waiting && draft, 'the demo partner has an active child, a child waiting for consent and a draft');

  const pages = [
    ...links.filter((href) => !href.includes('#')).map((href) => [slug(href), href]),
    ['sponsorship-active', `/dashboard/partner/sponsorships/${active.programId}`],
    ['sponsorship-draft', `/dashboard/partner/sponsorships/${draft.id}`],
    ...CHILD_TABS.map((tab) => [`child-${tab}`, `/dashboard/partner/sponsored-children/${active.id}?tab=${tab}`]),
    ['child-consent-required', `/dashboard/partner/sponsored-children/${waiting.id}`],
    ['not-found', '/dashboard/partner/no-such-page'],
    ['not-allowed', '/dashboard/admin'],
  ];
  await checkPages('partner', 'partner@elimu.demo', '/dashboard/partner', pages);
});

test('every page of the parent: home, the inbox, and a request in each state', async () => {
  const page = await newPage(browser);
  await loginAndLand(page, 'parent@elimu.demo', '/dashboard/parent');
  const consents = await apiOk(page, 'GET', '/api/v1/parent/consents');
  await page.context().close();
  const list = Array.isArray(consents) ? consents : consents.items;
  const byStatus = (status) => list.find((c) => c.status === status);
  assert.ok(byStatus('pending') && byStatus('given') && byStatus('revoked'), 'Grace has a request waiting, one given and one withdrawn');

  await checkPages('parent', 'parent@elimu.demo', '/dashboard/parent', [
    ['home', '/dashboard/parent'],
    ['consents', '/dashboard/parent/consents'],
    ...['pending', 'given', 'revoked'].map((status) => [`consent-${status}`, `/dashboard/parent/consents/${byStatus(status).id}`]),
    ['settings', '/dashboard/parent/settings'],
    ['not-found', '/dashboard/parent/no-such-page'],
  ]);
});

test('every page of the admin: home, the approval queue, the audit log', async () => {
  await checkPages('admin', 'admin@elimu.demo', '/dashboard/admin', [
    ['home', '/dashboard/admin'],
    ['sponsorship-programs', '/dashboard/admin/sponsorship-programs'],
    ['audit', '/dashboard/admin/audit'],
    ['settings', '/dashboard/admin/settings'],
    ['tickets', '/dashboard/admin/tickets'],
    ['messages', '/dashboard/admin/messages'],
    ['partners', '/dashboard/admin/partners'],
    ['resources', '/dashboard/admin/resources'],
    ['not-found', '/dashboard/admin/no-such-page'],
  ]);
});
