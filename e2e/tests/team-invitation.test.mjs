// Issue 16, team: the owner invites a viewer from the Team page and copies the link; the invitee opens it in a second
// browser (its own context: no shared cookies), chooses a name and password and lands on the partner's dashboard; as a
// viewer they see the partner's programs, are offered no program changes, and the server refuses one with 403.
// The owner then removes them (with a confirmation), and the used link says so.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { accessibilityProblems, api, launch, loginAndLand, newPage, screenshot } from './browser.mjs';

const EMAIL = `viewer-${Date.now().toString(36)}@tumaini.e2e`;
const NEW_PASSWORD = 'Viewer#2026!';

let browser;
const pages = [];
before(async () => {
  browser = await launch();
});
after(async () => {
  for (const page of pages) await page.context().close().catch(() => undefined);
  await browser?.close();
});

test('invite a viewer, accept in a second browser, the viewer may not change a program', async () => {
  const owner = await newPage(browser);
  pages.push(owner);
  await loginAndLand(owner, 'partner@elimu.demo', '/dashboard/partner');
  // The Account section of the sidebar leads to the Team page.
  const sidebar = owner.getByTestId('partner-sidebar');
  await sidebar.getByTestId('sidebar-section-toggle-account').click();
  await sidebar.getByRole('link', { name: 'Team', exact: true }).click();
  await owner.waitForURL('**/dashboard/partner/team');
  await owner.getByTestId('invite-submit').click();
  await owner.getByText('Enter the email address to invite.').waitFor();
  await owner.getByTestId('invite-email').fill(EMAIL);
  await owner.getByTestId('invite-role').selectOption('viewer');
  await owner.getByTestId('invite-submit').click();
  const link = (await owner.getByTestId('invite-link').textContent()).trim();
  assert.match(link, /\/invite\/[A-Za-z0-9_-]{40,}$/);
  await owner.getByTestId('team-invitation').filter({ hasText: EMAIL }).waitFor();
  assert.deepEqual(await accessibilityProblems(owner), []);
  await screenshot(owner, 'team-owner-invited');

  // A second browser: nobody signed in.
  const invitee = await newPage(browser);
  pages.push(invitee);
  await invitee.goto(new URL(link).pathname);
  await invitee.getByText('Join Tumaini Education Fund').waitFor();
  assert.deepEqual(await accessibilityProblems(invitee), []);
  await screenshot(invitee, 'team-invite-accept');
  await invitee.getByTestId('accept-fullName').fill('Nia Wanjiru');
  await invitee.getByTestId('accept-password').fill(NEW_PASSWORD);
  await invitee.getByTestId('accept-confirm').fill(NEW_PASSWORD);
  await invitee.getByTestId('accept-submit').click();
  await invitee.waitForURL('**/dashboard/partner');

  // The viewer reads the partner's programs but is offered no change, and the server refuses one.
  await invitee.goto('/dashboard/partner/sponsorships');
  await invitee.getByTestId('programs-table').or(invitee.getByRole('table')).first().waitFor();
  assert.equal(await invitee.getByTestId('new-program').count(), 0, 'a viewer is not offered "New program"');
  const programs = await api(invitee, 'GET', '/api/v1/partner/sponsorships/programs');
  assert.equal(programs.status, 200);
  assert.ok(programs.body.total > 0, 'the viewer sees the partner’s programs');
  const draft = programs.body.items.find((p) => p.status === 'DRAFT') ?? programs.body.items[0];
  const refused = await api(invitee, 'POST', `/api/v1/partner/sponsorships/programs/${draft.id}/cancel`, {});
  assert.equal(refused.status, 403);
  assert.equal(refused.body.code, 'partner_role_forbidden');
  assert.match(refused.body.detail, /viewer/);
  await invitee.goto('/dashboard/partner/team');
  await invitee.getByTestId('team-member').filter({ hasText: 'Nia Wanjiru' }).waitFor();
  assert.equal(await invitee.getByTestId('invite-form').count(), 0, 'a viewer cannot invite');
  await screenshot(invitee, 'team-viewer');

  // The owner removes the viewer, after a confirmation; the used link is refused with a clear message.
  await owner.reload();
  const row = owner.getByTestId('team-member').filter({ hasText: EMAIL });
  await row.getByTestId('remove-member').click();
  await owner.getByTestId('remove-member-dialog').getByTestId('confirm-button').click();
  await row.waitFor({ state: 'detached' });
  const reused = await newPage(browser);
  pages.push(reused);
  await reused.goto(new URL(link).pathname);
  await reused.getByTestId('invitation-refused').getByText(/already been used/).waitFor();
  await screenshot(reused, 'team-invite-used');
});
