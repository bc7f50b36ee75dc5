// The parent's consent pages and the admin's approval queue as the demo data leaves them (read only: nothing is
// answered or approved here, so the other journeys keep their story). Grace Otieno (parent@elimu.demo) has
// Faith's request waiting, Brian's and Joy's consents given and Kevin's withdrawn; "Girls in STEM" waits for the admin.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { accessibilityProblems, launch, loginAndLand, newPage, screenshot } from './browser.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const fitsWidth = (page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

test('the parent’s inbox on a 375 px phone: Faith’s request first, then the answered ones', async () => {
  const page = await newPage(browser, { width: 375, height: 812 });
  await loginAndLand(page, 'parent@elimu.demo', '/dashboard/parent');
  await page.getByTestId('parent-pending-count').waitFor();
  assert.equal(await page.getByTestId('parent-pending-count').innerText(), '1');

  await page.getByTestId('parent-consents-link').click();
  const items = page.getByTestId('consent-item');
  await items.first().waitFor();
  const rows = await items.evaluateAll((lis) => lis.map((li) => [li.getAttribute('data-status'), li.querySelector('a span')?.textContent]));
  assert.deepEqual(rows[0], ['pending', 'Faith Otieno']);
  const byChild = Object.fromEntries(rows.map(([status, name]) => [name, status]));
  assert.equal(byChild['Brian Otieno'], 'given');
  assert.equal(byChild['Joy Otieno'], 'given');
  assert.equal(byChild['Kevin Otieno'], 'revoked');
  assert.match(await page.getByTestId('pending-consent-count').innerText(), /1 request waits for your answer/);
  assert.ok(await fitsWidth(page), 'no sideways scrolling at 375 px');
  assert.deepEqual(await accessibilityProblems(page), []);
  await screenshot(page, 'parent-consents-375');

  await items.first().getByRole('link').click();
  await page.getByTestId('consent-text').waitFor();
  assert.match(await page.getByTestId('consent-who').innerText(), /Tumaini Education Fund[\s\S]*Lake Region Scholars 2026/);
  assert.match(await page.getByTestId('consent-text').innerText(), /I, Grace Otieno, am a parent or guardian of Faith Otieno\./);
  assert.equal(await page.getByLabel('Your full name (signature)').inputValue(), '');
  // Touch targets: the checkbox row and the two answers are at least 44 px high.
  for (const target of [page.getByText('I have read and agree'), page.getByTestId('consent-agree'), page.getByTestId('consent-decline')]) {
    const box = await target.boundingBox();
    assert.ok(box && box.height >= 44, `touch target ${box?.height}px`);
  }
  assert.ok(await fitsWidth(page), 'the request fits 375 px');
  assert.deepEqual(await accessibilityProblems(page), []);
  await screenshot(page, 'parent-consent-request-375');

  // Declining asks first; going back changes nothing.
  await page.getByTestId('consent-decline').click();
  const dialog = page.getByTestId('decline-dialog');
  await dialog.waitFor();
  await screenshot(page, 'parent-consent-decline-375', { fullPage: false });
  await dialog.getByRole('button', { name: 'Go back' }).click();
  await dialog.waitFor({ state: 'detached' });
  assert.equal(await page.getByTestId('consent-detail').getAttribute('data-status'), 'pending');

  await page.goBack();
  await items.filter({ hasText: 'Kevin Otieno' }).getByRole('link').click();
  const record = page.getByTestId('consent-record');
  await record.waitFor();
  assert.equal(await record.getAttribute('data-status'), 'revoked');
  assert.match(await page.getByTestId('consent-revocation-reason').innerText(), /class teacher/);
  assert.match(await page.getByTestId('consent-revoked-at').innerText(), /\(Nairobi time\)$/);
  assert.deepEqual(await accessibilityProblems(page), []);
  await screenshot(page, 'parent-consent-withdrawn-375');
  await page.context().close();
});

