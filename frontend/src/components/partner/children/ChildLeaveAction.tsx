import { lazy, Suspense, useState } from 'react';
import { LogOut } from 'lucide-react';
import { useQuery } from '@tanstack/react-query';
import { programQueryOptions } from '@/services/partner/programs';
import { usePartnerPermissions } from '@/services/partner/team';
import type { ChildHeader, LeaveResponse, SponsoredChildStatus } from '@/types/partner';

const ChildLeaveDialog = lazy(() => import('./ChildLeaveDialog'));
const LazyLeftNotice = lazy(() => import('./ChildLeaveDialog').then((m) => ({ default: m.ChildLeftNotice })));

/** A child in one of these statuses is no longer in the program: nothing to leave. */
export const DEPARTED: SponsoredChildStatus[] = ['LEFT', 'GRADUATED', 'REMOVED'];

/**
 * "Leave program" on the child's page, for members who may change programs, while the child is in a running program
 * (the API lets a child leave an ACTIVE or PAUSED one; a draft's child is removed from the program page instead).
 */
export function ChildLeaveButton({ child, onLeft }: { child: ChildHeader; onLeft: (result: LeaveResponse) => void }) {
  const { changePrograms } = usePartnerPermissions();
  const inProgram = !DEPARTED.includes(child.status);
  // The program's status decides whether leaving is possible; members who cannot change programs never ask.
  const program = useQuery({ ...programQueryOptions(child.programId), enabled: changePrograms && inProgram });
  const [open, setOpen] = useState(false);
  const status = program.data?.status;
  if (!changePrograms || !inProgram || (status !== 'ACTIVE' && status !== 'PAUSED')) return null;

  return (
    <>
      <button type="button" className="btn-secondary" onClick={() => setOpen(true)} data-testid="child-leave">
        <LogOut className="size-4" aria-hidden="true" />
        Leave program
      </button>
      {open && (
        <Suspense fallback={null}>
          <ChildLeaveDialog child={child} programActive={status === 'ACTIVE'} onClose={() => setOpen(false)} onLeft={onLeft} />
        </Suspense>
      )}
    </>
  );
}

/** What the leave answered, above the child's header (its code came with the dialog). */
export function ChildLeftNotice(props: { child: ChildHeader; result: LeaveResponse }) {
  return (
    <Suspense fallback={null}>
      <LazyLeftNotice {...props} />
    </Suspense>
  );
}
