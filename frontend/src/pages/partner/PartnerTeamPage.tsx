import { Mail, Users } from 'lucide-react';
import { PartnerBentoCard, PartnerBentoGrid, PartnerPageHeader } from '@/components/partner/shared';
import { QueryErrorState } from '@/components/partner/sponsorships/QueryErrorState';
import { InviteMemberForm } from '@/components/partner/team/InviteMemberForm';
import { PendingInvitations } from '@/components/partner/team/PendingInvitations';
import { TeamMembersList } from '@/components/partner/team/TeamMembersList';
import { permissionsOf, roleLabels, useTeam } from '@/services/partner/team';

/** `/dashboard/partner/team`: who works on this account and in which role; owners invite, change roles and remove. */
export default function PartnerTeamPage() {
  const team = useTeam();
  const role = team.data?.yourRole;
  const canManage = permissionsOf(role).manageTeam;

  return (
    <>
      <PartnerPageHeader
        title="Team"
        description={role ? `Your role: ${roleLabels[role].label}. ${roleLabels[role].description}` : 'Who works on this account, and what each role may do.'}
        breadcrumbs={[{ label: 'Dashboard', to: '/dashboard/partner' }, { label: 'Account' }, { label: 'Team' }]}
      />
      {team.isError ? (
        <QueryErrorState title="The team could not be loaded" error={team.error} onRetry={() => void team.refetch()} />
      ) : (
        <PartnerBentoGrid>
          {canManage && (
            <PartnerBentoCard title="Invite a member" icon={Mail} colSpan={3} testId="invite-card"
              description="Owners manage the team and billing; Finance pays; Programs runs programs and consent requests; Viewers read.">
              <InviteMemberForm />
            </PartnerBentoCard>
          )}
          <PartnerBentoCard title="Members" icon={Users} colSpan={3} testId="members-card">
            {team.isPending ? <p className="text-sm text-fg-muted">Loading the team…</p> : <TeamMembersList members={team.data.members} canManage={canManage} />}
          </PartnerBentoCard>
          <PartnerBentoCard title="Pending invitations" icon={Mail} colSpan={3} testId="invitations-card">
            {team.data && <PendingInvitations invitations={team.data.invitations} canManage={canManage} />}
          </PartnerBentoCard>
        </PartnerBentoGrid>
      )}
    </>
  );
}
