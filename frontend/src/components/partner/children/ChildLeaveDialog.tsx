import { Link } from 'react-router';
import { LEAVE_REASONS } from '@/components/partner/sponsorships/leave-reasons';
import { LeaveChildDialog } from '@/components/partner/sponsorships/LeaveChildDialog';
import { formatDate } from '@/lib/format';
import { toast } from '@/store/toastStore';
import type { ChildHeader, LeaveResponse } from '@/types/partner';

// Loaded when the partner presses "Leave program" (ChildLeaveAction): the child page is at its size budget, and most
// visits never leave a child. The notice shown after leaving lives here too, as it follows the dialog.

/** The program page's leave dialog, for this child, saying in a toast who left or graduated. */
export default function ChildLeaveDialog({ child, programActive, onClose, onLeft }: {
  child: ChildHeader;
  programActive: boolean;
  onClose: () => void;
  onLeft: (result: LeaveResponse) => void;
}) {
  return (
    <LeaveChildDialog
      programId={child.programId}
      programActive={programActive}
      child={{ studentId: child.studentId, displayName: child.displayName }}
      onClose={onClose}
      onLeft={(result) => {
        toast.success(`${child.displayName} ${leftVerb(result)} “${child.programName}”.`);
        onLeft(result);
      }}
    />
  );
}

const leftVerb = (result: LeaveResponse) => (result.reason === 'graduated' ? 'graduated from' : 'left');

/** Right after leaving: when and why, and (for an active program) where the substitutes are offered. */
export function ChildLeftNotice({ child, result }: { child: ChildHeader; result: LeaveResponse }) {
  const reason = LEAVE_REASONS.find((r) => r.value === result.reason)?.label ?? result.reason;
  const offered = result.program.status === 'ACTIVE';
  return (
    <section role="status" className="card flex flex-col gap-2 p-4 text-sm sm:flex-row sm:items-center sm:justify-between sm:p-5" data-testid="child-left-notice">
      <p className="min-w-0 text-fg">
        <span className="font-medium">
          {child.displayName} {leftVerb(result)} “{child.programName}” on {formatDate(result.leftAt)}
        </span>
        <span className="text-fg-muted">
          {' '}
          · {reason}
          {result.note ? `: ${result.note}` : ''}
        </span>
      </p>
      {offered && (
        <Link to={`/dashboard/partner/sponsorships/${child.programId}`} className="btn-secondary shrink-0 self-start sm:self-auto" data-testid="see-substitutes">
          See substitutes
        </Link>
      )}
    </section>
  );
}
