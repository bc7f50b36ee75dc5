// Resource contributions (plan Step 10, Content; issue 19): the demo partner drops a PDF on its Resource Contributions
// page, watches it upload, and finds it "In review"; an admin opens the review queue, approves it, and the partner sees
// it approved. A renamed program is refused in the page before it is sent. Screenshots at 1,440 and 375 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { accessibilityProblems, apiOk, launch, loginAndLand, newPage, screenshot } from './browser.mjs';

const TITLE = `Water cycle worksheet (e2e ${Date.now().toString(36)})`;

/** A one-page PDF, small and valid enough for any reader. */
function pdf(name) {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets = objects.map((o, i) => {
    const at = body.length;
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
    return at;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return { name, mimeType: 'application/pdf', buffer: Buffer.from(body, 'latin1') };
}

let browser, partner, admin;
const state = {};
before(async () => {
  browser = await launch();
  partner = await newPage(browser);
  await loginAndLand(partner, 'partner@elimu.demo', '/dashboard/partner');
  admin = await newPage(browser);
  await loginAndLand(admin, 'admin@elimu.demo', '/dashboard/admin');
});
after(async () => {
  await partner?.context().close();
  await admin?.context().close();
  await browser?.close();
});

test('a renamed program is refused in the page, with the server’s words, before it is sent', async () => {
  await partner.goto('/dashboard/partner/resources');
  await partner.getByTestId('resource-upload-form').waitFor();
  const exe = { name: 'worksheet.pdf', mimeType: 'application/pdf', buffer: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200)]) };
  await partner.getByTestId('resource-file-input').setInputFiles(exe);
  assert.match(await partner.getByTestId('resource-file-error').innerText(), /worksheet\.pdf is a program, whatever its name says/);
  assert.equal(await partner.getByTestId('resource-chosen-file').count(), 0);
});

test('the partner uploads a PDF and sees it in review', async () => {
  await partner.getByTestId('resource-file-input').setInputFiles(pdf('water-cycle.pdf'));
  await partner.getByTestId('resource-chosen-file').waitFor();
  await partner.getByTestId('resource-title').fill(TITLE);
  const uploaded = partner.waitForResponse((r) => r.url().endsWith('/api/v1/partner/content/resources') && r.request().method() === 'POST');
  await partner.getByTestId('resource-upload-submit').click();
  const response = await uploaded;
  assert.equal(response.status(), 201);
  state.id = (await response.json()).id;

  const item = partner.getByTestId('resource-item').filter({ hasText: TITLE });
  await item.waitFor();
  assert.equal(await item.getByTestId('resource-status').innerText(), 'In review');
  // The file comes back as it went, under its own name.
  const stored = await apiOk(partner, 'GET', `/api/v1/partner/content/resources/${state.id}`);
  assert.equal(stored.originalFileName, 'water-cycle.pdf');
  assert.equal(stored.format, 'pdf');
  assert.deepEqual(await accessibilityProblems(partner), []);
  await screenshot(partner, 'resources-1-partner-1440');

  const phone = await newPage(browser, { width: 375, height: 812 });
  await loginAndLand(phone, 'partner@elimu.demo', '/dashboard/partner');
  await phone.goto(`/dashboard/partner/resources?resource=${state.id}`);
  await phone.getByTestId('resource-item').filter({ hasText: TITLE }).waitFor();
  assert.ok(await phone.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1), 'nothing wider than the phone');
  await screenshot(phone, 'resources-2-partner-375');
  await phone.context().close();
});

test('an admin approves it from the review queue and the partner sees it approved', async () => {
  await admin.goto('/dashboard/admin');
  await admin.getByTestId('admin-resources-link').click();
  await admin.waitForURL('**/dashboard/admin/resources');
  const card = admin.getByTestId('review-item').filter({ hasText: TITLE });
  await card.waitFor();
  assert.match(await card.innerText(), /water-cycle\.pdf/);
  assert.deepEqual(await accessibilityProblems(admin), []);
  await screenshot(admin, 'resources-3-admin-queue-1440');

  const phone = await newPage(browser, { width: 375, height: 812 });
  await loginAndLand(phone, 'admin@elimu.demo', '/dashboard/admin');
  await phone.goto('/dashboard/admin/resources');
  await phone.getByTestId('review-item').filter({ hasText: TITLE }).waitFor();
  assert.ok(await phone.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1), 'nothing wider than the phone');
  await screenshot(phone, 'resources-4-admin-queue-375');
  await phone.context().close();

  // A rejection needs its reason: the button asks for it first.
  await card.getByTestId('review-reject').click();
  await card.getByTestId('review-reject-confirm').click();
  assert.match(await card.getByTestId('review-error').innerText(), /Say why/);
  await card.getByRole('button', { name: 'Cancel' }).click();

  const approved = admin.waitForResponse((r) => r.url().endsWith(`/api/v1/admin/resources/${state.id}/approve`));
  await card.getByTestId('review-approve').click();
  assert.equal((await approved).status(), 200);
  await card.waitFor({ state: 'detached' });

  await partner.reload();
  const item = partner.getByTestId('resource-item').filter({ hasText: TITLE });
  await item.waitFor();
  assert.equal(await item.getByTestId('resource-status').innerText(), 'Approved');
  await screenshot(partner, 'resources-5-partner-approved-1440');
});
