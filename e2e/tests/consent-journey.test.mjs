// The consent journey (DESIGN.md §3 "Consent before data"; the plan's Verification Plan, "Consent flow"):
// a partner creates a program, adds ten children and asks for consent; the admin sends it back once, then approves;
// a guardian signs on a phone; the partner's counters change without a reload and the child's views open;
// the guardian withdraws; the partner is back to the consent-required state.
//
// Who signs: the seed (backend Data/Seeding/DemoNames.Households) makes parent2@elimu.demo, John Kamau, the
// guardian of every learner at the Nairobi, Kiambu and Nyeri schools (5 + 3 + 2 = 10), and none of them is
// sponsored by partner2@elimu.demo (Mwangaza's cohort is Coast and Rift). Parent@'s children are the demo
// partner's, so this journey uses partner2 and parent2.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, rmSync } from 'node:fs';
import { accessibilityProblems, api, apiOk, launch, loginAndLand, newPage, screenshot } from './browser.mjs';

const SP = '/api/v1/partner/sponsorships';
const PROGRAM = 'Central Highlands Readers (e2e)';
const COUNTIES = ['Nairobi', 'Kiambu', 'Nyeri'];
const GUARDIAN = { email: 'parent2@elimu.demo', name: 'John Kamau' };
const DESCRIPTION = 'Reading circles and Elimu lessons for learners in Nairobi, Kiambu and Nyeri.';
const CHILD_TABS = [
  ['learning-journey', 'Learning Journey'],
  ['activity', 'Activity'],
  ['achievements', 'Achievements'],
  ['goals', 'Goals'],
  ['ai-insights', 'AI Insights'],
];
const REJECTION = 'Please add a start date and say how the reading circles will run.';

let browser;
/** One browser context per person, open side by side, as on three devices. */
let partner, admin, parent;
const state = {};

const shot = (page, step, name, options) => screenshot(page, `consent-journey-${step}-${name}`, options);
const digits = async (locator) => Number((await locator.innerText()).replace(/[^\d]/g, ''));

before(async () => {
  // Screenshots of an earlier run (perhaps with other step numbers) would mix with this one's.
  const dir = new URL('../screenshots/', import.meta.url);
  for (const file of readdirSync(dir)) if (file.startsWith('consent-journey-')) rmSync(new URL(file, dir));
  browser = await launch();
});
after(async () => {
  for (const page of [partner, admin, parent]) await page?.context().close().catch(() => undefined);
  await browser?.close();
});

test('partner2 creates a program and enrolls ten children whose guardian has an account', async () => {
  partner = await newPage(browser);
  await loginAndLand(partner, 'partner2@elimu.demo', '/dashboard/partner');
  await partner.getByTestId('stat-children-with-consent').waitFor();

  await partner.getByTestId('partner-sidebar').getByRole('link', { name: /^Sponsorships/ }).click();
  await partner.waitForURL('**/dashboard/partner/sponsorships');
  await createProgramInTheUi();

  const children = await apiOk(partner, 'GET', `${SP}/children?programId=${state.programId}&pageSize=100`);
  assert.equal(children.total, 10);
  assert.ok(children.items.every((c) => c.status === 'PENDING_CONSENT'), 'every child waits for consent');
  state.childByStudent = Object.fromEntries(children.items.map((c) => [c.studentId, c.id]));
  const program = await apiOk(partner, 'GET', `${SP}/programs/${state.programId}`);
  assert.equal(program.status, 'PENDING_APPROVAL');
  assert.equal(program.children.enrolled, 10);
});

