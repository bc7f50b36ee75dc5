// How the built front end reaches a browser: compressed, cached, and a page whose code cannot be fetched (the
// connection dropped) shows Retry inside the layout instead of replacing the app with an import error.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, loginAndLand, newPage, screenshot } from './browser.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test('the sign-in page’s scripts arrive Brotli-compressed, hashed ones cached for good, the page itself revalidated', async () => {
  const page = await newPage(browser);
  const scripts = [];
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script') scripts.push(response);
  });
  const html = await page.goto('/login');
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();

  assert.equal(html.headers()['cache-control'], 'no-cache');
  assert.ok(scripts.length > 0);
  for (const script of scripts) {
    const headers = await script.allHeaders();
    assert.equal(headers['content-encoding'], 'br', script.url());
    assert.equal(headers['cache-control'], 'public, max-age=31536000, immutable', script.url());
  }
});

test('a page that cannot load offline shows Retry inside the partner layout, and loads once back online', async () => {
  const page = await newPage(browser);
  await loginAndLand(page, 'partner@elimu.demo', '/dashboard/partner');
  await page.getByRole('heading', { level: 1 }).first().waitFor();

  await page.context().setOffline(true);
  // Enrollments has not been opened yet: its code is not in the browser.
  await page.getByRole('link', { name: /^Enrollments/ }).first().click();
  const alert = page.getByTestId('route-error');
  await alert.waitFor();
  assert.match(await alert.innerText(), /This page could not be loaded\.\s+Check your connection\./);
  assert.doesNotMatch(await page.locator('body').innerText(), /dynamically imported module/);
  assert.ok(await page.getByTestId('mobile-menu-button').count(), 'the partner layout stays');
  await screenshot(page, 'offline-page-retry', { fullPage: false });

  // Retry while still offline: the same state, not a blank app.
  await page.getByTestId('route-retry').click();
  await alert.waitFor();

  // Back online, the page loads by itself.
  await page.context().setOffline(false);
  await page.getByRole('heading', { name: /Enrollments/, level: 1 }).waitFor();
  assert.equal(await alert.count(), 0);
});

test('Retry imports the page again once its code can be fetched', async () => {
  const page = await newPage(browser);
  await loginAndLand(page, 'partner@elimu.demo', '/dashboard/partner');
  await page.getByRole('heading', { level: 1 }).first().waitFor();

  // The connection fails for this page's code only (the browser still thinks it is online).
  const chunk = '**/assets/SponsorshipsPage-*.js';
  await page.route(chunk, (route) => route.abort('internetdisconnected'));
  await page.getByRole('link', { name: /^Sponsorships/ }).first().click();
  const alert = page.getByTestId('route-error');
  await alert.waitFor();

  await page.unroute(chunk);
  await page.getByTestId('route-retry').click();
  await page.getByRole('heading', { name: /Sponsorship/, level: 1 }).waitFor();
  assert.equal(await alert.count(), 0);
  assert.ok(page.url().endsWith('/dashboard/partner/sponsorships'));
});
