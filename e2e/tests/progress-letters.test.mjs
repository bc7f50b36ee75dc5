// Progress letters (issue 19): the demo partner writes this term's letters for a program with consented children
// (Offline narratives), watches the batch run, downloads one letter and the whole batch as a ZIP with one PDF per
// letter. Desktop and 375 px. Screenshots: e2e/screenshots/progress-letters-*.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { accessibilityProblems, launch, loginAndLand, newPage, screenshot } from './browser.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** The ZIP's entries, counted by their central directory headers (PK\x01\x02), and whether each stored file is a PDF. */
function zipEntries(bytes) {
  let entries = 0;
  for (let i = 0; i + 3 < bytes.length; i++) if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 1 && bytes[i + 3] === 2) entries++;
  const pdfs = bytes.toString('latin1').split('%PDF-').length - 1;
  return { entries, pdfs };
}

for (const width of [1440, 375]) {
  test(`a program's letters are written, listed and downloaded one by one and as a ZIP at ${width} px`, async () => {
    const page = await newPage(browser, { width, height: width > 400 ? 900 : 812 });
    await loginAndLand(page, 'partner@elimu.demo', '/dashboard/partner');
    await page.goto('/dashboard/partner/progress-letters');
    await page.getByTestId('letters-form').waitFor();

    const programId = await page.evaluate(async () => {
      const r = await fetch('/api/v1/partner/sponsorships/children?pageSize=100', { credentials: 'include' });
      const body = await r.json();
      return body.items.find((c) => c.consentStatus === 'given')?.programId;
    });
    assert.ok(programId, 'the demo partner has a consented child');
    await page.getByTestId('letters-program').selectOption(programId);
    await page.getByTestId('letters-generate').click();

    const list = page.getByTestId('letters-list');
    await list.waitFor({ timeout: 120_000 });
    const shown = await list.locator('li').count();
    assert.ok(shown > 0, 'at least one letter');
    assert.doesNotMatch(await page.getByTestId('letters-batch').innerText(), /Child [A-Z]\b/, 'no pseudonym shown to the partner');

    const [one] = await Promise.all([page.waitForEvent('download'), page.getByTestId('letter-pdf').first().click()]);
    const pdf = await readFile(await one.path());
    assert.equal(pdf.subarray(0, 4).toString('latin1'), '%PDF');

    const total = Number((await page.getByTestId('letters-batch').innerText()).match(/Page \d+ of \d+ · (\d+) letters/)?.[1] ?? shown);
    const [zip] = await Promise.all([page.waitForEvent('download'), page.getByTestId('letters-zip').click()]);
    const bytes = await readFile(await zip.path());
    assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK');
    const { entries, pdfs } = zipEntries(bytes);
    assert.equal(entries, total, 'one entry per letter');
    assert.equal(pdfs, total, 'each entry is a PDF');

    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'no sideways scroll');
    assert.deepEqual(await accessibilityProblems(page), []);
    await screenshot(page, `progress-letters-${width}`);
    await page.close();
  });
}
