// Help and training (issue 16, Support): the partner searches the help, opens an article, registers for a webinar and
// completes a course module, in Chromium against the demo data. Screenshots of both pages at 1,440 and 375 px:
// e2e/screenshots/help-training-*.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { accessibilityProblems, apiOk, launch, loginAndLand, newPage, screenshot } from './browser.mjs';

const TRAINING = '/api/v1/partner/support/training';
let browser;
let page;

before(async () => {
  browser = await launch();
  page = await newPage(browser);
  await loginAndLand(page, 'partner@elimu.demo', '/dashboard/partner');
});
after(async () => {
  await page?.context().close().catch(() => undefined);
  await browser?.close();
});

test('searches the help and opens an article', async () => {
  await page.goto('/dashboard/partner/help-resources');
  await page.getByTestId('guide-list').waitFor();
  assert.equal(await page.getByTestId('api-docs-link').getAttribute('href'), '/docs');
  await screenshot(page, 'help-training-help-1440');

  await page.getByLabel('Search help').fill('M-Pesa prompt');
  await page.waitForURL(/q=M-Pesa/);
  const faq = page.getByTestId('faq-faq-mpesa-prompt');
  await faq.waitFor();
  await faq.locator('summary').click();
  await page.getByText('The prompt expires after about a minute').waitFor();
  assert.deepEqual(await accessibilityProblems(page), []);
  await screenshot(page, 'help-training-help-search');

  await page.getByLabel('Search help').fill('zebra giraffe');
  await page.getByTestId('help-empty').waitFor();
  await page.getByRole('button', { name: 'Clear search' }).click();

  await page.getByTestId('guide-consent-how-it-works').click();
  await page.waitForURL(/article=consent-how-it-works/);
  const article = page.getByTestId('help-article');
  await article.getByRole('heading', { name: 'Two guardians' }).waitFor();
  assert.deepEqual(await accessibilityProblems(page), []);
  await screenshot(page, 'help-training-article');
});

test('registers for a webinar and sees its join link', async () => {
  await page.goto('/dashboard/partner/training');
  await page.getByTestId('upcoming-webinars').waitFor();
  await page.getByTestId('course-list').waitFor();
  await screenshot(page, 'help-training-training-1440');

  const card = page.locator('li', { has: page.getByRole('heading', { name: 'Data protection clinic' }) });
  await card.getByRole('button', { name: 'Register for Data protection clinic' }).click();
  await card.getByRole('link', { name: 'Join' }).waitFor();
  const upcoming = await apiOk(page, 'GET', `${TRAINING}/webinars?when=upcoming`);
  const clinic = upcoming.items.find((w) => w.title === 'Data protection clinic');
  assert.equal(clinic.registered, true);
  assert.ok(clinic.joinUrl);
  assert.deepEqual(await accessibilityProblems(page), []);
});

test('completes a course module and the progress follows', async () => {
  const before = (await apiOk(page, 'GET', `${TRAINING}/courses`)).items.find((c) => c.slug === 'partner-essentials');
  await page.getByTestId('course-partner-essentials').click();
  await page.getByTestId('course-detail').waitFor();
  const module = page.getByTestId('module-enrolling-children-in-bulk');
  await module.getByRole('button', { name: 'Mark module complete' }).click();
  await page.locator('[data-testid="module-enrolling-children-in-bulk"][data-done="true"]').waitFor();
  const after = (await apiOk(page, 'GET', `${TRAINING}/courses`)).items.find((c) => c.slug === 'partner-essentials');
  assert.equal(after.completedModules, before.completedModules + 1);
  assert.deepEqual(await accessibilityProblems(page), []);
  await screenshot(page, 'help-training-course');
});

test('both pages at 375 px', async () => {
  const phone = await newPage(browser, { width: 375, height: 812 });
  await loginAndLand(phone, 'partner@elimu.demo', '/dashboard/partner');
  for (const [name, path, ready] of [
    ['help', '/dashboard/partner/help-resources', 'guide-list'],
    ['training', '/dashboard/partner/training', 'course-list'],
  ]) {
    await phone.goto(path);
    await phone.getByTestId(ready).waitFor();
    const width = await phone.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 375, `${path} is ${width} px wide at 375`);
    await screenshot(phone, `help-training-${name}-375`);
  }
  await phone.context().close();
});
