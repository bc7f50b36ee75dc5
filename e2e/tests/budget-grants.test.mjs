// Budgets and grants (issue 17): the demo partner's budget with its figures, chart and per-program bars, the allocation
// editor refusing more than the total; its grants, one grant's deadline timeline, and a compliance report uploaded in
// the browser, and one generated (at 375 px). Desktop and 375 px. Screenshots: e2e/screenshots/budget-*.png and grants-*.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { accessibilityProblems, launch, loginAndLand, newPage, screenshot } from './browser.mjs';

let browser;

before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

for (const width of [1440, 375]) {
  test(`the budget page shows the year's figures, chart and programs at ${width} px`, async () => {
    const page = await newPage(browser, { width, height: width > 400 ? 900 : 812 });
    await loginAndLand(page, 'partner@elimu.demo', '/dashboard/partner');
    await page.goto('/dashboard/partner/budget');
    await page.getByTestId('budget-totals').waitFor();
    await page.getByTestId('budget-chart').waitFor();
    assert.match(await page.getByTestId('budget-totals').innerText(), /KES 1,300,000/);
    assert.equal(await page.getByTestId('program-budgets').getByRole('listitem').count(), 2);
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'no sideways scroll');
    assert.deepEqual(await accessibilityProblems(page), []);
    await screenshot(page, `budget-${width}`);

    await page.getByTestId('edit-budget').click();
    const editor = page.getByTestId('budget-editor');
    await editor.waitFor();
    const first = editor.getByRole('textbox', { name: /^Allocation for / }).first();
    await first.waitFor();
    await first.fill('9000000');
    assert.match(await page.getByTestId('allocation-sum').innerText(), /more than the total/);
    assert.equal(await page.getByTestId('save-budget').isDisabled(), true);
    await screenshot(page, `budget-editor-${width}`, { fullPage: false });
    await page.context().close();
  });
}

for (const width of [1440, 375]) {
  test(`the grants page lists grants and shows one's deadline timeline at ${width} px`, async () => {
    const page = await newPage(browser, { width, height: width > 400 ? 900 : 812 });
    await loginAndLand(page, 'partner@elimu.demo', '/dashboard/partner');
    await page.goto('/dashboard/partner/grants');
    const list = page.getByTestId('grant-list');
    await list.waitFor();
    await list.getByRole('link', { name: /Ford Foundation/ }).click();
    const detail = page.getByTestId('grant-detail');
    await detail.waitFor();
    assert.equal(await page.getByTestId('deadline-timeline').getByTestId('deadline').count(), 3);
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'no sideways scroll');
    assert.deepEqual(await accessibilityProblems(page), []);
    await screenshot(page, `grants-${width}`);
    await page.context().close();
  });
}

test('a compliance report is generated for a deadline on a phone, with progress, then kept as its PDF', async () => {
  const page = await newPage(browser, { width: 375, height: 812 });
  await loginAndLand(page, 'partner@elimu.demo', '/dashboard/partner');
  await page.goto('/dashboard/partner/grants?funder=ford');
  await page.getByTestId('grant-list').getByRole('link', { name: /Ford Foundation/ }).click();
  const q2 = page.getByTestId('deadline').filter({ hasText: 'Q2 narrative and financial report' });
  await q2.waitFor();
  await q2.getByTestId('generate-report').click();
  const status = q2.getByTestId('generate-status');
  await status.filter({ hasText: 'Report generated' }).waitFor({ timeout: 30_000 });
  assert.match(await status.innerText(), /Report generated: Compliance report FF-EA-2026-114 \d{4}-\d{2}-\d{2}\.pdf/);
  assert.equal(await q2.getAttribute('data-state'), 'submitted');
  const link = q2.getByRole('link', { name: /Compliance report FF-EA-2026-114/ });
  const pdf = await page.request.get(await link.getAttribute('href'));
  assert.equal(pdf.status(), 200);
  assert.equal((await pdf.body()).subarray(0, 5).toString('latin1'), '%PDF-');
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'no sideways scroll');
  assert.deepEqual(await accessibilityProblems(page), []);
  await q2.scrollIntoViewIfNeeded();
  await screenshot(page, 'grants-report-generated-375', { fullPage: false });
  await page.context().close();
});

test('a compliance report is uploaded for a deadline and marks it submitted', async () => {
  const page = await newPage(browser);
  await loginAndLand(page, 'partner@elimu.demo', '/dashboard/partner');
  await page.goto('/dashboard/partner/grants?funder=ford');
  await page.getByTestId('grant-list').getByRole('link', { name: /Ford Foundation/ }).click();
  const open = page.locator('[data-testid="deadline"]:not([data-state="submitted"])').first();
  await open.waitFor();
  const title = await open.locator('p').first().innerText();
  await open.getByTestId('report-file').setInputFiles({ name: 'Q2-report.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% e2e report\n%%EOF\n') });
  const done = page.getByTestId('deadline').filter({ hasText: title });
  await done.getByRole('link', { name: /Q2-report\.pdf/ }).waitFor();
  assert.equal(await done.getAttribute('data-state'), 'submitted');
  await screenshot(page, 'grants-report-uploaded');
  await page.context().close();
});
