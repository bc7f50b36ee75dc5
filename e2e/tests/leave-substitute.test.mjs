// Issue 20 end to end: a program is created with its preferences on the form, a child leaves it, the partner takes a
// substitute that matches the preferences (a consent request goes to the substitute's guardian at once), that guardian
// consents on a phone, and the substitute later graduates from the child's page, which shows it on the child's timeline.
//
// Who: the demo partner (partner@elimu.demo) with a new program (the form in the browser; ten available children,
// submission and the admin's approval over the API). Its preferences name a school of Joseph Kiprono's children
// (parent4@elimu.demo; DemoNames.Households: Eldoret Highlands in Uasin Gishu, Menengai View in Nakuru) and its county:
// so the top substitute is one of them, and parent4 is the guardian who answers. No other journey signs as parent4 or
// takes these learners (the consent journey's guardian, parent2, withdraws and so keeps his children off the lists).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { api, apiOk, launch, loginAndLand, newPage, screenshot } from './browser.mjs';

const SP = '/api/v1/partner/sponsorships';
const PROGRAM = `Leavers and substitutes (e2e ${Date.now().toString(36)})`;
const SCHOOLS = [{ school: 'Eldoret Highlands Primary School', county: 'Uasin Gishu' }, { school: 'Menengai View School', county: 'Nakuru' }];
const GUARDIAN = { email: 'parent4@elimu.demo', name: 'Joseph Kiprono' };

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

/** The new-program form with its preferences open: a county, a school, greatest need first. */
async function fillNewProgram(page) {
  await page.goto('/dashboard/partner/sponsorships');
  await page.getByTestId('new-program').click();
  const dialog = page.getByTestId('program-form-modal');
  await dialog.getByLabel(/^Program name/).fill(PROGRAM);
  await dialog.getByLabel(/^Description/).fill('Learners who leave are replaced by those who match.');
  await dialog.getByLabel(/^Price per child/).fill('1000');
  const prefs = dialog.getByTestId('program-form-preferences');
  await prefs.locator('summary').click();
  // The pickers fill from the filter options.
  await prefs.getByLabel('Schools').locator('option', { hasText: state.pick.school }).waitFor({ state: 'attached' });
  await prefs.getByLabel('Counties').selectOption(state.pick.county);
  await prefs.getByLabel('Schools').selectOption(state.pick.school);
  await prefs.getByTestId('pref-greatest-need').selectOption('longest_wait');
  return { dialog, prefs };
}