async function createProgramInTheUi() {
  await partner.getByTestId('new-program').click();
  const form = partner.getByTestId('program-form-modal');
  await form.waitFor();
  // Required fields are marked: an asterisk after the label (drawn, not read) and aria-required on the control.
  const required = await form.locator('label[data-required="true"]').evaluateAll((labels) =>
    labels.map((l) => [l.textContent.trim(), getComputedStyle(l, '::after').content, document.getElementById(l.htmlFor)?.getAttribute('aria-required')]));
  for (const name of ['Program name', 'Program type', 'Billing period', 'Price per child'])
    assert.deepEqual(required.find(([label]) => label === name), [name, '"*"', 'true'], `${name} is marked required`);
  assert.ok(!required.some(([label]) => label === 'Description'), 'the description is optional');
  assert.deepEqual(await accessibilityProblems(partner), []);
  await form.getByLabel('Program name').fill(PROGRAM);
  await form.getByLabel('Description').fill(DESCRIPTION);
  await form.getByLabel('Program type').selectOption('cohort');
  await form.getByLabel('Billing period').selectOption('monthly');
  await form.getByLabel('Maximum children').fill('20');
  await form.getByLabel('Price per child').fill('1200');
  await shot(partner, '01', 'partner-new-program', { fullPage: false });
  await form.getByTestId('program-form-submit').click();
  await partner.waitForURL(/\/dashboard\/partner\/sponsorships\/[0-9a-f-]{36}$/);
  state.programId = partner.url().split('/').pop();

  // With no children yet, submitting is not offered, and the page says how many are missing.
  const submit = partner.getByTestId('action-submit');
  await submit.waitFor();
  assert.equal(await submit.isDisabled(), true);
  assert.equal(await partner.getByTestId('action-submit-reason').innerText(), '0 of at least 10 children enrolled; add 10 more');
  await shot(partner, '01a', 'partner-draft-submit-disabled', { fullPage: false });

  // Ten children, county by county; the selection is kept while the filter changes.
  await partner.getByTestId('add-children').click();
  const modal = partner.getByTestId('add-children-modal');
  await modal.waitFor();
  const counter = modal.getByTestId('enrollment-counter');
  assert.equal(await counter.innerText(), '0 / min 10');
  let chosen = 0;
  for (const county of COUNTIES) {
    const loaded = partner.waitForResponse((r) => r.url().includes('/available-students') && r.url().includes(`county=${county}`));
    await modal.getByLabel('County').selectOption(county);
    await loaded;
    const rows = modal.getByTestId('available-students').locator('tbody tr');
    await partner.waitForFunction(
      (c) => {
        const trs = [...document.querySelectorAll('[data-testid="add-children-modal"] [data-testid="available-students"] tbody tr')];
        return trs.length > 0 && trs.every((tr) => tr.textContent.includes(c));
      },
      county,
    );
    assert.ok((await rows.count()) > 0, `learners in ${county}`);
    await modal.getByTestId('select-all-students').check();
    // Each chosen child is a chip, and the counter is the program's size after adding against its minimum.
    chosen += await rows.count();
    assert.equal(await modal.getByTestId('student-chip').count(), chosen);
    assert.equal(await counter.innerText(), `${chosen} / min 10`);
  }
  assert.match(await modal.getByTestId('selected-count').innerText(), /^10 selected/);
  assert.equal(await counter.innerText(), '10 / min 10');
  assert.deepEqual(await accessibilityProblems(partner), []);
  await shot(partner, '02', 'partner-add-children', { fullPage: false });
  await modal.getByTestId('add-children-submit').click();
  await modal.waitFor({ state: 'detached' });
  await partner.getByTestId('program-children-table').locator('tbody tr').nth(9).waitFor();

  await partner.getByTestId('action-submit').click();
  const confirm = partner.getByTestId('program-action-dialog');
  await confirm.getByTestId('confirm-button').click();
  await confirm.waitFor({ state: 'detached' });
  await partner.waitForFunction(() => /pending approval/i.test(document.querySelector('[data-testid="program-status"]')?.textContent ?? ''));
  await shot(partner, '03', 'partner-program-submitted');
}

