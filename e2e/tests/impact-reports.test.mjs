// Impact reports (issue 18): the demo partner asks for a report with the Offline provider, watches it run, reads it
// (figures, charts, narrative with its provider) and downloads the PDF. Desktop and 375 px.
// Screenshots: e2e/screenshots/impact-reports-*.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { launch, loginAndLand, newPage, screenshot } from './browser.mjs';

let browser;

before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

for (const width of [1440, 375]) {
  test(`an impact report is generated, viewed and downloaded as PDF at ${width} px`, async () => {
    const page = await newPage(browser, { width, height: width > 400 ? 900 : 812 });
    await loginAndLand(page, 'partner@elimu.demo', '/dashboard/partner');
    await page.goto('/dashboard/partner/impact-reports');
    await page.getByTestId('generate-form').waitFor();
    await page.getByTestId('report-period').selectOption('annual');
    await page.getByTestId('report-format').selectOption('none');
    await page.getByTestId('generate-report').click();

    // The view appears once the run has ended; a report that failed or was cancelled shows its state and error
    // without a title, which the assertion prints instead of waiting out the timeout.
    const view = page.getByTestId('report-view');
    await view.waitFor({ timeout: 60_000 });
    assert.ok(await page.getByTestId('report-title').isVisible(), `the report completed: ${await view.innerText()}`);
    await page.getByTestId('report-narrative').waitFor();
    assert.match(await page.getByTestId('report-narrative').innerText(), /offline/i, 'the narrative names its provider');
    assert.doesNotMatch(await view.innerText(), /Child [A-Z]\b/, 'no pseudonym shown to the partner');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-pdf').click()]);
    const bytes = await readFile(await download.path());
    assert.equal(bytes.subarray(0, 4).toString('latin1'), '%PDF');
    assert.ok(bytes.length > 20_000, `a PDF with charts (${bytes.length} bytes)`);

    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'no sideways scroll');
    await screenshot(page, `impact-reports-${width}`);
    await page.context().close();
  });
}