test('the admin’s approval queue: details and the status filter', async () => {
  const page = await newPage(browser);
  await loginAndLand(page, 'admin@elimu.demo', '/dashboard/admin');
  await page.getByTestId('admin-programs-link').click();
  const row = page.getByRole('row').filter({ hasText: 'Girls in STEM Direct Sponsorship' });
  await row.waitFor();
  assert.match(await row.innerText(), /Tumaini Education Fund[\s\S]*Direct[\s\S]*10 \/ 10 min[\s\S]*4,000[\s\S]*Termly/);
  assert.deepEqual(await accessibilityProblems(page), []);
  await screenshot(page, 'admin-sponsorship-programs');

  // The wait policy: the installation's default until an admin sets it; a number out of range is refused before sending.
  const policy = page.getByTestId('sponsorship-policy');
  await policy.getByText('default (180 days) applies').waitFor();
  const days = policy.getByLabel('Days of waiting');
  await days.fill('3');
  await policy.getByText('Choose a whole number of days from 7 to 1,825.').waitFor();
  assert.ok(await policy.getByRole('button', { name: 'Save' }).isDisabled());
  await days.fill('90');
  await policy.getByRole('button', { name: 'Save' }).click();
  await policy.getByTestId('sponsorship-policy-saved').waitFor();
  assert.match(await policy.getByTestId('sponsorship-policy-source').innerText(), /^Set by .+ on .+The installation's default is 180 days\.$/);
  await screenshot(page, 'admin-sponsorship-policy', { fullPage: false });
  // Back to the default, so the other tests' rankings are the demo's.
  await days.fill('180');
  await policy.getByRole('button', { name: 'Save' }).click();
  await policy.getByTestId('sponsorship-policy-saved').waitFor();

  await row.getByRole('button', { name: 'Review' }).click();
  const dialog = page.getByTestId('program-review-dialog');
  await dialog.waitFor();
  assert.match(await dialog.innerText(), /0 active · 10 without consent yet/);
  assert.deepEqual(await accessibilityProblems(page), []);
  await screenshot(page, 'admin-sponsorship-program-details', { fullPage: false });
  await dialog.getByRole('button', { name: 'Close dialog' }).click();
  await dialog.waitFor({ state: 'detached' });

  await page.getByLabel('Status').selectOption('ACTIVE');
  await page.getByRole('row').filter({ hasText: 'Lake Region Scholars 2026' }).waitFor();
  assert.match(page.url(), /\?status=ACTIVE$/);
  await screenshot(page, 'admin-sponsorship-programs-active');
  await page.context().close();

  const phone = await newPage(browser, { width: 375, height: 812 });
  await loginAndLand(phone, 'admin@elimu.demo', '/dashboard/admin');
  await phone.goto('/dashboard/admin/sponsorship-programs');
  await phone.getByRole('row').filter({ hasText: 'Girls in STEM' }).waitFor();
  assert.ok(await fitsWidth(phone), 'the table scrolls inside its frame, not the page');
  // The terms wait in the review dialog: the program, its partner and the Review button fit the phone's screen.
  const review = await phone.getByRole('row').filter({ hasText: 'Girls in STEM' }).getByRole('button', { name: 'Review' }).boundingBox();
  assert.ok(review && review.x + review.width <= 375, `the Review button is on screen (${JSON.stringify(review)})`);
  await screenshot(phone, 'admin-sponsorship-programs-375');
  await phone.context().close();
});

test('the admin’s audit log: the admin’s own sign-in found by action, a bad id explained', async () => {
  const page = await newPage(browser);
  await loginAndLand(page, 'admin@elimu.demo', '/dashboard/admin');
  await page.getByTestId('admin-audit-link').click();
  const table = page.getByRole('table', { name: 'Audit log entries' });
  await table.getByRole('row').nth(1).waitFor();
  assert.deepEqual(await accessibilityProblems(page), []);
  await screenshot(page, 'admin-audit-log');

  await page.getByLabel('Action').fill('auth.signed_in');
  await page.getByRole('button', { name: 'Search' }).click();
  await page.waitForURL(/\?action=auth\.signed_in$/);
  // The URL changes before the filtered page arrives: wait until the rows shown are the filtered ones.
  await page.waitForFunction(() => {
    const codes = [...document.querySelectorAll('tbody code')];
    return codes.length > 0 && codes.every((c) => c.textContent === 'auth.signed_in');
  });
  const signIn = table.getByRole('row').filter({ hasText: 'admin@elimu.demo' }).first();
  await signIn.waitFor();
  assert.match(await signIn.innerText(), /auth\.signed_in/);
  const actions = await table.locator('tbody code').allInnerTexts();
  assert.ok(actions.length > 0 && actions.every((a) => a === 'auth.signed_in'), `only sign-ins: ${actions.join(', ')}`);
  await screenshot(page, 'admin-audit-log-filtered');

  await page.getByLabel('Child ID').fill('not-an-id');
  await page.getByRole('button', { name: 'Search' }).click();
  assert.match(await page.getByTestId('audit-filter-error-studentId').innerText(), /full ID/);
  assert.match(page.url(), /\?action=auth\.signed_in$/, 'a bad id never reaches the URL');
  assert.deepEqual(await accessibilityProblems(page), []);
  await screenshot(page, 'admin-audit-log-bad-id');
  await page.context().close();

  const phone = await newPage(browser, { width: 375, height: 812 });
  await loginAndLand(phone, 'admin@elimu.demo', '/dashboard/admin');
  await phone.goto('/dashboard/admin/audit');
  await phone.getByRole('table', { name: 'Audit log entries' }).getByRole('row').nth(1).waitFor();
  assert.ok(await fitsWidth(phone), 'the audit table scrolls inside its frame, not the page');
  await screenshot(phone, 'admin-audit-log-375');
  await phone.context().close();
});