test('the admin sends the program back with a reason, then approves it once resubmitted', async () => {
  admin = await newPage(browser);
  await loginAndLand(admin, 'admin@elimu.demo', '/dashboard/admin');
  const count = admin.getByTestId('admin-pending-count');
  await count.waitFor();
  assert.ok((await digits(count)) >= 2, 'the seeded Girls in STEM program and the new one wait');
  await shot(admin, '04', 'admin-dashboard');

  await admin.getByTestId('admin-programs-link').click();
  await admin.waitForURL('**/dashboard/admin/sponsorship-programs');
  const row = admin.getByRole('row').filter({ hasText: PROGRAM });
  await row.waitFor();
  assert.match(await row.innerText(), /10 \/ 10 min/);
  assert.ok(await admin.getByRole('row').filter({ hasText: 'Girls in STEM' }).isVisible());
  await shot(admin, '05', 'admin-programs');

  await row.getByRole('button', { name: 'Review' }).click();
  const dialog = admin.getByTestId('program-review-dialog');
  await dialog.waitFor();
  await dialog.getByText('Mwangaza Telecom Foundation').first().waitFor();
  assert.deepEqual(await accessibilityProblems(admin), []);
  await shot(admin, '06', 'admin-program-review', { fullPage: false });

  // Reject needs a reason: the empty form is refused before anything is sent.
  await dialog.getByTestId('program-reject').click();
  await dialog.getByTestId('program-reject-confirm').click();
  await dialog.getByTestId('program-reject-reason-error').waitFor();
  await dialog.getByTestId('program-reject-reason').fill(REJECTION);
  await shot(admin, '07', 'admin-program-reject', { fullPage: false });
  await dialog.getByTestId('program-reject-confirm').click();
  await dialog.waitFor({ state: 'detached' });
  await row.waitFor({ state: 'detached' });

  // The partner reads the reason and submits again.
  const draft = await apiOk(partner, 'GET', `${SP}/programs/${state.programId}`);
  assert.equal(draft.status, 'DRAFT');
  assert.equal(draft.rejectionReason, REJECTION);
  await partner.goto(`/dashboard/partner/sponsorships/${state.programId}`);
  await partner.getByText(REJECTION).first().waitFor();
  await shot(partner, '08', 'partner-program-sent-back');
  await partner.getByTestId('action-submit').click();
  await partner.getByTestId('program-action-dialog').getByTestId('confirm-button').click();
  await partner.getByTestId('program-action-dialog').waitFor({ state: 'detached' });

  await admin.reload();
  await row.waitFor();
  await row.getByRole('button', { name: 'Review' }).click();
  await dialog.getByTestId('program-approve').click();
  // The confirm step restates the program, its children and its price before anything is sent.
  await dialog.getByTestId('approve-children').waitFor();
  assert.deepEqual(await accessibilityProblems(admin), []);
  await shot(admin, '08a', 'admin-approve-confirm');
  assert.match(await dialog.getByTestId('approve-program').innerText(), new RegExp(PROGRAM.slice(0, 20)));
  await dialog.getByTestId('program-approve-confirm').click();
  await dialog.waitFor({ state: 'detached' });
  await admin.getByText(`“${PROGRAM}” is approved and now active.`).waitFor();
  await row.waitFor({ state: 'detached' });

  // The other statuses are a filter away: the program is listed as active now.
  await admin.getByLabel('Status').selectOption('ACTIVE');
  await admin.getByRole('row').filter({ hasText: PROGRAM }).waitFor();
  await shot(admin, '09', 'admin-programs-active');
  const active = await apiOk(partner, 'GET', `${SP}/programs/${state.programId}`);
  assert.equal(active.status, 'ACTIVE');
});

test('partner2 asks the guardians for consent and watches the counters', async () => {
  await partner.goto(`/dashboard/partner/sponsorships/${state.programId}`);
  await partner.getByTestId('request-consent').click();
  // A preview first: who will be asked and the words they will read; nothing is sent until confirmed.
  const confirm = partner.getByTestId('consent-confirm');
  await confirm.getByTestId('consent-preview-summary').waitFor();
  assert.match(await confirm.getByTestId('consent-preview-summary').innerText(), /guardians? of 10 children will be asked/);
  assert.deepEqual(await accessibilityProblems(partner), []);
  await shot(partner, '10a', 'partner-consent-preview', { fullPage: false });
  await confirm.getByTestId('confirm-button').click();
  const result = partner.getByTestId('consent-result');
  await result.waitFor();
  assert.equal(await digits(result.getByTestId('consent-children')), 10);
  assert.ok((await digits(result.getByTestId('consent-requested'))) >= 10, 'a request per guardian');
  assert.equal(await digits(result.getByTestId('consent-without')), 0);
  await shot(partner, '10', 'partner-consent-requested', { fullPage: false });

  await partner.goto('/dashboard/partner');
  await partner.getByTestId('stat-children-with-consent').waitFor();
  state.before = await apiOk(partner, 'GET', '/api/v1/partner/dashboard/counters');
  await waitForText(partner, '[data-testid="sidebar-badge-enrollments"]', state.before.pendingConsents);
  // The Sponsorships item lists programs, so it carries no count of children; the figure is on the dashboard.
  assert.equal(await partner.getByTestId('sidebar-badge-sponsorships').count(), 0);
  assert.equal(await digits(statValue(partner, 'children-with-consent')), state.before.childrenWithConsent);
  assert.equal(await digits(statValue(partner, 'pending-consents')), state.before.pendingConsents);
  await shot(partner, '11', 'partner-badges-before');
  // Marks this document: if the page reloads, the mark is gone.
  await partner.evaluate(() => {
    window.__consentJourney = 'no reload';
  });
});

