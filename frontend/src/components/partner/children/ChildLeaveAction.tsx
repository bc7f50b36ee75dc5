import { lazy, Suspense, useState } from 'react';
import { Link } from 'react-router';
import { LogOut, UserRoundSearch } from 'lucide-react';
import { LEAVE_REASONS } from '@/components/partner/sponsorships/leave-reasons';
import { formatDate } from '@/lib/format';
import { useQuery } from '@tanstack/react-query';
import { programQueryOptions } from '@/services/partner/programs';
import { usePartnerPermissions } from '@/services/partner/team';
import { toast } from '@/store/toastStore';
import type { ChildHeader, LeaveResponse, SponsoredChildStatus } from '@/types/partner';

// The dialog (and the leave mutation) load when the partner opens it: the child page is at its size budget.
const LeaveChildDialog = lazy(() => import('@/components/partner/sponsorships/LeaveChildDialog').then((m) => ({ default: m.LeaveChildDialog })));

/** A child in one of these statuses is no longer in the program: nothing to leave. */
export const DEPARTED: SponsoredChildStatus[] = ['LEFT', 'GRADUATED', 'REMOVED'];

/**
 * "Leave program" on the child's page, for members who may change programs, while the child is in a running program
 * (the API lets a child leave an ACTIVE or PAUSED one; a draft's child is removed from the program page instead).
 */
export function ChildLeaveButton({ child, onLeft }: { child: ChildHeader; onLeft: (result: LeaveResponse) => void }) {
  const { changePrograms } = usePartnerPermissions();
  const running = DEPARTED.includes(child.status) ? null : child.programId;
  // The program's status decides whether leaving is possible; members who cannot change programs never ask.
  const program = useQuery({ ...programQueryOptions(child.programId), enabled: changePrograms && running !== null });
  const [open, setOpen] = useState(false);
  const status = program.data?.status;
  if (!changePrograms || !running || (status !== 'ACTIVE' && status !== 'PAUSED')) return null;

  return (
    <>
      <button type="button" className="btn-secondary" onClick={() => setOpen(true)} data-testid="child-leave">
        <LogOut className="size-4" aria-hidden="true" />
        Leave program
      </button>
      {open && (
        <Suspense fallback={null}>
          <LeaveChildDialog
            programId={child.programId}
            programActive={status === 'ACTIVE'}
            child={{ studentId: child.studentId, displayName: child.displayName }}
            onClose={() => setOpen(false)}
            onLeft={(result) => {
              toast.success(`${child.displayName} ${result.reason === 'graduated' ? 'graduated from' : 'left'} “${child.programName}”.`);
              onLeft(result);
            }}
          />
        </Suspense>
      )}
    </>
  );
}

/** Right after leaving: when and why, and (for an active program) where the substitutes are offered. */
export function ChildLeftNotice({ child, result }: { child: ChildHeader; result: LeaveResponse }) {
  const reason = LEAVE_REASONS.find((r) => r.value === result.reason)?.label ?? result.reason;
  const offered = result.program.status === 'ACTIVE';
  return (
    <section role="status" className="card flex flex-col gap-2 p-4 text-sm sm:flex-row sm:items-center sm:justify-between sm:p-5" data-testid="child-left-notice">
      <p className="min-w-0 text-fg">
        <span className="font-medium">
          {child.displayName} {result.reason === 'graduated' ? 'graduated from' : 'left'} “{child.programName}” on {formatDate(result.leftAt)}
        </span>
        <span className="text-fg-muted">
          {' '}
          · {reason}
          {result.note ? `: ${result.note}` : ''}
        </span>
      </p>
      {offered && (
        <Link to={`/dashboard/partner/sponsorships/${child.programId}`} className="btn-secondary shrink-0 self-start sm:self-auto" data-testid="see-substitutes">
          <UserRoundSearch className="size-4" aria-hidden="true" />
          See substitutes
        </Link>
      )}
    </section>
  );
}
