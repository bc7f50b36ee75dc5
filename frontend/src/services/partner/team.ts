import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api';
import { authKeys, useCurrentUser } from '@/services/auth';
import type { CurrentUser, InvitationPreview, TeamInvitation, TeamMember, TeamResponse, TeamRole } from '@/types/partner';

// Partner · Account · Team (/api/v1/partner/account/team) and the invitee's public link (/api/v1/team-invitations/{token}).

const BASE = '/api/v1/partner/account/team';
const INVITATION = (token: string) => `/api/v1/team-invitations/${encodeURIComponent(token)}`;

export const teamKeys = {
  all: ['partner', 'team'] as const,
  invitation: (token: string) => ['team-invitation', token] as const,
};

export const teamQueryOptions = () =>
  queryOptions({ queryKey: teamKeys.all, queryFn: ({ signal }) => api.get<TeamResponse>(BASE, { signal }) });

export const useTeam = () => useQuery(teamQueryOptions());

function useTeamMutation<TVars, TResult>(fn: (vars: TVars) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    // The forms and dialogs show the server's refusal next to what was tried.
    meta: { silentError: true },
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: teamKeys.all }),
  });
}

export const useInviteMember = () =>
  useTeamMutation((body: { email: string; role: TeamRole }) => api.post<TeamInvitation>(`${BASE}/invitations`, body));
export const useRenewInvitation = () => useTeamMutation((id: string) => api.post<TeamInvitation>(`${BASE}/invitations/${id}/renew`));
export const useRevokeInvitation = () => useTeamMutation((id: string) => api.delete<void>(`${BASE}/invitations/${id}`));
export const useChangeRole = () =>
  useTeamMutation(({ userId, role }: { userId: string; role: TeamRole }) => api.patch<TeamMember>(`${BASE}/members/${userId}`, { role }));
export const useRemoveMember = () => useTeamMutation((userId: string) => api.delete<void>(`${BASE}/members/${userId}`));

export function useInvitationPreview(token: string) {
  return useQuery({
    queryKey: teamKeys.invitation(token),
    queryFn: ({ signal }) => api.get<InvitationPreview>(INVITATION(token), { signal }),
    retry: false,
    meta: { skipAuthRedirect: true, silentError: true },
  });
}

export function useAcceptInvitation(token: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { fullName?: string; password?: string }) => api.post<CurrentUser>(`${INVITATION(token)}/accept`, body),
    meta: { silentError: true, skipAuthRedirect: true },
    onSuccess: (user) => {
      // A new session (maybe another user's than before): nothing cached belongs to it.
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== authKeys.me[0] });
      queryClient.setQueryData(authKeys.me, user);
    },
  });
}

export const roleLabels: Record<TeamRole, { label: string; description: string }> = {
  owner: { label: 'Owner', description: 'Everything, including the team and billing.' },
  finance: { label: 'Finance', description: 'Payments and billing; reads programs and children.' },
  programs: { label: 'Programs', description: 'Programs, children, enrollments and consent requests; no payments.' },
  viewer: { label: 'Viewer', description: 'Reads everything; changes nothing.' },
};

/**
 * What the signed-in member's role may do, as the server's policies say (PartnerPolicies.cs). The UI only hides or
 * disables actions with it; the server refuses them either way (403 partner_role_forbidden).
 */
export function permissionsOf(role: string | null | undefined) {
  return {
    changePrograms: role === 'owner' || role === 'programs',
    pay: role === 'owner' || role === 'finance',
    manageTeam: role === 'owner',
  };
}

export function usePartnerPermissions() {
  const me = useCurrentUser();
  return permissionsOf(me.data?.partnerRole);
}