test('the guardian sees the request on a 375 px phone and signs it', async () => {
  parent = await newPage(browser, { width: 375, height: 812 });
  await loginAndLand(parent, GUARDIAN.email, '/dashboard/parent');
  const pendingCount = parent.getByTestId('parent-pending-count');
  await pendingCount.waitFor();
  assert.ok((await digits(pendingCount)) >= 10, 'one request per child of the new program');
  await shot(parent, '12', 'parent-home-375');

  await parent.getByTestId('parent-consents-link').click();
  await parent.waitForURL('**/dashboard/parent/consents');
  const items = parent.getByTestId('consent-item');
  await items.first().waitFor();
  assert.equal(await items.first().getAttribute('data-status'), 'pending', 'unanswered requests come first');
  assert.ok(await fitsWidth(parent), 'the inbox fits 375 px');
  await shot(parent, '13', 'parent-inbox-375');

  await items.filter({ hasText: PROGRAM }).first().getByRole('link').click();
  await parent.waitForURL(/\/dashboard\/parent\/consents\/[0-9a-f-]{36}$/);
  state.consentId = parent.url().split('/').pop();
  await parent.getByTestId('consent-text').waitFor();
  const consent = await apiOk(parent, 'GET', `/api/v1/parent/consents/${state.consentId}`);
  state.childId = state.childByStudent[consent.studentId];
  state.childName = consent.childName;
  assert.ok(state.childId, 'the request is for one of the ten children');
  assert.match(await parent.getByTestId('consent-who').innerText(), /Mwangaza/);
  assert.match(await parent.getByTestId('consent-text').innerText(), new RegExp(`I, ${GUARDIAN.name}, am a parent or guardian of ${state.childName}`));
  assert.ok(await fitsWidth(parent), 'the request fits 375 px');
  await shot(parent, '14', 'parent-consent-detail-375');

  // Someone else's name is refused by the server, with the message under the field.
  await parent.getByText('I have read and agree').click();
  const name = parent.getByLabel('Your full name (signature)');
  await name.fill('Grace Otieno');
  await parent.getByTestId('consent-agree').click();
  const nameError = parent.getByTestId('consent-name-error');
  await nameError.waitFor();
  assert.match(await nameError.innerText(), /John Kamau/);
  await shot(parent, '15', 'parent-name-mismatch-375');

  // Typed on a phone: case and spacing are forgiven.
  await name.fill('john  KAMAU');
  await parent.getByTestId('consent-agree').click();
  const record = parent.getByTestId('consent-record');
  await record.waitFor();
  assert.equal(await record.getAttribute('data-status'), 'given');
  assert.match(await parent.getByTestId('consent-signed-by').innerText(), /^john\s+KAMAU$/, 'the signature as typed');
  assert.match(await parent.getByTestId('consent-signed-at').innerText(), /^\d{1,2} \w{3} \d{4} at \d{2}:\d{2} \(Nairobi time\)$/);
  assert.deepEqual(await accessibilityProblems(parent), []);
  await shot(parent, '16', 'parent-signed-375');
});

