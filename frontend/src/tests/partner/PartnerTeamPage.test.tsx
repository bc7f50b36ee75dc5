import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import PartnerTeamPage from '@/pages/partner/PartnerTeamPage';
import InvitePage from '@/pages/InvitePage';
import { Route, Routes } from 'react-router';
import type { TeamResponse } from '@/types/partner';
import { createTestQueryClient, json, mockFetch, partnerUser, problem, renderWithProviders } from '../test-utils';

const TEAM = '/api/v1/partner/account/team';

const team = (yourRole: TeamResponse['yourRole']): TeamResponse => ({
  yourRole,
  members: [
    { userId: 'u1', name: 'Esther Wambui', email: 'esther@tumaini.org', role: 'owner', joinedAt: '2026-01-01T00:00:00Z', isYou: yourRole === 'owner' },
    { userId: 'u2', name: 'Otieno Finance', email: 'otieno@tumaini.org', role: 'finance', joinedAt: '2026-02-01T00:00:00Z', isYou: false },
  ],
  invitations: [
    { id: 'i1', email: 'new@tumaini.org', role: 'viewer', status: 'pending', createdAt: '2026-11-30T00:00:00Z', expiresAt: '2026-12-07T00:00:00Z', invitedByName: 'Esther Wambui', link: null },
  ],
});

describe('PartnerTeamPage', () => {
  it('lists members and pending invitations, and checks the invite form before sending', async () => {
    const calls = mockFetch({
      [`GET ${TEAM}`]: () => json(team('owner')),
      [`POST ${TEAM}/invitations`]: () =>
        json({ id: 'i2', email: 'amina@tumaini.org', role: 'programs', status: 'pending', createdAt: '2026-12-01T00:00:00Z', expiresAt: '2026-12-08T00:00:00Z', invitedByName: 'Esther Wambui', link: 'https://elimu.test/invite/abc' }, 201),
    });
    renderWithProviders(<PartnerTeamPage />, { queryClient: createTestQueryClient(partnerUser) });

    expect(await screen.findByText('Otieno Finance')).toBeInTheDocument();
    expect(screen.getByText('new@tumaini.org')).toBeInTheDocument();

    await userEvent.click(screen.getByTestId('invite-submit'));
    expect(await screen.findByText('Enter the email address to invite.')).toBeInTheDocument();
    await userEvent.type(screen.getByTestId('invite-email'), 'not-an-email');
    await userEvent.click(screen.getByTestId('invite-submit'));
    expect(await screen.findByText(/Enter a valid email address/)).toBeInTheDocument();
    expect(calls.mock.calls.some(([, init]) => init?.method === 'POST')).toBe(false);

    await userEvent.clear(screen.getByTestId('invite-email'));
    await userEvent.type(screen.getByTestId('invite-email'), 'amina@tumaini.org');
    await userEvent.selectOptions(screen.getByTestId('invite-role'), 'programs');
    await userEvent.click(screen.getByTestId('invite-submit'));
    expect(await screen.findByTestId('invite-link')).toHaveTextContent('https://elimu.test/invite/abc');
    const post = calls.mock.calls.find(([, init]) => init?.method === 'POST');
    expect(JSON.parse(String(post?.[1]?.body))).toEqual({ email: 'amina@tumaini.org', role: 'programs' });
  });

  it('offers neither removing nor demoting the only owner, and says why', async () => {
    mockFetch({ [`GET ${TEAM}`]: () => json(team('owner')) });
    renderWithProviders(<PartnerTeamPage />, { queryClient: createTestQueryClient(partnerUser) });
    const [owner, finance] = await screen.findAllByTestId('team-member');
    expect(within(owner!).getByTestId('remove-member')).toBeDisabled();
    expect(within(owner!).getByTestId('member-role')).toBeDisabled();
    expect(within(owner!).getByTestId('remove-member')).toHaveAttribute('title', expect.stringMatching(/at least one owner/));
    expect(within(finance!).getByTestId('remove-member')).toBeEnabled();
  });

  it('shows the server refusal in the remove dialog when the other owner left meanwhile', async () => {
    const twoOwners = team('owner');
    twoOwners.members[1] = { ...twoOwners.members[1]!, role: 'owner' };
    mockFetch({
      [`GET ${TEAM}`]: () => json(twoOwners),
      [`DELETE ${TEAM}/members/u1`]: () => problem(409, 'Conflict', 'This is the team’s only owner.', { code: 'last_owner' }),
    });
    renderWithProviders(<PartnerTeamPage />, { queryClient: createTestQueryClient(partnerUser) });
    const members = await screen.findAllByTestId('team-member');
    await userEvent.click(within(members[0]!).getByTestId('remove-member'));
    const dialog = await screen.findByTestId('remove-member-dialog');
    await userEvent.click(within(dialog).getByTestId('confirm-button'));
    expect(await within(dialog).findByText(/only owner/)).toBeInTheDocument();
  });

  it('hides the team actions from a member who is not an owner', async () => {
    mockFetch({ [`GET ${TEAM}`]: () => json(team('viewer')) });
    renderWithProviders(<PartnerTeamPage />, { queryClient: createTestQueryClient({ ...partnerUser, partnerRole: 'viewer' }) });
    expect(await screen.findByText('Otieno Finance')).toBeInTheDocument();
    expect(screen.queryByTestId('invite-form')).not.toBeInTheDocument();
    expect(screen.queryByTestId('remove-member')).not.toBeInTheDocument();
    expect(screen.queryByTestId('renew-link')).not.toBeInTheDocument();
    expect(screen.getAllByTestId('member-role-label')).toHaveLength(2);
  });
});

