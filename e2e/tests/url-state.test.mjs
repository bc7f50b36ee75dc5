// List state lives in the URL: a reload keeps filters, search and view toggles, and Back undoes the last change.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, newPage, loginAndLand, screenshot } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const pressed = (locator) => locator.getAttribute('aria-pressed');

test('sponsorships: a status chip and a search survive a reload, and Back restores the previous chip', async () => {
  const page = await newPage(browser);
  await loginAndLand(page, 'partner@elimu.demo', '/dashboard/partner');
  await page.goto('/dashboard/partner/sponsorships');
  const chips = page.getByTestId('status-chips');
  await chips.getByRole('button', { name: 'Active', exact: true }).click();
  await page.waitForURL(/\?status=ACTIVE$/);
  await page.getByRole('searchbox', { name: 'Search programs' }).fill('Lake');
  await page.waitForURL(/\?status=ACTIVE&q=Lake$/);

  await page.reload();
  await page.getByRole('searchbox', { name: 'Search programs' }).waitFor();
  assert.equal(await pressed(chips.getByRole('button', { name: 'Active', exact: true })), 'true');
  assert.equal(await page.getByRole('searchbox', { name: 'Search programs' }).inputValue(), 'Lake');
  await page.getByText('Lake Region Scholars 2026').first().waitFor();
  await screenshot(page, 'url-state-sponsorships-reloaded', { fullPage: false });

  await chips.getByRole('button', { name: 'Draft', exact: true }).click();
  await page.waitForURL(/\?status=DRAFT&q=Lake$/);
  await page.goBack();
  await page.waitForURL(/\?status=ACTIVE&q=Lake$/);
  // The address changes before the router re-renders: wait for the chip to follow (fails after the timeout if not).
  await chips.locator('button[aria-pressed="true"]', { hasText: /^Active$/ }).waitFor();
  assert.equal(await pressed(chips.getByRole('button', { name: 'Active', exact: true })), 'true');
  await page.context().close();
});

test('sponsored children: the "By program" view and a filter survive a reload; Back goes back to cards', async () => {
  const page = await newPage(browser);
  await loginAndLand(page, 'partner@elimu.demo', '/dashboard/partner');
  await page.goto('/dashboard/partner/sponsored-children?status=ACTIVE');
  await page.getByTestId('child-card').first().waitFor();
  await page.getByTestId('view-cohort').click();
  await page.waitForURL(/\?status=ACTIVE&view=cohort$/);

  await page.reload();
  await page.getByTestId('cohort-group').first().waitFor();
  assert.equal(await pressed(page.getByTestId('view-cohort')), 'true');
  assert.equal(await page.getByLabel('Status').inputValue(), 'ACTIVE');

  await page.goBack();
  await page.waitForURL(/\?status=ACTIVE$/);
  await page.getByTestId('child-card').first().waitFor();
  assert.equal(await pressed(page.getByTestId('view-individual')), 'true');
  await page.context().close();
});