test('the partner’s counters change without a reload, and the child’s views show data', async () => {
  const want = { active: state.before.childrenWithConsent + 1, pending: state.before.pendingConsents - 1 };
  await waitForText(partner, '[data-testid="stat-children-with-consent"] [data-role="value"]', want.active);
  await waitForText(partner, '[data-testid="stat-pending-consents"] [data-role="value"]', want.pending);
  await waitForText(partner, '[data-testid="sidebar-badge-enrollments"]', want.pending);
  assert.equal(await partner.evaluate(() => window.__consentJourney), 'no reload');
  assert.equal(await digits(statValue(partner, 'children-with-consent')), want.active);
  await shot(partner, '17', 'partner-badges-after');

  // With consent the child is named in full and every view answers with data.
  const child = await apiOk(partner, 'GET', `${SP}/children/${state.childId}`);
  assert.equal(child.displayName, state.childName);
  assert.equal(child.consentStatus, 'given');
  const progress = await apiOk(partner, 'GET', `${SP}/children/${state.childId}/progress`);
  assert.ok(progress.areas.length > 0 && progress.weeklyProgress.length > 0, 'the learning journey has areas and weeks');
  for (const view of ['activity', 'achievements', 'goals', 'ai-insights']) await apiOk(partner, 'GET', `${SP}/children/${state.childId}/${view}`);

  await partner.goto(`/dashboard/partner/sponsored-children/${state.childId}`);
  await partner.getByTestId('child-tabs').waitFor();
  await partner.getByText(state.childName).first().waitFor();
  for (const [i, [key, label]] of CHILD_TABS.entries()) {
    await partner.getByTestId('child-tabs').getByRole('tab', { name: label }).click();
    const panel = partner.getByTestId(`panel-${key}`);
    await panel.waitFor();
    await partner.waitForLoadState('networkidle');
    assert.equal(await partner.getByTestId('consent-required').count(), 0, `${label} is not hidden`);
    assert.ok((await panel.innerText()).trim().length > 0, `${label} shows something`);
    await shot(partner, `18${'abcde'[i]}`, `partner-child-${key}`);
  }
});

test('the guardian withdraws consent; the partner is back to the consent-required state', async () => {
  await partner.goto('/dashboard/partner');
  await partner.getByTestId('stat-children-with-consent').waitFor();
  await partner.evaluate(() => {
    window.__consentJourney = 'no reload';
  });
  await waitForText(partner, '[data-testid="stat-children-with-consent"] [data-role="value"]', state.before.childrenWithConsent + 1);

  await parent.getByTestId('consent-withdraw').click();
  const dialog = parent.getByTestId('withdraw-dialog');
  await dialog.waitFor();
  assert.match(await dialog.innerText(), /stops seeing .+ learning data at once/);
  await dialog.getByTestId('withdraw-reason').fill('We want to talk to the school first.');
  await shot(parent, '19', 'parent-withdraw-dialog-375', { fullPage: false });
  await dialog.getByTestId('withdraw-confirm').click();
  await dialog.waitFor({ state: 'detached' });
  await parent.waitForFunction(() => document.querySelector('[data-testid="consent-record"]')?.getAttribute('data-status') === 'revoked');
  assert.equal(await parent.getByTestId('consent-revocation-reason').innerText(), 'We want to talk to the school first.');
  assert.equal(await parent.getByTestId('consent-withdraw').count(), 0);
  await shot(parent, '20', 'parent-withdrawn-375');

  await waitForText(partner, '[data-testid="stat-children-with-consent"] [data-role="value"]', state.before.childrenWithConsent);
  assert.equal(await partner.evaluate(() => window.__consentJourney), 'no reload');
  await shot(partner, '21', 'partner-badges-after-withdrawal');

  // The data is gone at once: every view is refused with consent_required, and the name is private again.
  for (const view of ['progress', 'activity', 'achievements', 'goals', 'ai-insights']) {
    const refused = await api(partner, 'GET', `${SP}/children/${state.childId}/${view}`);
    assert.equal(refused.status, 403, view);
    assert.equal(refused.body.code, 'consent_required', view);
  }
  const child = await apiOk(partner, 'GET', `${SP}/children/${state.childId}`);
  assert.equal(child.consentStatus, 'revoked');
  assert.notEqual(child.displayName, state.childName);

  await partner.goto(`/dashboard/partner/sponsored-children/${state.childId}`);
  await partner.getByTestId('consent-required').waitFor();
  assert.equal(await partner.getByText(state.childName).count(), 0, 'the full name is hidden again');
  await shot(partner, '22', 'partner-consent-required');
});

/** Waits (up to 15 s, without reloading) until the element's text is the number. */
async function waitForText(page, selector, value) {
  await page.waitForFunction(([sel, want]) => document.querySelector(sel)?.textContent === want, [selector, String(value)], { timeout: 15_000 });
}

function statValue(page, key) {
  return page.getByTestId(`stat-${key}`).locator('[data-role="value"]');
}

function fitsWidth(page) {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
}
