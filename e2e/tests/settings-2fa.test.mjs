// Issue 16, settings: a partner turns on two-factor sign-in in Chromium (the shared key read from the page, the code
// computed here as an authenticator app would: RFC 6238 with node:crypto), signs out, and signs in again with the
// password and a fresh code; a wrong code is refused. Then the light theme is chosen and kept across a reload, and the
// page is photographed at 1440 and 375 wide in both themes. At the end two-factor is turned off and the theme set back,
// so later tests sign in with the password alone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { accessibilityProblems, api, launch, loginAndLand, newPage, password, screenshot } from './browser.mjs';

const EMAIL = 'partner2@elimu.demo';

/** RFC 4648 base32 → bytes. */
function base32(text) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const ch of text.replace(/[\s=]/g, '').toUpperCase()) bits += alphabet.indexOf(ch).toString(2).padStart(5, '0');
  const bytes = [];
  for (let i = 0; i + 8 <= bits.length; i += 8) bytes.push(parseInt(bits.slice(i, i + 8), 2));
  return Buffer.from(bytes);
}

/** RFC 6238 TOTP (HMAC-SHA1, 30-second steps, 6 digits) as an authenticator app computes it. */
export function totp(secret, at = Date.now()) {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(at / 1000 / 30)));
  const hmac = createHmac('sha1', base32(secret)).update(counter).digest();
  const offset = hmac[hmac.length - 1] & 0x0f;
  const code = (hmac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000;
  return code.toString().padStart(6, '0');
}

let browser;
const pages = [];
before(async () => {
  browser = await launch();
});
after(async () => {
  for (const page of pages) await page.context().close().catch(() => undefined);
  await browser?.close();
});

async function openSettings(page) {
  const sidebar = page.getByTestId('partner-sidebar');
  await sidebar.getByTestId('sidebar-section-toggle-account').click();
  await sidebar.getByRole('link', { name: 'Settings', exact: true }).click();
  await page.waitForURL('**/dashboard/partner/settings');
  await page.getByTestId('settings-two-factor').waitFor();
}

test('enable two-factor, sign out, sign in with a generated code; switch theme', async () => {
  const page = await newPage(browser);
  pages.push(page);
  await loginAndLand(page, EMAIL, '/dashboard/partner');
  await openSettings(page);
  await page.getByTestId('session-row').first().waitFor();
  await screenshot(page, 'settings-1440');

  await page.getByTestId('set-up-two-factor').click();
  const key = (await page.getByTestId('shared-key').textContent()).replace(/\s/g, '');
  assert.match(key, /^[a-z2-7]{16,}$/);
  await page.getByRole('img', { name: 'QR code for your authenticator app' }).waitFor();
  await screenshot(page, 'settings-2fa-setup');
  await page.getByTestId('verify-code').fill(totp(key));
  await page.getByTestId('enable-two-factor').click();
  await page.getByTestId('recovery-codes').waitFor();
  const codes = (await page.getByTestId('recovery-codes').locator('li').allTextContents()).map((c) => c.trim());
  assert.equal(codes.length, 10);
  await page.getByTestId('recovery-codes-done').click();
  await page.getByTestId('two-factor-on').waitFor();

  // Sign out, then in again: the password step asks for the code.
  await page.getByTestId('partner-sidebar').getByTestId('sidebar-item-logout').click();
  await page.waitForURL('**/login');
  await page.getByLabel(/email/i).fill(EMAIL);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: /sign in/i }).click();
  await page.getByTestId('second-factor-form').waitFor();
  await page.getByTestId('second-factor-input').fill(totp(key, Date.now() - 10 * 60_000)); // ten minutes old: wrong
  await page.getByTestId('second-factor-submit').click();
  await page.getByTestId('login-error').waitFor();
  assert.match(await page.getByTestId('login-error').textContent(), /not right/);
  await screenshot(page, 'login-second-factor');
  await page.getByTestId('second-factor-input').fill(totp(key));
  await page.getByTestId('second-factor-submit').click();
  await page.waitForURL('**/dashboard/partner');

  // Theme: light, kept across a reload (saved on the account).
  await openSettings(page);
  await page.getByTestId('theme-light').click();
  await page.waitForFunction(() => document.documentElement.dataset.theme === 'light');
  const me = await api(page, 'GET', '/api/v1/auth/me');
  assert.equal(me.body.theme, 'light');
  await page.reload();
  await page.getByTestId('settings-two-factor').waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'light');
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.equal(background, 'rgb(245, 245, 247)');
  assert.deepEqual(await accessibilityProblems(page), []);
  await screenshot(page, 'settings-light-1440');
  await page.setViewportSize({ width: 375, height: 812 });
  await screenshot(page, 'settings-light-375');
  await page.getByTestId('theme-dark').click();
  await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
  await screenshot(page, 'settings-375');

  // Back as it was: two-factor off (with a code), so later tests sign in with the password alone.
  await page.getByTestId('disable-two-factor').click();
  await page.getByTestId('two-factor-proof').fill(password);
  await page.getByRole('button', { name: 'Turn off two-factor' }).click();
  await page.getByTestId('set-up-two-factor').waitFor();
});
