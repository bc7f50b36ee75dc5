// A guardian with several children waiting in one program signs for all of them at once on a 375 px phone (issue 14):
// one signature, one record per child, then "No more requests waiting"; another guardian signs for one child only and
// is led to the next request.
//
// Who: partner2@elimu.demo sponsors, over the API, a new program of every learner of Machakos, Kitui, Turkana and
// Garissa it may enroll. The seed (backend Data/Seeding/DemoNames.Households) makes Josephine Mutua (parent6@) the
// guardian of five learners in Machakos and Kitui that no program holds, and Abdullahi Hassan (parent7@) of five in
// Turkana and Garissa; neither has another request waiting, so each then has several requests in this one program.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { accessibilityProblems, apiOk, launch, loginAndLand, newPage, screenshot } from './browser.mjs';

const SP = '/api/v1/partner/sponsorships';
const PROGRAM = `Drylands Readers (e2e ${Date.now().toString(36)})`;
const COUNTIES = ['Machakos', 'Kitui', 'Turkana', 'Garissa'];
const SIGN_ALL = { email: 'parent6@elimu.demo', name: 'Josephine Mutua' };
const SIGN_ONE = { email: 'parent7@elimu.demo', name: 'Abdullahi Hassan' };
const PHONE = { width: 375, height: 740 };

let browser;
const pages = [];

before(async () => {
  browser = await launch();
});
after(async () => {
  for (const page of pages) await page.context().close().catch(() => undefined);
  await browser?.close();
});

async function open(email, path, viewport) {
  const page = await newPage(browser, viewport);
  pages.push(page);
  await loginAndLand(page, email, path);
  return page;
}

/** No sideways scroll: the page is no wider than the phone. */
async function assertFitsThePhone(page, where) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= PHONE.width, `${where} is ${width} px wide at ${PHONE.width} px`);
}

/** The guardian's waiting requests in the test's program. */
async function waitingIn(page) {
  const all = await apiOk(page, 'GET', '/api/v1/parent/consents?status=pending&pageSize=100');
  return all.items.filter((c) => c.programName === PROGRAM);
}

test('partner2 enrolls the children of two families, the admin approves, the guardians are asked', async () => {
  const partner = await open('partner2@elimu.demo', '/dashboard/partner');
  const studentIds = [];
  for (const county of COUNTIES) {
    const found = await apiOk(partner, 'GET', `${SP}/available-students?county=${county}&pageSize=100`);
    studentIds.push(...found.items.map((s) => s.id));
  }
  assert.ok(studentIds.length >= 10, `at least ten learners in ${COUNTIES.join(', ')} (${studentIds.length})`);
  const program = await apiOk(partner, 'POST', `${SP}/programs`, {
    name: PROGRAM, description: 'Reading circles for learners in the drylands.', programType: 'cohort', minChildren: 10,
    billingPeriod: 'monthly', pricePerChild: 1500, currency: 'KES', startDate: '2027-01-06', endDate: '2027-11-27',
    goals: [{ title: 'Every child reads a book a week', metric: 'lessons_completed_per_child', target: 20 }],
  }, 201);
  await apiOk(partner, 'POST', `${SP}/programs/${program.id}/children`, { studentIds });
  await apiOk(partner, 'POST', `${SP}/programs/${program.id}/submit`);

  const admin = await open('admin@elimu.demo', '/dashboard/admin');
  await apiOk(admin, 'POST', `/api/v1/admin/sponsorship-programs/${program.id}/approve`);
  const asked = await apiOk(partner, 'POST', `${SP}/consent/request`, { programId: program.id });
  assert.ok(asked.requested >= 10, `every child's guardian is asked (${asked.requested})`);
});

