// Issue 16, profile: a new organisation signs up from the sign-in page, lands on its dashboard with the onboarding
// checklist (pending verification: no programs yet), fills in its profile, uploads a logo (with a live preview of its
// branding), moves through the checklist, and is verified by an admin; then it may create a program.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { accessibilityProblems, api, launch, loginAndLand, newPage, screenshot } from './browser.mjs';

const EMAIL = `founder-${Date.now().toString(36)}@juakali.e2e`;
const ORG = `Jua Kali Foundation ${Date.now().toString(36)}`;
const PASSWORD = 'Founder#2026!';

let browser;
const pages = [];
before(async () => {
  browser = await launch();
});
after(async () => {
  for (const page of pages) await page.context().close().catch(() => undefined);
  await browser?.close();
});

/** A 240 × 160 PNG drawn by the browser itself: a real picture, made without a file on disk. */
async function pngFrom(page) {
  const base64 = await page.evaluate(() => {
    const canvas = document.createElement('canvas');
    canvas.width = 240;
    canvas.height = 160;
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#0f766e';
    ctx.fillRect(0, 0, 240, 160);
    ctx.fillStyle = '#ffffff';
    ctx.font = 'bold 64px sans-serif';
    ctx.fillText('JK', 60, 105);
    return canvas.toDataURL('image/png').split(',')[1];
  });
  return Buffer.from(base64, 'base64');
}

test('sign up, see the onboarding, edit the profile, upload a logo, get verified', async () => {
  const page = await newPage(browser);
  pages.push(page);
  await page.goto('/login');
  await page.getByTestId('signup-link').click();
  await page.waitForURL('**/signup');
  await page.getByTestId('signup-submit').click();
  await page.getByText('Enter your organisation’s name.').waitFor();
  assert.deepEqual(await accessibilityProblems(page), []);
  await screenshot(page, 'signup-1440');
  await page.getByTestId('signup-organizationName').fill(ORG);
  await page.getByTestId('signup-organizationType').selectOption('Foundation');
  await page.getByTestId('signup-fullName').fill('Wanjiru Kamau');
  await page.getByTestId('signup-email').fill(EMAIL);
  await page.getByTestId('signup-contactPhone').fill('0712 000 111');
  await page.getByTestId('signup-password').fill(PASSWORD);
  await page.getByTestId('signup-confirm').fill(PASSWORD);
  await page.getByTestId('signup-submit').click();
  await page.waitForURL('**/dashboard/partner');

  // The checklist greets the new partner; it is pending, so programs wait.
  const checklist = page.getByTestId('onboarding-checklist');
  await checklist.waitFor();
  assert.match(await checklist.innerText(), /waiting for verification/);
  await screenshot(page, 'onboarding-dashboard-1440');
  const refused = await api(page, 'POST', '/api/v1/partner/sponsorships/programs', { name: 'Too early' });
  assert.equal(refused.status, 403);
  assert.equal(refused.body.code, 'partner_not_verified');

  // The Account section of the sidebar leads to the profile.
  const sidebar = page.getByTestId('partner-sidebar');
  await sidebar.getByTestId('sidebar-section-toggle-account').click();
  await sidebar.getByRole('link', { name: 'Profile', exact: true }).click();
  await page.waitForURL('**/dashboard/partner/profile');
  await page.getByTestId('verification-banner').waitFor();

  // A wrong phone number is caught next to its field; the server's county check likewise.
  const phone = page.getByTestId('field-contactPhone');
  await phone.fill('+1 555 0100');
  await page.getByTestId('profile-save').click();
  await page.getByTestId('error-contactPhone').waitFor();
  await phone.fill('0712 000 111');
  await page.getByTestId('field-address.county').fill('Atlantis');
  await page.getByTestId('profile-save').click();
  await page.getByTestId('error-address.county').waitFor();
  await page.getByTestId('field-address.county').fill('Kisumu');
  await page.getByTestId('field-website').fill('juakali.or.ke');
  await page.getByTestId('field-brandingConfig.primaryColor').fill('#0F766E');
  await page.getByTestId('profile-save').click();
  await page.getByTestId('profile-saved').waitFor();
  assert.equal(await page.getByTestId('field-website').inputValue(), 'https://juakali.or.ke/');

  // A file that only claims to be a picture is refused by the server, by its content.
  await page.getByTestId('logo-input').setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: Buffer.from('<html>not a picture</html>') });
  await page.getByTestId('logo-error').waitFor();
  assert.match(await page.getByTestId('logo-error').innerText(), /not a PNG, JPEG or WebP/);

  await page.getByTestId('logo-input').setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: await pngFrom(page) });
  await page.locator('[data-testid="logo-image"][src*="/profile/logo?v="]').waitFor();
  const logo = await page.evaluate(async () => {
    const r = await fetch(document.querySelector('[data-testid="logo-image"]').getAttribute('src'));
    return { status: r.status, type: r.headers.get('content-type'), cache: r.headers.get('cache-control') };
  });
  assert.deepEqual(logo, { status: 200, type: 'image/png', cache: 'private, max-age=86400' });
  // The branding preview shows the saved colour behind the name.
  const header = page.getByTestId('branding-preview').locator('div[style]').first();
  assert.equal(await header.evaluate((el) => getComputedStyle(el).backgroundColor), 'rgb(15, 118, 110)');
  assert.deepEqual(await accessibilityProblems(page), []);
  await screenshot(page, 'profile-1440');
  await page.setViewportSize({ width: 375, height: 812 });
  await screenshot(page, 'profile-375');
  await page.goto('/dashboard/partner');
  await page.getByTestId('onboarding-checklist').waitFor();
  await screenshot(page, 'onboarding-dashboard-375');
  await page.setViewportSize({ width: 1440, height: 900 });

  // Details and logo are done: the checklist moves on twice, then the team step is skipped.
  assert.equal(await page.getByTestId('onboarding-step-organization').getAttribute('data-done'), 'true');
  assert.equal(await page.getByTestId('onboarding-step-branding').getAttribute('data-done'), 'true');
  await page.getByTestId('onboarding-next').click();
  await page.locator('[data-testid="onboarding-step-branding"][aria-current="step"]').waitFor();
  await page.getByTestId('onboarding-next').click();
  await page.locator('[data-testid="onboarding-step-team"][aria-current="step"]').waitFor();
  await page.getByTestId('onboarding-skip').click();
  await page.locator('[data-testid="onboarding-step-program"][aria-current="step"]').waitFor();

  // An admin verifies the organisation; the partner may then create a program.
  const admin = await newPage(browser);
  pages.push(admin);
  await loginAndLand(admin, 'admin@elimu.demo', '/dashboard/admin');
  await admin.getByTestId('admin-partners-link').click();
  await admin.waitForURL('**/dashboard/admin/partners');
  const row = admin.getByTestId('partner-row').filter({ hasText: ORG });
  await row.waitFor();
  assert.deepEqual(await accessibilityProblems(admin), []);
  await screenshot(admin, 'admin-partners-1440');
  await row.getByTestId('verify-partner').click();
  await row.waitFor({ state: 'detached' });

  const profile = await api(page, 'GET', '/api/v1/partner/account/profile');
  assert.equal(profile.body.verificationStatus, 'verified');
  await page.reload();
  await page.getByTestId('onboarding-checklist').waitFor();
  assert.doesNotMatch(await page.getByTestId('onboarding-checklist').innerText(), /waiting for verification/);
});
