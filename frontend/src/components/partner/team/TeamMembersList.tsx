import { useState } from 'react';
import { Trash2 } from 'lucide-react';
import { ConfirmDialog } from '@/components/partner/sponsorships/ConfirmDialog';
import { isApiError } from '@/lib/api';
import { roleLabels, useChangeRole, useRemoveMember } from '@/services/partner/team';
import type { TeamMember, TeamRole } from '@/types/partner';
import { TEAM_ROLES } from './invite-schema';

const LAST_OWNER = 'The organisation needs at least one owner: make another member owner first.';

/**
 * The members with their roles; an owner changes a role in place and removes a member after a confirmation. The last
 * owner can be neither removed nor demoted (the server refuses it too), so those controls are shown disabled with why.
 */
export function TeamMembersList({ members, canManage }: { members: TeamMember[]; canManage: boolean }) {
  const owners = members.filter((m) => m.role === 'owner').length;
  const isLastOwner = (m: TeamMember) => m.role === 'owner' && owners === 1;
  const changeRole = useChangeRole();
  const remove = useRemoveMember();
  const [removing, setRemoving] = useState<TeamMember | null>(null);
  const [roleError, setRoleError] = useState<string | null>(null);

  const onRole = async (member: TeamMember, role: TeamRole) => {
    setRoleError(null);
    try {
      await changeRole.mutateAsync({ userId: member.userId, role });
    } catch (error) {
      setRoleError(isApiError(error) ? (error.detail ?? error.message) : 'The role could not be changed.');
    }
  };

  return (
    <>
      {roleError && (
        <p role="alert" className="mb-2 text-sm text-brand-text" data-testid="role-error">
          {roleError}
        </p>
      )}
      <ul className="divide-y divide-line" data-testid="team-members">
        {members.map((m) => (
          <li key={m.userId} className="flex flex-wrap items-center gap-3 py-3" data-testid="team-member">
            <div className="min-w-0 flex-1">
              <p className="truncate text-sm font-medium text-fg">
                {m.name} {m.isYou && <span className="text-xs text-fg-subtle">(you)</span>}
              </p>
              <p className="truncate text-xs text-fg-muted">{m.email}</p>
            </div>
            {canManage ? (
              <select aria-label={`Role of ${m.name}`} className="input w-36" value={m.role} disabled={changeRole.isPending || isLastOwner(m)}
                title={isLastOwner(m) ? LAST_OWNER : undefined}
                onChange={(e) => void onRole(m, e.target.value as TeamRole)} data-testid="member-role">
                {TEAM_ROLES.map((r) => (
                  <option key={r} value={r}>
                    {roleLabels[r].label}
                  </option>
                ))}
              </select>
            ) : (
              <span className="rounded-full bg-elevated px-2.5 py-1 text-xs text-fg-muted" data-testid="member-role-label">
                {roleLabels[m.role].label}
              </span>
            )}
            {canManage && (
              <button type="button" className="btn-secondary" aria-label={`Remove ${m.name}`} onClick={() => { remove.reset(); setRemoving(m); }}
                disabled={isLastOwner(m)} title={isLastOwner(m) ? LAST_OWNER : undefined} data-testid="remove-member">
                <Trash2 className="size-4" aria-hidden="true" />
              </button>
            )}
          </li>
        ))}
      </ul>
      <ConfirmDialog
        open={removing !== null}
        title={`Remove ${removing?.name ?? ''}?`}
        description={`${removing?.email ?? ''} loses access to your organisation's data at once and is signed out. You can invite them again later.`}
        confirmLabel="Remove"
        destructive
        busy={remove.isPending}
        error={isApiError(remove.error) ? (remove.error.detail ?? remove.error.message) : undefined}
        onConfirm={() => removing && remove.mutate(removing.userId, { onSuccess: () => setRemoving(null) })}
        onClose={() => setRemoving(null)}
        testId="remove-member-dialog"
      />
    </>
  );
}
