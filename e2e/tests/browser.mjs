// Shared Playwright setup: Debian's Chromium, headless, no background networking (the machine has no internet).
import { createRequire } from 'node:module';
import { mkdirSync } from 'node:fs';

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

export async function screenshot(page, name) {
  await page.screenshot({ path: new URL(`${name}.png`, shots).pathname, fullPage: true });
}
