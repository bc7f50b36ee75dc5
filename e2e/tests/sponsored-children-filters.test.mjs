// The sponsored-children list, filtered as a partner would: by program, then grade, then a name typed in the search
// box. Each step shows exactly the children the API lists for the same filters, says how many, and is written into
// the address, so a reload (or a shared link) opens the same list. Read only.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { accessibilityProblems, apiOk, launch, loginAndLand, newPage, screenshot } from './browser.mjs';

const SP = '/api/v1/partner/sponsorships';
const PROGRAM = 'Lake Region Scholars 2026';

let browser, page;
before(async () => {
  browser = await launch();
  page = await newPage(browser);
  await loginAndLand(page, 'partner@elimu.demo', '/dashboard/partner');
});
after(async () => {
  await page?.context().close();
  await browser?.close();
});

/** The children the API lists for these filters (every page), as ids. */
async function expected(filters) {
  const query = new URLSearchParams({ ...filters, sort: 'name', pageSize: '100' });
  const list = await apiOk(page, 'GET', `${SP}/children?${query}`);
  assert.ok(list.total <= 24, 'one page of cards');
  return list.items;
}

/** Waits until the cards shown are exactly these children, then checks the count line says so. */
async function showsExactly(children) {
  const ids = children.map((c) => c.id).sort();
  await page.waitForFunction(
    (want) => {
      const shown = [...document.querySelectorAll('[data-testid="child-card"]')].map((el) => el.dataset.childId).sort();
      return JSON.stringify(shown) === JSON.stringify(want);
    },
    ids,
    { timeout: 15_000 },
  );
  const count = await page.getByTestId('children-count').innerText();
  assert.equal(count, children.length === 1 ? '1 child matches these filters' : `${children.length} children match these filters`);
}

const params = () => Object.fromEntries(new URL(page.url()).searchParams);

test('program, grade and search narrow the list, and the address keeps them', async () => {
  await page.goto('/dashboard/partner/sponsored-children');
  await page.getByTestId('view-individual').click();
  const filters = page.getByTestId('child-filters');
  await page.getByTestId('child-card').first().waitFor();
  const programs = await apiOk(page, 'GET', `${SP}/programs?pageSize=100`);
  const programId = programs.items.find((p) => p.name === PROGRAM).id;

  await filters.getByLabel('Program').selectOption({ label: PROGRAM });
  const inProgram = await expected({ programId });
  assert.ok(inProgram.length >= 10, `${PROGRAM} has its children`);
  await showsExactly(inProgram);
  assert.deepEqual(params(), { program: programId });
  for (const text of await page.getByTestId('child-card').allInnerTexts()) assert.match(text, new RegExp(`${PROGRAM}$`));

  // A grade with more than one child of the program in it, chosen by its label as the select shows it.
  const byGrade = {};
  for (const c of inProgram) (byGrade[c.grade] ??= []).push(c);
  const grade = Object.keys(byGrade).find((g) => /^Grade\d+$/.test(g) && byGrade[g].length > 1);
  const gradeLabel = grade.replace(/^Grade/, 'Grade ');
  await filters.getByLabel('Grade').selectOption({ label: gradeLabel });
  const inGrade = await expected({ programId, grade });
  assert.deepEqual(inGrade.map((c) => c.id).sort(), byGrade[grade].map((c) => c.id).sort());
  await showsExactly(inGrade);
  assert.deepEqual(params(), { program: programId, grade });
  for (const text of await page.getByTestId('child-card').allInnerTexts()) assert.match(text, new RegExp(`${gradeLabel} · `));
  await screenshot(page, 'children-filter-program-grade');

  // The search box, with the two selects still set: one child's first name.
  const name = inGrade[0].firstName;
  await filters.getByRole('searchbox').fill(name);
  const found = await expected({ programId, grade, search: name });
  assert.ok(found.some((c) => c.id === inGrade[0].id), `${name} is found`);
  await showsExactly(found);
  await page.waitForURL((url) => url.searchParams.get('q') === name);
  assert.deepEqual(params(), { program: programId, grade, q: name });
  assert.deepEqual(await accessibilityProblems(page), []);
  await screenshot(page, 'children-filter-search');

  // Reloaded, the page reads its filters back from the address.
  await page.reload();
  await showsExactly(found);
  assert.equal(await filters.getByRole('searchbox').inputValue(), name);
  assert.equal(await filters.getByLabel('Program').inputValue(), programId);
  assert.equal(await filters.getByLabel('Grade').inputValue(), grade);

  // A name nobody has: the empty state says why, and Reset brings everyone back.
  await filters.getByRole('searchbox').fill('Zzyzx');
  await page.getByTestId('children-empty').getByText('No children match these filters').waitFor();
  await screenshot(page, 'children-filter-no-match');
  await filters.getByRole('button', { name: 'Reset' }).click();
  await showsExactlyUnfiltered();
  assert.deepEqual(params(), {});
});

async function showsExactlyUnfiltered() {
  // Everyone: the list scrolls through them all (virtualised), so the cards drawn are its first rows, in the API's order.
  const all = await apiOk(page, 'GET', `${SP}/children?sort=name&pageSize=60`);
  await page.waitForFunction(
    (want) => {
      const shown = [...document.querySelectorAll('[data-testid="child-card"]')].map((el) => el.dataset.childId);
      return shown.length >= Math.min(want.length, 9) && shown.every((id, i) => id === want[i]);
    },
    all.items.map((c) => c.id),
    { timeout: 15_000 },
  );
  assert.equal(await page.getByTestId('children-count').innerText(), `${all.total} children`);
}
