// The sponsored-children list at scale, in Chromium with real layout: 10,000 children (the demo partner's list
// answered by the test with made-up children built from a real one, since the demo data has about 60), of which the
// page holds only the rows on screen and asks the server for the next page as it scrolls. Keyboard users can Tab
// through cards past the first screenful, and axe finds nothing serious. Read only.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { accessibilityProblems, apiOk, launch, loginAndLand, newPage, screenshot } from './browser.mjs';

const TOTAL = 10_000;
let browser, page;
const pagesAsked = [];

before(async () => {
  browser = await launch();
  page = await newPage(browser);
  await loginAndLand(page, 'partner@elimu.demo', '/dashboard/partner');
  const real = await apiOk(page, 'GET', '/api/v1/partner/sponsorships/children?pageSize=1');
  const template = real.items[0];
  assert.ok(template, 'the demo partner has a child to copy');

  // GET /children (the list; not /children/{id} nor /by-program), paged as the server pages it.
  await page.route(/\/api\/v1\/partner\/sponsorships\/children\?/, (route) => {
    const q = new URL(route.request().url()).searchParams;
    const n = Number(q.get('page') ?? 1);
    const size = Number(q.get('pageSize') ?? 20);
    pagesAsked.push(n);
    const from = (n - 1) * size;
    const items = Array.from({ length: Math.max(0, Math.min(size, TOTAL - from)) }, (_, i) => {
      const k = from + i + 1;
      return { ...template, id: `0193a7b0-0000-7000-8000-${String(k).padStart(12, '0')}`, displayName: `Child ${k}`, firstName: `Child ${k}` };
    });
    return route.fulfill({ json: { items, page: n, pageSize: size, total: TOTAL } });
  });
});
after(async () => {
  await page?.context().close();
  await browser?.close();
});

/** How many cards are in the DOM, and the last one's place in the whole list. */
const domWindow = () =>
  page.evaluate(() => {
    const items = [...document.querySelectorAll('[role="list"][aria-label="Sponsored children"] [role="listitem"]')];
    return { cards: items.length, last: Number(items.at(-1)?.getAttribute('aria-posinset') ?? 0), first: Number(items[0]?.getAttribute('aria-posinset') ?? 0) };
  });

test('10,000 children: only a window of cards in the DOM, the next pages loaded as the list scrolls', async () => {
  await page.goto('/dashboard/partner/sponsored-children');
  await page.getByTestId('child-card').first().waitFor();
  assert.equal(await page.getByTestId('children-count').innerText(), '10,000 children');
  const start = await domWindow();
  assert.ok(start.cards > 6 && start.cards < 60, `a screenful of cards in the DOM, not a page of 60 (${start.cards})`);
  assert.deepEqual(pagesAsked, [1]);
  await screenshot(page, 'children-virtual-top', { fullPage: false });

  // Scroll down a screen at a time, as a user would, until 20 pages (1,200 children) have loaded.
  const frames = [];
  for (let step = 0; step < 400 && Math.max(...pagesAsked) < 20; step++) {
    const gap = await page.evaluate(
      () =>
        new Promise((resolve) => {
          const t0 = performance.now();
          window.scrollBy({ top: window.innerHeight, behavior: 'instant' });
          requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - t0)));
        }),
    );
    frames.push(gap);
    const now = await domWindow();
    assert.ok(now.cards < 60, `the DOM keeps a window of cards while scrolling (${now.cards} at step ${step})`);
  }
  assert.ok(Math.max(...pagesAsked) >= 20, `pages loaded as the list scrolled (${Math.max(...pagesAsked)})`);
  // Each page once, in order.
  assert.deepEqual(pagesAsked, Array.from({ length: pagesAsked.length }, (_, i) => i + 1));
  const deep = await domWindow();
  assert.ok(deep.first > 1000, `the cards in the DOM are the ones on screen, far down the list (from ${deep.first})`);
  frames.sort((a, b) => a - b);
  console.log(
    `# ${frames.length} screenfuls scrolled: two frames after each scroll took median ${frames[frames.length >> 1].toFixed(1)} ms, ` +
      `p95 ${frames[Math.floor(frames.length * 0.95)].toFixed(1)} ms; ${deep.cards} cards in the DOM`,
  );
  await screenshot(page, 'children-virtual-deep', { fullPage: false });
});

test('keyboard: Tab goes on past the first screenful of cards', async () => {
  await page.evaluate(() => window.scrollTo({ top: 0, behavior: 'instant' }));
  await page.getByTestId('child-card').first().waitFor();
  const { cards } = await domWindow();
  await page.getByRole('link', { name: 'Child 1', exact: true }).focus();
  let place = 1;
  for (let i = 0; i < cards + 20 && place <= cards + 10; i++) {
    await page.keyboard.press('Tab');
    place = await page.evaluate(() => Number(document.activeElement?.closest('[role="listitem"]')?.getAttribute('aria-posinset') ?? 0));
    assert.ok(place > 0, `focus stays in the list (after ${i + 1} Tabs)`);
  }
  assert.ok(place > cards + 10, `Tab reached card ${place}, beyond the ${cards} drawn at first`);
  // The focused card is on screen.
  const box = await page.evaluate(() => document.activeElement.getBoundingClientRect().toJSON());
  assert.ok(box.top >= 0 && box.bottom <= (await page.evaluate(() => window.innerHeight)), 'the focused card is scrolled into view');
});

test('axe finds nothing serious in the long list', async () => {
  assert.deepEqual(await accessibilityProblems(page), []);
});
