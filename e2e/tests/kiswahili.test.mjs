// Kiswahili (issue 16): a guardian chooses Kiswahili on the sign-in page, signs in, reads the inbox and a request in
// Kiswahili and signs it; the record keeps signed_language=sw and the hash of the Kiswahili text; the partner sees the
// language and switches the shell to Kiswahili. Screenshots at 1440 and 375 px wide.
//
// Who: partner2@elimu.demo sponsors, over the API, a new program of learners of Kisii and Narok (the seed makes
// parent8@elimu.demo, Mary Nyamweya, their guardian; no other journey uses them), padded to ten from Kakamega and
// Kisumu. Both accounts are put back to English at the end, so the journeys after this one read English.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { accessibilityProblems, apiOk, launch, newPage, password, screenshot } from './browser.mjs';

const SP = '/api/v1/partner/sponsorships';
const PROGRAM = `Wasomaji wa Kisii (e2e ${Date.now().toString(36)})`;
const GUARDIAN = 'parent8@elimu.demo';
const PHONE = { width: 375, height: 812 };

let browser;
const pages = [];
const state = {};

before(async () => {
  browser = await launch();
});
after(async () => {
  for (const page of pages) await page.context().close().catch(() => undefined);
  await browser?.close();
});

async function open(viewport) {
  const page = await newPage(browser, viewport);
  pages.push(page);
  return page;
}