test('a program created with its preferences on the form, ten children, approved', async () => {
  partner = await newPage(browser);
  await loginAndLand(partner, 'partner@elimu.demo', '/dashboard/partner');
  for (const pick of SCHOOLS) {
    state.preferred = await apiOk(partner, 'GET', `${SP}/available-students?school=${encodeURIComponent(pick.school)}`);
    state.pick = pick;
    if (state.preferred.total > 0) break;
  }
  assert.ok(state.preferred.total >= 1, `a learner of ${SCHOOLS.map((p) => p.school).join(' or ')} is available to the demo partner`);

  // The form at 375 px first (not saved): the preferences fit a phone.
  const phone = await newPage(browser, { width: 375, height: 812 });
  await loginAndLand(phone, 'partner@elimu.demo', '/dashboard/partner');
  const small = await fillNewProgram(phone);
  await small.prefs.scrollIntoViewIfNeeded();
  assert.ok(await fitsWidth(phone), 'the new-program form with its preferences fits 375 px');
  await screenshot(phone, 'leave-substitute-00-program-form-preferences-375', { fullPage: false });
  await phone.context().close();

  const { dialog, prefs } = await fillNewProgram(partner);
  await prefs.scrollIntoViewIfNeeded();
  await screenshot(partner, 'leave-substitute-00-program-form-preferences-1440', { fullPage: false });
  await dialog.getByTestId('program-form-submit').click();
  await partner.waitForURL(/\/dashboard\/partner\/sponsorships\/[0-9a-f-]{36}$/);
  state.programId = partner.url().split('/').pop();
  const saved = await apiOk(partner, 'GET', `${SP}/programs/${state.programId}/preferences`);
  assert.deepEqual([saved.counties, saved.schools, saved.greatestNeed], [[state.pick.county], [state.pick.school], 'longest_wait'], 'the form saved the preferences');

  // Ten available children that are not the preferred school's, so its learners stay free to be substitutes.
  const available = await apiOk(partner, 'GET', `${SP}/available-students?pageSize=60`);
  const ids = available.items.map((s) => s.studentId);
  const skip = new Set(state.preferred.items.map((s) => s.studentId));
  await apiOk(partner, 'POST', `${SP}/programs/${state.programId}/children`, { studentIds: ids.filter((id) => !skip.has(id)).slice(0, 10) });
  await apiOk(partner, 'POST', `${SP}/programs/${state.programId}/submit`, {});
  admin = await newPage(browser);
  await loginAndLand(admin, 'admin@elimu.demo', '/dashboard/admin');
  await apiOk(admin, 'POST', `/api/v1/admin/sponsorship-programs/${state.programId}/approve`, {});
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
  assert.match(await first.innerText(), new RegExp(`${state.pick.county} — preferred`));
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
  await loginAndLand(parent, GUARDIAN.email, '/dashboard/parent');
  await parent.goto('/dashboard/parent/consents');
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

test('the substitute graduates from the child page: the page says so and the timeline shows it', async () => {
  const children = await apiOk(partner, 'GET', `${SP}/children?programId=${state.programId}&status=ACTIVE&pageSize=100`);
  const child = children.items[0];
  await partner.goto(`/dashboard/partner/sponsored-children/${child.id}`);
  await partner.getByTestId('child-leave').click();
  const dialog = partner.getByTestId('leave-child-dialog');
  await dialog.getByRole('radio', { name: /Graduated/ }).check();
  await dialog.getByTestId('leave-note').fill('Finished Grade 9 with the cohort.');
  await dialog.getByTestId('confirm-button').click();
  await dialog.waitFor({ state: 'detached' });

  const notice = partner.getByTestId('child-left-notice');
  assert.match(await notice.innerText(), /graduated from .* on .*Graduated: Finished Grade 9 with the cohort\./s);
  assert.equal(await partner.getByTestId('child-status-badge').innerText(), 'Graduated');
  assert.equal(await partner.getByTestId('child-leave').count(), 0, 'a child who graduated cannot leave again');
  const timeline = partner.getByTestId('child-timeline');
  await timeline.waitFor();
  const newest = timeline.locator('li').first();
  assert.equal(await newest.getAttribute('data-kind'), 'graduated');
  assert.match(await newest.innerText(), /Finished Grade 9 with the cohort/);
  assert.ok(await timeline.locator('li[data-kind="consent_given"]').count() >= 1, 'the guardian’s consent is in the story');
  await screenshot(partner, 'leave-substitute-05-child-graduated-timeline-1440');

  const phone = await newPage(browser, { width: 375, height: 812 });
  await loginAndLand(phone, 'partner@elimu.demo', '/dashboard/partner');
  await phone.goto(`/dashboard/partner/sponsored-children/${child.id}?tab=timeline`);
  await phone.getByTestId('child-timeline').waitFor();
  assert.ok(await fitsWidth(phone), 'the child’s timeline fits 375 px');
  await screenshot(phone, 'leave-substitute-06-child-timeline-375');

  // The child who left (moved school) is hidden by the gate: the page says they left instead of asking for consent.
  const left = await apiOk(partner, 'GET', `${SP}/children?programId=${state.programId}&status=LEFT&pageSize=100`);
  assert.equal(left.total, 1);
  await phone.goto(`/dashboard/partner/sponsored-children/${left.items[0].id}?tab=timeline`);
  await phone.getByTestId('child-departed').waitFor();
  assert.equal(await phone.getByTestId('child-status-badge').innerText(), 'Left');
  assert.equal(await phone.getByTestId('consent-required').count(), 0);
  await screenshot(phone, 'leave-substitute-07-child-left-375');
  await phone.context().close();
});
