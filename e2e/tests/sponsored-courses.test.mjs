// Sponsored courses (issue 19): the demo partner builds a course from platform lessons of its cohort's grade and its
// approved reading-circle guide, offers it to Lake Region Scholars, publishes it and opens its monitoring (KPI cards and
// the drop-off chart, figures over consented children). Desktop and 375 px.
// Screenshots: e2e/screenshots/sponsored-courses-*.png and sponsored-courses-monitoring-*.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { accessibilityProblems, apiOk, launch, loginAndLand, newPage, screenshot } from './browser.mjs';

const COURSES = '/api/v1/partner/content/courses';

let browser;

before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

for (const width of [1440, 375]) {
  test(`a course is built, published and monitored at ${width} px`, async () => {
    const page = await newPage(browser, { width, height: width > 400 ? 900 : 812 });
    await loginAndLand(page, 'partner@elimu.demo', '/dashboard/partner');
    // The seeded course's grade is the one most of the cohort's consented children are in: their lessons have progress.
    const seeded = (await apiOk(page, 'GET', `${COURSES}?status=published`)).items[0];
    assert.ok(seeded, 'the demo partner has a published course');

    await page.goto('/dashboard/partner/sponsored-courses');
    await page.getByTestId('course-list').waitFor();
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'no sideways scroll (list)');
    await screenshot(page, `sponsored-courses-${width}`);

    await page.getByTestId('new-course').click();
    const builder = page.getByTestId('course-builder');
    const title = `Fractions and the reading circle (${width})`;
    await builder.getByLabel('Course title').fill(title);
    await builder.getByLabel('Course grade').selectOption(seeded.grade);
    const lessons = builder.getByTestId('lesson-picker');
    await lessons.getByLabel('Lesson grade').selectOption(seeded.grade);
    await lessons.getByLabel('Lesson learning area').selectOption('MATH');
    const add = lessons.getByRole('button', { name: /^Add / });
    await add.first().waitFor();
    await add.nth(0).click();
    await add.nth(1).click();
    await builder.getByTestId('resource-picker').getByRole('button', { name: 'Add Tumaini Reading Circle Guide' }).click();
    await builder.getByRole('button', { name: 'Move Tumaini Reading Circle Guide up' }).click();
    await builder.getByRole('checkbox', { name: 'Lake Region Scholars 2026' }).check();
    assert.equal(await builder.getByTestId('course-items').locator('li').count(), 3);
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'no sideways scroll (builder)');
    await screenshot(page, `sponsored-courses-builder-${width}`);
    await builder.getByTestId('save-course').click();
    await builder.waitFor({ state: 'detached' });

    const row = page.getByTestId('course-row').filter({ hasText: title });
    await row.getByText('Draft').waitFor();
    await row.getByRole('button', { name: `Publish ${title}` }).click();
    await row.getByText('Published').waitFor();
    await row.getByRole('button', { name: `Monitor ${title}` }).click();

    const kpis = page.getByTestId('course-kpis');
    await kpis.waitFor();
    const enrolled = Number((await kpis.getByLabel('Children enrolled').innerText()).match(/\d+/)[0]);
    assert.ok(enrolled > 0, 'consented children of the cohort have started the course’s lessons');
    await page.getByTestId('course-dropoff-chart').locator('canvas').waitFor();
    const table = await page.getByTestId('course-items-table').innerText();
    assert.match(table, /resource, not tracked/);
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'no sideways scroll (monitoring)');
    assert.deepEqual(await accessibilityProblems(page), []);
    await screenshot(page, `sponsored-courses-monitoring-${width}`);
    await page.context().close();
  });
}