/** Signs in from the sign-in page as it reads in Kiswahili. */
async function signInInKiswahili(page, email) {
  await page.getByLabel('Barua pepe').fill(email);
  await page.getByLabel('Nenosiri', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Ingia' }).click();
}

const fitsWidth = (page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

test('partner2 asks the guardians of a new program (over the API)', async () => {
  const partner = await open();
  await partner.goto('/login');
  await partner.getByLabel(/email/i).fill('partner2@elimu.demo');
  await partner.getByLabel('Password', { exact: true }).fill(password);
  await partner.getByRole('button', { name: /sign in/i }).click();
  await partner.waitForURL('**/dashboard/partner');
  const studentIds = [];
  for (const county of ['Kisii', 'Narok', 'Kakamega', 'Kisumu']) {
    if (studentIds.length >= 10) break;
    const found = await apiOk(partner, 'GET', `${SP}/available-students?county=${county}&pageSize=100`);
    studentIds.push(...found.items.map((s) => s.id));
  }
  assert.ok(studentIds.length >= 10, `ten learners to enroll (${studentIds.length})`);
  const program = await apiOk(partner, 'POST', `${SP}/programs`, {
    name: PROGRAM, description: 'Vikundi vya kusoma kwa wanafunzi wa Kisii na Narok.', programType: 'cohort', minChildren: 10,
    billingPeriod: 'monthly', pricePerChild: 1500, currency: 'KES', startDate: '2027-01-06', endDate: '2027-11-27',
    goals: [{ title: 'Kila mtoto asome kitabu kila wiki', metric: 'lessons_completed_per_child', target: 20 }],
  }, 201);
  await apiOk(partner, 'POST', `${SP}/programs/${program.id}/children`, { studentIds });
  await apiOk(partner, 'POST', `${SP}/programs/${program.id}/submit`);
  const admin = await open();
  await admin.goto('/login');
  await admin.getByLabel(/email/i).fill('admin@elimu.demo');
  await admin.getByLabel('Password', { exact: true }).fill(password);
  await admin.getByRole('button', { name: /sign in/i }).click();
  await admin.waitForURL('**/dashboard/admin');
  await apiOk(admin, 'POST', `/api/v1/admin/sponsorship-programs/${program.id}/approve`);
  await apiOk(partner, 'POST', `${SP}/consent/request`, { programId: program.id });
  state.programId = program.id;
  state.partner = partner;
});

test('a guardian switches to Kiswahili on the sign-in page and reads the inbox in Kiswahili on a phone', async () => {
  const page = await open(PHONE);
  await page.goto('/login');
  await page.getByTestId('language-switcher').selectOption('sw');
  await page.getByRole('heading', { level: 1, name: 'Ingia' }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'sw');
  await screenshot(page, 'kiswahili-login-375');
  await signInInKiswahili(page, GUARDIAN);
  await page.waitForURL('**/dashboard/parent');
  await page.getByText('Maombi ya idhini').first().waitFor();

  await page.getByTestId('parent-consents-link').click();
  await page.getByRole('heading', { level: 1, name: 'Maombi ya idhini' }).waitFor();
  await page.getByRole('heading', { name: 'Yanasubiri jibu lako' }).waitFor();
  assert.match(await page.getByTestId('pending-consent-count').innerText(), /(Ombi 1 linasubiri|Maombi \d+ yanasubiri) jibu lako/);
  assert.ok(await fitsWidth(page), 'no sideways scrolling at 375 px');
  assert.deepEqual(await accessibilityProblems(page), []);
  await screenshot(page, 'kiswahili-parent-consents-375');

  // The choice made before signing in is now the account's.
  const me = await apiOk(page, 'GET', '/api/v1/auth/me');
  assert.equal(me.preferredLanguage, 'sw');
  state.parent = page;
});

test('the guardian reads a request in Kiswahili and signs it; the record keeps sw and the Kiswahili text hash', async () => {
  const page = state.parent;
  const waiting = (await apiOk(page, 'GET', '/api/v1/parent/consents?status=pending&pageSize=100&language=sw')).items
    .filter((c) => c.programName === PROGRAM);
  assert.ok(waiting.length >= 1, 'a request in the program');
  const request = waiting[0];
  await page.goto(`/dashboard/parent/consents/${request.id}`);
  await page.getByText('Unaombwa kukubali nini').waitFor();
  const text = page.getByTestId('consent-text').first();
  assert.equal(await text.getAttribute('lang'), 'sw');
  assert.match(await text.innerText(), /^Mimi, .+, ni mzazi au mlezi wa /);
  assert.match(await text.innerText(), /Ninaweza kuondoa idhini hii wakati wowote/);
  assert.match(await page.getByTestId('consent-sees').innerText(), /Jina, darasa, shule na kaunti/);
  assert.ok(await fitsWidth(page), 'no sideways scrolling at 375 px');
  assert.deepEqual(await accessibilityProblems(page), []);
  await screenshot(page, 'kiswahili-consent-375');

  await page.getByTestId('consent-agree').scrollIntoViewIfNeeded();
  if (await page.getByTestId('consent-sign-one').count()) await page.getByTestId('consent-sign-one').check();
  await page.getByTestId('consent-agree-checkbox').check();
  await page.getByTestId('consent-signed-name').fill('Mary Nyamweya');
  await page.getByRole('button', { name: 'Kubali na utie sahihi' }).click();
  const notice = page.getByTestId('consent-notice');
  await notice.waitFor();
  assert.match(await notice.innerText(), /^Asante\. Idhini yako imetiwa sahihi/);
  assert.equal(await page.getByTestId('consent-signed-language').innerText(), 'Kiswahili');
  await screenshot(page, 'kiswahili-consent-signed-375');

  const record = await apiOk(page, 'GET', `/api/v1/parent/consents/${request.id}?language=en`);
  assert.equal(record.status, 'given');
  assert.equal(record.signedLanguage, 'sw');
  assert.equal(record.consentTextLanguage, 'sw', 'the record shows the words signed, whatever language is asked for');
  const hash = await page.evaluate(async (t) => {
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(t));
    return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
  }, record.consentText);
  assert.equal(record.signedTextSha256, hash);
  state.childId = request.id;

  // The same page at 1440 px.
  await page.setViewportSize({ width: 1440, height: 900 });
  await screenshot(page, 'kiswahili-consent-signed-1440');
});

test('the partner sees the Kiswahili signature and switches the shell to Kiswahili', async () => {
  const partner = state.partner;
  const status = await apiOk(partner, 'GET', `${SP}/consent/status?programId=${state.programId}&pageSize=100`);
  assert.ok(status.items.some((c) => c.signedLanguages.includes('sw')), 'a child whose consent was signed in Kiswahili');

  await partner.goto('/dashboard/partner/sponsorships');
  await partner.getByTestId('language-switcher').selectOption('sw');
  await partner.getByRole('navigation', { name: 'Menyu ya mshirika' }).waitFor();
  assert.match(await partner.getByTestId('sidebar-item-sponsorships').innerText(), /Ufadhili/);
  assert.equal(await partner.evaluate(() => document.documentElement.lang), 'sw');
  assert.equal((await apiOk(partner, 'GET', '/api/v1/auth/me')).preferredLanguage, 'sw');
  await screenshot(partner, 'kiswahili-partner-shell-1440');

  const phone = await open(PHONE);
  await phone.goto('/login');
  await phone.getByLabel(/email/i).fill('partner2@elimu.demo');
  await phone.getByLabel('Password', { exact: true }).fill(password);
  await phone.getByRole('button', { name: /sign in/i }).click();
  await phone.waitForURL('**/dashboard/partner');
  // The account's language follows the partner to another device.
  await phone.getByTestId('mobile-menu-button').waitFor();
  await phone.waitForFunction(() => document.documentElement.lang === 'sw');
  await phone.getByTestId('mobile-menu-button').click();
  await phone.getByRole('navigation', { name: 'Menyu ya mshirika' }).waitFor();
  await screenshot(phone, 'kiswahili-partner-shell-375', { fullPage: false });
});

test('both accounts go back to English for the journeys after this one', async () => {
  for (const page of [state.partner, state.parent]) {
    const me = await apiOk(page, 'PUT', '/api/v1/auth/preferences', { language: 'en' });
    assert.equal(me.preferredLanguage, 'en');
  }
});
