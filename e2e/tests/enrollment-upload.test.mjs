// Bulk enrolment from a file (plan Step 10, Enrollments): the demo partner uploads a CSV made here, reads the dry run
// (every row with its outcome, nothing added while any row has a problem), uploads the corrected file against a program
// chosen on the page, commits, and finds the children in the program's list. The program is this test's own draft.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { accessibilityProblems, apiOk, launch, loginAndLand, newPage, screenshot } from './browser.mjs';

const SP = '/api/v1/partner/sponsorships';
const PROGRAM = 'Coastal Readers Upload (e2e)';

let browser, page;
const state = {};
before(async () => {
  browser = await launch();
  page = await newPage(browser);
  await loginAndLand(page, 'partner@elimu.demo', '/dashboard/partner');
  const program = await apiOk(page, 'POST', `${SP}/programs`, {
    name: PROGRAM,
    description: 'Children enrolled from a file by the end-to-end suite.',
    programType: 'cohort',
    minChildren: 10,
    maxChildren: 20,
    billingPeriod: 'monthly',
    pricePerChild: 1000,
    currency: 'KES',
  }, 201);
  state.programId = program.id;
  state.students = (await apiOk(page, 'GET', `${SP}/available-students?pageSize=4`)).items;
  assert.equal(state.students.length, 4, 'four learners the demo partner does not sponsor yet');
  state.sponsored = (await apiOk(page, 'GET', `${SP}/children?status=ACTIVE&pageSize=1`)).items[0];
});
after(async () => {
  await page?.context().close();
  await browser?.close();
});

/** A CSV file as a spreadsheet would save it; `rows` are arrays of cells under `header`. */
function csv(name, header, rows) {
  const text = [header, ...rows].map((cells) => cells.join(',')).join('\r\n') + '\r\n';
  return { name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') };
}

async function choose(file) {
  const checked = page.waitForResponse((r) => r.url().includes('/enrollments/imports/dry-run'));
  await page.getByTestId('file-input').setInputFiles(file);
  await checked;
  await page.getByTestId('dry-run-preview').waitFor();
}

const outcomes = () => page.getByTestId('dry-run-rows').locator('tbody tr').evaluateAll((trs) =>
  trs.map((tr) => [tr.cells[0].textContent.trim(), tr.querySelector('[data-testid="row-outcome"]')?.textContent.trim()]));

test('the dry run lists every row with its outcome and adds nothing while a row has a problem', async () => {
  await page.goto('/dashboard/partner/enrollments');
  await page.getByTestId('upload-card').waitFor();
  const [a, b, c, d] = state.students;
  await choose(csv('first-try.csv', ['student_id', 'program'], [
    [a.studentId, PROGRAM],
    [b.studentId, PROGRAM],
    [c.studentId, PROGRAM],
    [d.studentId, PROGRAM],
    [randomUUID(), PROGRAM],
    [a.studentId, PROGRAM],
    [state.sponsored.studentId, PROGRAM],
  ]));

  assert.equal(await page.getByTestId('count-total').innerText(), '7');
  assert.equal(await page.getByTestId('count-ok').innerText(), '4');
  assert.equal(await page.getByTestId('count-errors').innerText(), '3');
  // Rows are numbered from the first student (the header is not counted); the problems are shown first, on their own.
  assert.deepEqual(await outcomes(), [
    ['5', 'Student not found'],
    ['6', 'Duplicate in file'],
    ['7', 'Already sponsored'],
  ]);
  assert.equal(await page.getByTestId('commit-import').isDisabled(), true);
  assert.match(await page.getByTestId('commit-hint').innerText(), /Fix the 3 rows with problems/);
  assert.deepEqual(await accessibilityProblems(page), []);
  await screenshot(page, 'enrollment-upload-1-problems');

  await page.getByTestId('only-problems').uncheck();
  await page.getByTestId('dry-run-rows').locator('tbody tr').nth(6).waitFor();
  const all = await outcomes();
  assert.deepEqual(all.map(([row]) => row), ['1', '2', '3', '4', '5', '6', '7']);
  assert.deepEqual(all.slice(0, 4).map(([, outcome]) => outcome), ['Ready', 'Ready', 'Ready', 'Ready']);
  assert.match(await page.getByTestId('dry-run-rows').innerText(), new RegExp(a.displayName));
  await screenshot(page, 'enrollment-upload-2-all-rows');
  const program = await apiOk(page, 'GET', `${SP}/programs/${state.programId}`);
  assert.equal(program.children.enrolled, 0, 'a dry run adds nobody');
});

test('the corrected file, sent to the program chosen on the page, is committed and the children are listed', async () => {
  await page.getByTestId('import-program').selectOption(state.programId);
  await choose(csv('corrected.csv', ['student_id'], state.students.map((s) => [s.studentId])));
  assert.equal(await page.getByTestId('count-total').innerText(), '4');
  assert.equal(await page.getByTestId('count-errors').innerText(), '0');
  assert.equal(await page.getByTestId('by-program').locator('tbody tr').count(), 1);
  assert.match(await page.getByTestId('by-program').innerText(), new RegExp(`${PROGRAM.replace(/[()]/g, '\\$&')}\\s+4\\s+16`));
  assert.match(await page.getByTestId('commit-hint').innerText(), /All 4 rows are ready/);
  await screenshot(page, 'enrollment-upload-3-ready');

  const commit = page.getByTestId('commit-import');
  assert.equal(await commit.innerText(), 'Enrol 4 children');
  await commit.click();
  const result = page.getByTestId('commit-result');
  await result.waitFor();
  assert.match(await result.innerText(), /4 children were enrolled/);
  assert.equal(await page.getByTestId('dry-run-preview').count(), 0, 'the preview is gone once committed');
  assert.deepEqual(await accessibilityProblems(page), []);
  await screenshot(page, 'enrollment-upload-4-committed');

  // The result links to the program; its children are the four, waiting for consent.
  await result.getByRole('link').click();
  await page.waitForURL(`**/sponsorships/${state.programId}`);
  const rows = page.getByTestId('program-children-table').locator('tbody tr');
  await rows.nth(3).waitFor();
  const cells = await rows.evaluateAll((trs) => trs.map((tr) => tr.cells[0].textContent.trim()));
  assert.equal(cells.length, 4);
  for (const s of state.students) assert.ok(cells.some((text) => text.startsWith(s.displayName)), `${s.displayName} is in the program`);

  await page.goto(`/dashboard/partner/sponsored-children?program=${state.programId}`);
  await page.getByTestId('children-count').filter({ hasText: '4 children' }).waitFor();
  const cards = await page.getByTestId('children-grid').getByTestId('child-card').allInnerTexts();
  assert.equal(cards.length, 4);
  for (const s of state.students) assert.ok(cards.some((text) => text.startsWith(s.displayName)), `${s.displayName} is listed`);
  await screenshot(page, 'enrollment-upload-5-children');
});
