// ROI metrics and custom reports (issue 19): the demo partner's ROI cards and charts; a report built in the builder,
// saved and run, then exported as XLSX and PDF (the downloads checked for their file signatures). Desktop and 375 px.
// Screenshots: e2e/screenshots/roi-metrics-*.png and custom-reports-*.png.
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
  test(`the ROI page shows its KPI cards and charts at ${width} px`, async () => {
    const page = await newPage(browser, { width, height: width > 400 ? 900 : 812 });
    await loginAndLand(page, 'partner@elimu.demo', '/dashboard/partner');
    await page.goto('/dashboard/partner/roi-metrics');
    await page.getByTestId('roi-kpis').waitFor();
    assert.match(await page.getByTestId('roi-kpis').innerText(), /Cost per child/);
    await page.getByTestId('roi-forecast').getByTestId('forecast-panel').waitFor();
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'no sideways scroll');
    await screenshot(page, `roi-metrics-${width}`);
    await page.context().close();
  });

  test(`a report is built, run and exported as XLSX and PDF at ${width} px`, async () => {
    const page = await newPage(browser, { width, height: width > 400 ? 900 : 812 });
    await loginAndLand(page, 'partner@elimu.demo', '/dashboard/partner');
    await page.goto('/dashboard/partner/custom-reports');
    await page.getByTestId('saved-reports').waitFor();
    await page.getByLabel('Report name').fill(`Hours by grade ${width}`);
    await page.getByLabel('Group by').selectOption('grade');
    await page.getByTestId('save-and-run').click();
    await page.getByTestId('report-table').waitFor();
    assert.match(await page.getByTestId('report-table').innerText(), /Total/);
    for (const [format, signature] of [['xlsx', 'PK'], ['pdf', '%PDF']]) {
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(`export-${format}`).click()]);
      const bytes = await readFile(await download.path());
      assert.equal(bytes.subarray(0, signature.length).toString('latin1'), signature, `${format} download`);
    }
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'no sideways scroll');
    await screenshot(page, `custom-reports-${width}`);
    await page.context().close();
  });
}