test('a mother signs for all of her children in the program at once on a phone, then sees none left', async () => {
  const page = await open(SIGN_ALL.email, '/dashboard/parent', PHONE);
  const waiting = await waitingIn(page);
  const n = waiting.length;
  assert.ok(n >= 2, `${SIGN_ALL.name} has several children waiting in the program (${n})`);

  await page.goto(`/dashboard/parent/consents/${waiting[0].id}`);
  const all = page.getByTestId('consent-sign-all');
  await all.waitFor();
  assert.match(await page.getByTestId('consent-sign-scope').innerText(), new RegExp(`Sign for all ${n} of your children in this program`));
  await assertFitsThePhone(page, 'the request with the offer');
  await page.getByTestId('consent-answer').scrollIntoViewIfNeeded();
  await screenshot(page, 'parent-sign-together-offer-375', { fullPage: false });

  await all.check();
  const children = page.getByTestId('consent-together-child');
  assert.equal(await children.count(), n);
  // Each child's own consent text can be read before signing.
  await children.nth(1).locator('summary').click();
  assert.match(await children.nth(1).getByTestId('consent-text').innerText(), new RegExp(`parent or guardian of ${waiting[1].childName}\\.`));
  await assertFitsThePhone(page, 'the list of children');
  assert.deepEqual(await accessibilityProblems(page), []);
  await screenshot(page, 'parent-sign-together-list-375');

  await page.getByTestId('consent-agree-checkbox').check();
  await page.getByTestId('consent-signed-name').fill(SIGN_ALL.name);
  const agree = page.getByTestId('consent-agree');
  assert.equal(await agree.innerText(), `Agree and sign for all ${n}`);
  const box = await agree.boundingBox();
  assert.ok(box.height >= 44, `the sign button is a big target (${box.height} px)`);
  await agree.click();

  await page.getByTestId('consent-next-none').waitFor();
  assert.match(await page.getByTestId('consent-notice').innerText(), new RegExp(`You signed ${n} consents, one each for `));
  assert.match(await page.getByTestId('consent-next-none').innerText(), /No more requests waiting/);
  await assertFitsThePhone(page, 'the page after signing');
  await screenshot(page, 'parent-sign-together-done-375');

  assert.equal((await waitingIn(page)).length, 0);
  const given = (await apiOk(page, 'GET', '/api/v1/parent/consents?status=given&pageSize=100')).items.filter((c) => c.programName === PROGRAM);
  assert.equal(given.length, n, 'one record per child');
  assert.ok(given.every((c) => c.signedName === SIGN_ALL.name));
});

test('a father who signs for one child only is led to the next request', async () => {
  const page = await open(SIGN_ONE.email, '/dashboard/parent', PHONE);
  const waiting = await waitingIn(page);
  assert.ok(waiting.length >= 3, `${SIGN_ONE.name} has several children waiting in the program (${waiting.length})`);

  await page.goto(`/dashboard/parent/consents/${waiting[0].id}`);
  await page.getByTestId('consent-sign-one').waitFor();
  assert.ok(await page.getByTestId('consent-sign-one').isChecked(), 'this child only is the default');
  await page.getByTestId('consent-agree-checkbox').check();
  await page.getByTestId('consent-signed-name').fill(SIGN_ONE.name);
  await page.getByTestId('consent-agree').click();

  const next = page.getByTestId('consent-next-link');
  await next.waitFor();
  assert.match(await next.innerText(), new RegExp(`^Next: consent for \\S+ — ${PROGRAM.replace(/[()]/g, '\\$&')}`));
  await assertFitsThePhone(page, 'the page with the next request');
  await screenshot(page, 'parent-sign-together-next-375');

  await next.click();
  await page.waitForURL((url) => !url.pathname.endsWith(waiting[0].id));
  await page.getByTestId('consent-sign-all').waitFor();
  assert.match(await page.getByTestId('consent-sign-scope').innerText(), new RegExp(`Sign for all ${waiting.length - 1} of your children`));
  assert.equal(await page.getByTestId('consent-agree-checkbox').isChecked(), false, 'the next request starts unsigned');
});
