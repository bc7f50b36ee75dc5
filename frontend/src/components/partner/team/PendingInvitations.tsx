import { useState } from 'react';
import { RefreshCw, X } from 'lucide-react';
import { ConfirmDialog } from '@/components/partner/sponsorships/ConfirmDialog';
import { isApiError } from '@/lib/api';
import { roleLabels, useRenewInvitation, useRevokeInvitation } from '@/services/partner/team';
import type { TeamInvitation } from '@/types/partner';
import { CopyLinkButton } from './CopyLinkButton';

/**
 * Invitations not yet accepted. A link is stored only as a hash, so an older invitation's link cannot be shown again:
 * "New link" makes a fresh one (the old one stops working) and offers it to copy.
 */
export function PendingInvitations({ invitations, canManage }: { invitations: TeamInvitation[]; canManage: boolean }) {
  const renew = useRenewInvitation();
  const revoke = useRevokeInvitation();
  const [links, setLinks] = useState<Record<string, string>>({});
  const [withdrawing, setWithdrawing] = useState<TeamInvitation | null>(null);

  if (invitations.length === 0)
    return <p className="py-3 text-sm text-fg-muted" data-testid="no-invitations">No pending invitations.</p>;

  return (
    <>
      <ul className="divide-y divide-line" data-testid="team-invitations">
        {invitations.map((i) => (
          <li key={i.id} className="flex flex-wrap items-center gap-3 py-3" data-testid="team-invitation">
            <div className="min-w-0 flex-1">
              <p className="truncate text-sm font-medium text-fg">{i.email}</p>
              <p className="text-xs text-fg-muted">
                {roleLabels[i.role].label} · invited by {i.invitedByName} ·{' '}
                {i.status === 'expired' ? (
                  <span className="text-brand-text">expired</span>
                ) : (
                  <>link works until {new Date(i.expiresAt).toLocaleDateString()}</>
                )}
              </p>
            </div>
            {canManage && (
              <>
                {links[i.id] ? (
                  <CopyLinkButton link={links[i.id]!} />
                ) : (
                  <button type="button" className="btn-secondary" disabled={renew.isPending} data-testid="renew-link"
                    onClick={() => renew.mutate(i.id, { onSuccess: (r) => r.link && setLinks((l) => ({ ...l, [i.id]: r.link! })) })}>
                    <RefreshCw className="size-4" aria-hidden="true" /> New link
                  </button>
                )}
                <button type="button" className="btn-secondary" aria-label={`Withdraw the invitation for ${i.email}`}
                  onClick={() => { revoke.reset(); setWithdrawing(i); }} data-testid="withdraw-invitation">
                  <X className="size-4" aria-hidden="true" />
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
      <ConfirmDialog
        open={withdrawing !== null}
        title="Withdraw this invitation?"
        description={`The link sent to ${withdrawing?.email ?? ''} stops working.`}
        confirmLabel="Withdraw"
        destructive
        busy={revoke.isPending}
        error={isApiError(revoke.error) ? (revoke.error.detail ?? revoke.error.message) : undefined}
        onConfirm={() => withdrawing && revoke.mutate(withdrawing.id, { onSuccess: () => setWithdrawing(null) })}
        onClose={() => setWithdrawing(null)}
        testId="withdraw-dialog"
      />
    </>
  );
}
