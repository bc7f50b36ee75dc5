// Every page the product has, at 375 px (a phone) and at 1,440 px with a 200-character program name in the data:
// the document is never wider than the viewport, so nothing pans sideways and no table is pushed off screen.
// Runs after the other files (they read the demo data as seeded); its program is the demo partner's own draft.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { apiOk, launch, loginAndLand, newPage, screenshot } from './browser.mjs';

const SP = '/api/v1/partner/sponsorships';
// A long name with spaces and one long unbroken run: both must wrap or be cut, never widen the page.
const LONG_NAME = `Lake Victoria Basin Girls in STEM Scholars Programme ${'Supercalifragilisticexpialidocious'.repeat(6)}`.slice(0, 200);
const CHILD_TABS = ['learning-journey', 'activity', 'achievements', 'goals', 'ai-insights'];
// The sections the sidebar lists before they are built (each has its own placeholder page).
const SECTIONS = ['alerts', 'ai-highlights', 'impact-reports', 'collaboration', 'sponsored-courses', 'resources', 'ai-resources', 'funding', 'budget',
  'grants', 'roi-metrics', 'custom-reports', 'student-insights', 'tickets', 'notifications', 'profile', 'settings'];

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** The document's width against the viewport's, and the elements that stick out (for the message). */
async function overflow(page) {
  return page.evaluate(() => {
    const width = window.innerWidth;
    const wide = [...document.body.querySelectorAll('*')].filter((el) => {
      const r = el.getBoundingClientRect();
      // Text that spills out of its box (an unbroken word) widens the page without widening any box.
      const spills = getComputedStyle(el).overflowX === 'visible' && r.left + el.scrollWidth > width + 1;
      if (r.width === 0 || (r.right <= width + 1 && !spills)) return false;
      // One scrolled inside a frame (a wide table, the tab strip) is where it belongs.
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) if (getComputedStyle(p).overflowX !== 'visible') return false;
      return true;
    });
    // Name the deepest ones: their ancestors stick out only because of them.
    const deepest = wide.filter((el) => !wide.some((other) => other !== el && el.contains(other)));
    const describe = (el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.dataset.testid ? `[data-testid=${el.dataset.testid}]` : ''}.${[...el.classList].slice(0, 4).join('.')} (${Math.round(el.getBoundingClientRect().right)} px)`;
    return { scrollWidth: document.documentElement.scrollWidth, width, culprits: deepest.slice(0, 5).map(describe) };
  });
}

/** Opens a page and waits until its content (not its loading skeleton) is drawn. */
async function visit(page, path) {
  await page.goto(path);
  await page.locator('main h1, h1').first().waitFor();
  await page.waitForLoadState('networkidle', { timeout: 5000 }).catch(() => undefined);
  await page.locator('[aria-busy="true"]').first().waitFor({ state: 'detached', timeout: 5000 }).catch(() => undefined);
  // The children's "By program" view is a toggle (kept per browser), not a route.
  if (path.endsWith('#by-program')) {
    await page.getByTestId('view-cohort').click();
    await page.getByTestId('cohort-group').first().waitFor();
  } else if (path.endsWith('/sponsored-children')) {
    await page.getByTestId('view-individual').click();
  }
}

const slug = (path) => path.replace(/^\/dashboard\//, '').replace(/[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}/g, 'id').replace(/[^a-z0-9]+/gi, '-').replace(/-+$/, '');

/** The partner's pages: every route, a sponsorship's detail and a child's page with each tab. */
async function partnerPages(page, { programId, childId }) {
  return [
    '/dashboard/partner',
    '/dashboard/partner/sponsorships',
    `/dashboard/partner/sponsorships/${programId}`,
    '/dashboard/partner/sponsored-children',
    '/dashboard/partner/sponsored-children#by-program',
    ...CHILD_TABS.map((tab) => `/dashboard/partner/sponsored-children/${childId}?tab=${tab}`),
    '/dashboard/partner/enrollments',
    '/dashboard/partner/help-resources',
    '/dashboard/partner/training',
    ...SECTIONS.map((s) => `/dashboard/partner/${s}`),
    '/dashboard/partner/no-such-page',
  ];
}

/** An active child of the demo partner (consent given, so every tab has data) and the program it is in. */
async function activeChild(page) {
  const children = await apiOk(page, 'GET', `${SP}/children?status=ACTIVE&pageSize=1`);
  const child = children.items[0];
  assert.ok(child, 'the demo partner has an active child');
  return { childId: child.id, programId: child.programId };
}

test('at 375 px no page of the partner is wider than the screen, and every tab of the child page is reachable', async () => {
  const page = await newPage(browser, { width: 375, height: 812 });
  await loginAndLand(page, 'partner@elimu.demo', '/dashboard/partner');
  const ids = await activeChild(page);
  const failures = [];
  for (const path of await partnerPages(page, ids)) {
    await visit(page, path);
    const { scrollWidth, width, culprits } = await overflow(page);
    if (scrollWidth > width) failures.push(`${path}: ${scrollWidth} px (${culprits.join(', ')})`);
    if (!SECTIONS.some((s) => path.endsWith(s))) await screenshot(page, `width-375-${slug(path)}`);
  }
  assert.deepEqual(failures, [], 'pages wider than 375 px');

  // The tab strip scrolls inside itself: each tab, once focused by the keyboard, is on screen.
  await visit(page, `/dashboard/partner/sponsored-children/${ids.childId}`);
  const tabs = page.getByRole('tab');
  await tabs.first().focus();
  for (let i = 0; i < CHILD_TABS.length; i++) {
    const box = await tabs.nth(i).boundingBox();
    assert.ok(box && box.x >= 0 && box.x + box.width <= 375, `tab ${i + 1} is on screen (${JSON.stringify(box)})`);
    await page.keyboard.press('ArrowRight');
  }
  await page.getByRole('tab', { name: 'AI Insights' }).click();
  await page.getByTestId('panel-ai-insights').waitFor();
  await page.context().close();
});

test('at 375 px the parent’s and the admin’s pages fit the screen', async () => {
  const failures = [];
  const parent = await newPage(browser, { width: 375, height: 812 });
  await loginAndLand(parent, 'parent@elimu.demo', '/dashboard/parent');
  const consents = await apiOk(parent, 'GET', '/api/v1/parent/consents');
  const list = Array.isArray(consents) ? consents : consents.items;
  for (const path of ['/dashboard/parent', '/dashboard/parent/consents', `/dashboard/parent/consents/${list[0].id}`]) {
    await visit(parent, path);
    const { scrollWidth, width, culprits } = await overflow(parent);
    if (scrollWidth > width) failures.push(`${path}: ${scrollWidth} px (${culprits.join(', ')})`);
  }
  await parent.context().close();

  const admin = await newPage(browser, { width: 375, height: 812 });
  await loginAndLand(admin, 'admin@elimu.demo', '/dashboard/admin');
  for (const path of ['/dashboard/admin', '/dashboard/admin/sponsorship-programs', '/dashboard/admin/audit', '/dashboard/admin/messages']) {
    await visit(admin, path);
    const { scrollWidth, width, culprits } = await overflow(admin);
    if (scrollWidth > width) failures.push(`${path}: ${scrollWidth} px (${culprits.join(', ')})`);
    await screenshot(admin, `width-375-${slug(path)}`);
  }
  await admin.context().close();
  assert.deepEqual(failures, [], 'pages wider than 375 px');
});

test('a 200-character program name widens no page at 1,440 px (or at 375 px)', async () => {
  const page = await newPage(browser, { width: 1440, height: 900 });
  await loginAndLand(page, 'partner@elimu.demo', '/dashboard/partner');
  assert.equal(LONG_NAME.length, 200);
  const program = await apiOk(page, 'POST', `${SP}/programs`, {
    name: LONG_NAME,
    description: 'A program whose name is as long as the form allows.',
    programType: 'direct',
    minChildren: 10,
    maxChildren: 12,
    billingPeriod: 'monthly',
    pricePerChild: 1000,
    currency: 'KES',
  }, 201);
  const available = await apiOk(page, 'GET', `${SP}/available-students?pageSize=10`);
  assert.equal(available.items.length, 10, 'the demo partner has ten children to add (the minimum)');
  await apiOk(page, 'POST', `${SP}/programs/${program.id}/children`, { studentIds: available.items.map((s) => s.studentId) });
  const children = await apiOk(page, 'GET', `${SP}/children?programId=${program.id}&pageSize=1`);
  await apiOk(page, 'POST', `${SP}/programs/${program.id}/submit`, {});
  const ids = { programId: program.id, childId: children.items[0].id };

  const failures = [];
  for (const width of [1440, 375]) {
    await page.setViewportSize({ width, height: 900 });
    for (const path of await partnerPages(page, ids)) {
      if (SECTIONS.some((s) => path.endsWith(s))) continue;
      await visit(page, path);
      const { scrollWidth, culprits } = await overflow(page);
      if (scrollWidth > width) failures.push(`${width} px ${path}: ${scrollWidth} px (${culprits.join(', ')})`);
      await screenshot(page, `width-long-name-${width}-${slug(path)}`);
    }
  }
  assert.deepEqual(failures, [], 'partner pages widened by a 200-character name');

  // The name is drawn whole somewhere (the detail page's title) and cut with a tooltip in the tables.
  await page.setViewportSize({ width: 1440, height: 900 });
  await visit(page, '/dashboard/partner/sponsorships');
  const cell = page.locator(`[title="${LONG_NAME}"]`).first();
  await cell.waitFor();
  const box = await cell.boundingBox();
  assert.ok(box.width < 1440 / 2, `the name takes ${box.width} px of the sponsorships table`);
  await page.context().close();

  const admin = await newPage(browser, { width: 1440, height: 900 });
  await loginAndLand(admin, 'admin@elimu.demo', '/dashboard/admin');
  for (const width of [1440, 375]) {
    await admin.setViewportSize({ width, height: 900 });
    await visit(admin, '/dashboard/admin/sponsorship-programs');
    await admin.locator(`[title="${LONG_NAME}"]`).first().waitFor();
    const { scrollWidth, culprits } = await overflow(admin);
    if (scrollWidth > width) failures.push(`${width} px admin programs: ${scrollWidth} px (${culprits.join(', ')})`);
    await screenshot(admin, `width-long-name-${width}-admin-sponsorship-programs`);
  }
  await admin.context().close();
  assert.deepEqual(failures, [], 'the admin’s programs page widened by a 200-character name');
});
