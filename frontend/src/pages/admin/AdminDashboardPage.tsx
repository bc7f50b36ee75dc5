import { Link } from 'react-router';
import { ArrowRight, Building2, ClipboardCheck, FolderCheck, LifeBuoy, Mail, ScrollText } from 'lucide-react';
import { PartnerBadge, PartnerPageHeader } from '@/components/partner/shared';
import { hasRole, useCurrentUser } from '@/services/auth';
import { usePendingProgramCount } from '@/services/admin/sponsorship-programs';
import { useStaffUnread } from '@/services/admin/staff-messages';

/** `/dashboard/admin`: the admin and staff landing page. */
export default function AdminDashboardPage() {
  const { data: user } = useCurrentUser();
  // Approving programs is the admin's; staff share the landing page but not the approval queue.
  const isAdmin = hasRole(user, ['admin']);
  const pending = usePendingProgramCount(isAdmin);
  const count = pending.data;
  const unreadMessages = useStaffUnread().data?.unread ?? 0;
  return (
    <>
      <PartnerPageHeader
        title={user ? `Karibu, ${user.displayName}` : 'Karibu'}
        description="Sponsorship programs waiting for your review, and the record of who did what."
      />
      <section aria-labelledby="approvals-title" className="card flex flex-col gap-4 p-5 sm:flex-row sm:items-center">
        <span className="grid size-11 shrink-0 place-items-center rounded-xl bg-brand-soft text-brand-text" aria-hidden="true">
          <ClipboardCheck className="size-5" />
        </span>
        <div className="min-w-0 flex-1">
          <h2 id="approvals-title" className="flex flex-wrap items-center gap-2 text-base font-semibold">
            Program approvals
            {isAdmin && count !== undefined && count > 0 && (
              <PartnerBadge tone="brand" testId="admin-pending-count" aria-label={`${count} waiting for approval`}>
                {count}
              </PartnerBadge>
            )}
          </h2>
          <p className="mt-1 text-sm text-fg-muted" data-testid="admin-pending-text">
            {!isAdmin
              ? 'Sponsorship programs are approved by an administrator.'
              : count === undefined
                ? 'Sponsorship programs that partners submit wait here for your approval.'
                : count === 0
                  ? 'No sponsorship programs wait for approval.'
                  : `${count === 1 ? '1 sponsorship program waits' : `${count} sponsorship programs wait`} for your approval.`}
          </p>
        </div>
        {isAdmin && (
          <Link to="/dashboard/admin/sponsorship-programs" className="btn-primary min-h-11 shrink-0" data-testid="admin-programs-link">
            Review programs <ArrowRight className="size-4" aria-hidden="true" />
          </Link>
        )}
      </section>
      {isAdmin && (
        <section aria-labelledby="resources-title" className="card mt-4 flex flex-col gap-4 p-5 sm:flex-row sm:items-center">
          <span className="grid size-11 shrink-0 place-items-center rounded-xl bg-brand-soft text-brand-text" aria-hidden="true">
            <FolderCheck className="size-5" />
          </span>
          <div className="min-w-0 flex-1">
            <h2 id="resources-title" className="text-base font-semibold">Resource review</h2>
            <p className="mt-1 text-sm text-fg-muted">Worksheets, slides, videos and recordings partners contributed: approve them, or send them back with a reason.</p>
          </div>
          <Link to="/dashboard/admin/resources" className="btn-secondary min-h-11 shrink-0" data-testid="admin-resources-link">
            Review resources <ArrowRight className="size-4" aria-hidden="true" />
          </Link>
        </section>
      )}
      <section aria-labelledby="support-title" className="card mt-4 flex flex-col gap-4 p-5 sm:flex-row sm:items-center">
        <span className="grid size-11 shrink-0 place-items-center rounded-xl bg-brand-soft text-brand-text" aria-hidden="true">
          <LifeBuoy className="size-5" />
        </span>
        <div className="min-w-0 flex-1">
          <h2 id="support-title" className="text-base font-semibold">
            Support tickets
          </h2>
          <p className="mt-1 text-sm text-fg-muted">Partners’ questions and problems: assign them, answer, and resolve.</p>
        </div>
        <Link to="/dashboard/admin/tickets" className="btn-secondary min-h-11 shrink-0" data-testid="admin-tickets-link">
          Open the queue <ArrowRight className="size-4" aria-hidden="true" />
        </Link>
      </section>
      <section aria-labelledby="messages-title" className="card mt-4 flex flex-col gap-4 p-5 sm:flex-row sm:items-center">
        <span className="grid size-11 shrink-0 place-items-center rounded-xl bg-brand-soft text-brand-text" aria-hidden="true">
          <Mail className="size-5" />
        </span>
        <div className="min-w-0 flex-1">
          <h2 id="messages-title" className="flex flex-wrap items-center gap-2 text-base font-semibold">
            Partner messages
            {unreadMessages > 0 && (
              <PartnerBadge tone="brand" testId="admin-unread-messages" aria-label={`${unreadMessages} unread`}>
                {unreadMessages}
              </PartnerBadge>
            )}
          </h2>
          <p className="mt-1 text-sm text-fg-muted">What partners’ teams wrote to you from their Collaboration page: read and answer.</p>
        </div>
        <Link to="/dashboard/admin/messages" className="btn-secondary min-h-11 shrink-0" data-testid="admin-messages-link">
          Open messages <ArrowRight className="size-4" aria-hidden="true" />
        </Link>
      </section>
      {isAdmin && (
        <section aria-labelledby="partners-title" className="card mt-4 flex flex-col gap-4 p-5 sm:flex-row sm:items-center">
          <span className="grid size-11 shrink-0 place-items-center rounded-xl bg-brand-soft text-brand-text" aria-hidden="true">
            <Building2 className="size-5" />
          </span>
          <div className="min-w-0 flex-1">
            <h2 id="partners-title" className="text-base font-semibold">Partner verification</h2>
            <p className="mt-1 text-sm text-fg-muted">Organisations that signed up wait for you to verify them before they can create programs.</p>
          </div>
          <Link to="/dashboard/admin/partners" className="btn-secondary min-h-11 shrink-0" data-testid="admin-partners-link">
            Review partners <ArrowRight className="size-4" aria-hidden="true" />
          </Link>
        </section>
      )}
      {isAdmin && (
        <section aria-labelledby="audit-title" className="card mt-4 flex flex-col gap-4 p-5 sm:flex-row sm:items-center">
          <span className="grid size-11 shrink-0 place-items-center rounded-xl bg-brand-soft text-brand-text" aria-hidden="true">
            <ScrollText className="size-5" />
          </span>
          <div className="min-w-0 flex-1">
            <h2 id="audit-title" className="text-base font-semibold">
              Audit log
            </h2>
            <p className="mt-1 text-sm text-fg-muted">Who signed in, answered a consent, changed a program or read a child’s data, and when.</p>
          </div>
          <Link to="/dashboard/admin/audit" className="btn-secondary min-h-11 shrink-0" data-testid="admin-audit-link">
            Search the audit log <ArrowRight className="size-4" aria-hidden="true" />
          </Link>
        </section>
      )}
    </>
  );
}