describe('InvitePage', () => {
  const renderInvite = () =>
    renderWithProviders(
      <Routes>
        <Route path="/invite/:token" element={<InvitePage />} />
        <Route path="/dashboard/partner" element={<p>partner dashboard</p>} />
      </Routes>,
      { route: '/invite/tok123' },
    );

  it('creates the account with a name and a password and goes to the dashboard', async () => {
    const calls = mockFetch({
      'GET /api/v1/team-invitations/tok123': () =>
        json({ organizationName: 'Tumaini Education Fund', email: 'new@tumaini.org', role: 'viewer', status: 'pending', expiresAt: '2026-12-07T00:00:00Z', hasAccount: false, signedInAsInvitee: false }),
      'POST /api/v1/team-invitations/tok123/accept': () => json({ ...partnerUser, partnerRole: 'viewer' }),
    });
    renderInvite();
    expect(await screen.findByText('Join Tumaini Education Fund')).toBeInTheDocument();
    await userEvent.click(screen.getByTestId('accept-submit'));
    expect(screen.getByText('Enter your full name.')).toBeInTheDocument();
    await userEvent.type(screen.getByTestId('accept-fullName'), 'Nia Wanjiru');
    await userEvent.type(screen.getByTestId('accept-password'), 'Strong#Pass1');
    await userEvent.type(screen.getByTestId('accept-confirm'), 'Strong#Pass2');
    await userEvent.click(screen.getByTestId('accept-submit'));
    expect(screen.getByText('The two passwords differ.')).toBeInTheDocument();
    await userEvent.clear(screen.getByTestId('accept-confirm'));
    await userEvent.type(screen.getByTestId('accept-confirm'), 'Strong#Pass1');
    await userEvent.click(screen.getByTestId('accept-submit'));
    expect(await screen.findByText('partner dashboard')).toBeInTheDocument();
    const post = calls.mock.calls.find(([, init]) => init?.method === 'POST');
    expect(JSON.parse(String(post?.[1]?.body))).toEqual({ fullName: 'Nia Wanjiru', password: 'Strong#Pass1' });
  });

  it('says plainly when the link was already used', async () => {
    mockFetch({
      'GET /api/v1/team-invitations/tok123': () =>
        problem(410, 'This invitation can no longer be used.', 'This invitation link has already been used.', { code: 'invitation_accepted' }),
    });
    renderInvite();
    expect(await screen.findByTestId('invitation-refused')).toHaveTextContent('already been used');
    await waitFor(() => expect(screen.queryByTestId('accept-form')).not.toBeInTheDocument());
  });
});
