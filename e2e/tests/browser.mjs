// Shared Playwright setup: Debian's Chromium, headless, no background networking (the machine has no internet).
import { createRequire } from 'node:module';
import { mkdirSync, readFileSync } from 'node:fs';

const require = createRequire(new URL('../../frontend/package.json', import.meta.url));
const { chromium } = require('playwright-core');

export const baseUrl = process.env.ELIMU_BASE_URL ?? 'http://127.0.0.1:5080';
export const password = 'Demo#2026!';
const shots = new URL('../screenshots/', import.meta.url);
mkdirSync(shots, { recursive: true });

export async function launch() {
  return chromium.launch({
    executablePath: process.env.ELIMU_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
}

export async function newPage(browser, { width = 1440, height = 900 } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, baseURL: baseUrl, timezoneId: 'Africa/Nairobi' });
  return context.newPage();
}

export async function login(page, email) {
  await page.goto('/login');
  await page.getByLabel(/email/i).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: /sign in/i }).click();
}

/**
 * Saves e2e/screenshots/<name>.png: the whole page by default; `fullPage: false` keeps just the viewport (an open
 * dialog is fixed to it). Animations are run to their end first, so a dialog is not caught half faded in.
 */
export async function screenshot(page, name, { fullPage = true } = {}) {
  // From the top, so a sticky header is drawn where it belongs (and not where a smooth scroll had got to).
  if (fullPage) await page.evaluate(() => window.scrollTo({ top: 0, behavior: 'instant' }));
  await page.screenshot({ path: new URL(`${name}.png`, shots).pathname, fullPage, animations: 'disabled' });
}

/** Signs in and waits for the dashboard the role lands on. */
export async function loginAndLand(page, email, path) {
  await login(page, email);
  await page.waitForURL(`**${path}`);
}

/**
 * Calls the API from inside the page, with its session cookie and the X-XSRF-TOKEN header the server asks
 * for on unsafe methods: the same request the SPA would send. Answers `{ status, body }`.
 */
export async function api(page, method, path, body) {
  return page.evaluate(
    async ({ method, path, body }) => {
      const cookie = document.cookie.split(';').map((c) => c.trim()).find((c) => c.startsWith('XSRF-TOKEN='));
      const headers = { Accept: 'application/json' };
      if (body !== undefined) headers['Content-Type'] = 'application/json';
      if (cookie && method !== 'GET') headers['X-XSRF-TOKEN'] = decodeURIComponent(cookie.slice('XSRF-TOKEN='.length));
      const response = await fetch(path, {
        method,
        headers,
        credentials: 'same-origin',
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      let json = null;
      try {
        json = text ? JSON.parse(text) : null;
      } catch {
        json = text;
      }
      return { status: response.status, body: json };
    },
    { method, path, body },
  );
}

/** Like {@link api}, but fails the test unless the status is the one expected. */
export async function apiOk(page, method, path, body, expected = 200) {
  const result = await api(page, method, path, body);
  if (result.status !== expected)
    throw new Error(`${method} ${path} answered ${result.status}, expected ${expected}: ${JSON.stringify(result.body)}`);
  return result.body;
}

/**
 * axe-core's serious and critical findings on the page as it is now (rule id, impact and the first elements).
 * `exclude`: CSS selectors of parts another check covers.
 */
let axeScript;
function axeSource() {
  axeScript ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  return axeScript;
}

export async function accessibilityProblems(page, { exclude = [] } = {}) {
  // Evaluated through the DevTools protocol rather than added as a <script>: the app's Content-Security-Policy
  // (script-src 'self') rightly blocks an injected inline script, and the suite keeps that policy on.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource());
  // Colours are measured as drawn: let fade-ins finish first. Endless ones (loading pulses) are left alone, and so are
  // those on elements not drawn (in a closed <details>): they never run, so they never finish.
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => a.effect?.getComputedTiming().iterations !== Infinity && a.effect?.target?.checkVisibility?.() !== false)
        .map((a) => a.finished.catch(() => undefined)),
    ),
  );
  const results = await page.evaluate(
    (skip) => window.axe.run({ include: [['html']], exclude: skip.map((s) => [s]) }, { resultTypes: ['violations'] }),
    exclude,
  );
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}
