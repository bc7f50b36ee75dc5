// Issue 20 end to end: a child leaves an active program, the partner takes a substitute that matches the program's
// preferences (a consent request goes to the substitute's guardian at once), and that guardian consents on a phone.
//
// Who: the demo partner (partner@elimu.demo) with a new program set up over the API (ten available children,
// submitted, approved by the admin). Its preferences name Mt. Kenya View Primary School, whose two learners the seed
// gives to parent2@elimu.demo (John Kamau; DemoNames.Households): so the top substitute is one of them, and parent2 is
// the guardian who answers. (The consent journey sponsors them with partner2; a partner's hold does not bind another.)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { api, apiOk, launch, loginAndLand, newPage, screenshot } from './browser.mjs';

const SP = '/api/v1/partner/sponsorships';
const PROGRAM = `Leavers and substitutes (e2e ${Date.now().toString(36)})`;
const SCHOOL = 'Mt. Kenya View Primary School';
const GUARDIAN = { email: 'parent2@elimu.demo', name: 'John Kamau' };

let browser, partner, admin, parent;
const state = {};
const fitsWidth = (page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

before(async () => {
  browser = await launch();
});
after(async () => {
  for (const page of [partner, admin, parent]) await page?.context().close().catch(() => undefined);
  await browser?.close();
});

test('an active program with ten children and a preferred school', async () => {
  partner = await newPage(browser);
  await loginAndLand(partner, 'partner@elimu.demo', '/dashboard/partner');
  const program = await apiOk(partner, 'POST', `${SP}/programs`, {
    name: PROGRAM, description: 'Learners who leave are replaced by those who match.', programType: 'cohort', minChildren: 10,
    billingPeriod: 'monthly', pricePerChild: 1000, currency: 'KES', goals: [],
  }, 201);
  state.programId = program.id;
  // Ten available children that are not the preferred school's, so its learners stay free to be substitutes.
  const available = await apiOk(partner, 'GET', `${SP}/available-students?pageSize=60`);
  const ids = available.items.map((s) => s.studentId);
  const preferred = await apiOk(partner, 'GET', `${SP}/available-students?school=${encodeURIComponent(SCHOOL)}`);
  assert.ok(preferred.total >= 1, `a learner of ${SCHOOL} is available to the demo partner`);
  const skip = new Set(preferred.items.map((s) => s.studentId));
  await apiOk(partner, 'POST', `${SP}/programs/${program.id}/children`, { studentIds: ids.filter((id) => !skip.has(id)).slice(0, 10) });
  await apiOk(partner, 'PUT', `${SP}/programs/${program.id}/preferences`, { schools: [SCHOOL], counties: ['Nyeri'], greatestNeed: 'longest_wait' });
  await apiOk(partner, 'POST', `${SP}/programs/${program.id}/submit`, {});
  admin = await newPage(browser);
  await loginAndLand(admin, 'admin@elimu.demo', '/dashboard/admin');
  await apiOk(admin, 'POST', `/api/v1/admin/sponsorship-programs/${program.id}/approve`, {});
});

test('a child leaves from the program page and substitutes are offered with their reasons', async () => {
  await partner.goto(`/dashboard/partner/sponsorships/${state.programId}`);
  const table = partner.getByRole('table', { name: 'Children of this program' });
  await table.waitFor();
  await table.getByTestId('leave-child').first().click();
  const dialog = partner.getByTestId('leave-child-dialog');
  await dialog.getByRole('radio', { name: /Moved school/ }).check();
  await screenshot(partner, 'leave-substitute-01-leave-dialog', { fullPage: false });
  await dialog.getByTestId('confirm-button').click();
  await dialog.waitFor({ state: 'detached' });

  const offer = partner.getByTestId('substitute-offer');
  await offer.waitFor();
  assert.match(await offer.getByTestId('minimum-warning').innerText(), /9 of its minimum 10 children: 1 missing/);
  const first = offer.getByTestId('substitute').first();
  assert.match(await first.innerText(), /At a preferred school/);
  assert.match(await first.innerText(), /Nyeri — preferred/);
  await screenshot(partner, 'leave-substitute-02-offer-1440');

  const phone = await newPage(browser, { width: 375, height: 812 });
  await loginAndLand(phone, 'partner@elimu.demo', '/dashboard/partner');
  await phone.goto(`/dashboard/partner/sponsorships/${state.programId}`);
  await phone.getByTestId('substitute-offer').waitFor();
  assert.ok(await fitsWidth(phone), 'the program page with the offer fits 375 px');
  await screenshot(phone, 'leave-substitute-03-offer-375');
  await phone.context().close();

  state.substitute = (await first.innerText()).split('·')[0].trim();
  await first.getByTestId('take-substitute').click();
  await partner.getByText(/their guardian was asked for consent/).waitFor();
  await offer.waitFor({ state: 'detached' });
  const after = await apiOk(partner, 'GET', `${SP}/programs/${state.programId}`);
  assert.equal(after.children.enrolled, 10);
  assert.equal(after.children.left, 1);
});

test('the substitute’s guardian consents on a 375 px phone', async () => {
  parent = await newPage(browser, { width: 375, height: 812 });
  await loginAndLand(parent, GUARDIAN.email, '/dashboard/parent/consents');
  const item = parent.getByTestId('consent-item').filter({ hasText: PROGRAM }).first();
  await item.waitFor();
  assert.equal(await item.getAttribute('data-status'), 'pending');
  await item.getByRole('link').click();
  await parent.getByTestId('consent-text').waitFor();
  assert.ok(await fitsWidth(parent), 'the request fits 375 px');
  await parent.getByText('I have read and agree').click();
  await parent.getByLabel('Your full name (signature)').fill(GUARDIAN.name);
  await parent.getByTestId('consent-agree').click();
  const record = parent.getByTestId('consent-record');
  await record.waitFor();
  assert.equal(await record.getAttribute('data-status'), 'given');
  await screenshot(parent, 'leave-substitute-04-parent-signed-375');

  const children = await apiOk(partner, 'GET', `${SP}/children?programId=${state.programId}&status=ACTIVE&pageSize=100`);
  assert.equal(children.total, 1, 'the substitute is the program’s first child with consent');
  const missing = await api(partner, 'GET', `${SP}/programs/${state.programId}/substitutes`);
  assert.equal(missing.body.missing, 0);
});
