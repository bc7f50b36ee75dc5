import { useState } from 'react';
import { isApiError } from '@/lib/api';
import { useLeaveChild } from '@/services/partner/leaving';
import type { LeaveReason, LeaveResponse } from '@/types/partner';
import { ConfirmDialog } from './ConfirmDialog';
import { LEAVE_REASONS } from './leave-reasons';

export { LEAVE_REASONS } from './leave-reasons';

export interface LeaveChildDialogProps {
  programId: string;
  programActive: boolean;
  /** The child leaving, or null when the dialog is closed. */
  child: { studentId: string; displayName: string } | null;
  onClose: () => void;
  onLeft: (result: LeaveResponse) => void;
}

/** A child leaves the program: the reason (and a note, required for "other"); an active program is then offered substitutes. */
export function LeaveChildDialog({ programId, programActive, child, onClose, onLeft }: LeaveChildDialogProps) {
  const [reason, setReason] = useState<LeaveReason | null>(null);
  const [note, setNote] = useState('');
  const [tried, setTried] = useState(false);
  const leave = useLeaveChild(programId);
  const noteMissing = reason === 'other' && note.trim() === '';
  const serverNote = isApiError(leave.error) ? leave.error.fieldErrors('note')[0] : undefined;
  const otherError = leave.isError && !serverNote ? (isApiError(leave.error) ? (leave.error.detail ?? leave.error.message) : 'Something went wrong.') : undefined;

  const close = () => {
    setReason(null);
    setNote('');
    setTried(false);
    leave.reset();
    onClose();
  };

  return (
    <ConfirmDialog
      open={child !== null}
      title={child ? `${child.displayName} leaves the program` : ''}
      description={
        programActive
          ? 'The child’s record stays on the program and the place is freed. Elimu then suggests substitutes who match the program’s preferences.'
          : 'The child’s record stays on the program and the place is freed.'
      }
      confirmLabel="Confirm leaving"
      destructive
      busy={leave.isPending}
      error={otherError}
      onClose={close}
      onConfirm={() => {
        setTried(true);
        if (!child || !reason || noteMissing) return;
        leave.mutate(
          { studentId: child.studentId, body: { reason, note: note.trim() || null } },
          {
            onSuccess: (result) => {
              close();
              onLeft(result);
            },
          },
        );
      }}
      testId="leave-child-dialog"
    >
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 text-sm font-medium text-fg">Why is the child leaving?</legend>
        {LEAVE_REASONS.map((r) => (
          <label key={r.value} className="flex cursor-pointer items-start gap-2 rounded-lg border border-line px-3 py-2 text-sm has-[:checked]:border-brand">
            <input type="radio" name="leave-reason" value={r.value} checked={reason === r.value} onChange={() => setReason(r.value)} className="mt-1 accent-[#E40000]" />
            <span className="flex min-w-0 flex-col">
              <span className="font-medium text-fg">{r.label}</span>
              <span className="text-xs text-fg-muted">{r.hint}</span>
            </span>
          </label>
        ))}
        {tried && !reason && (
          <p role="alert" className="text-xs text-brand-text">
            Choose a reason.
          </p>
        )}
      </fieldset>
      <label className="flex flex-col gap-1 text-sm">
        <span className="font-medium text-fg">Note {reason === 'other' ? '(required)' : '(optional)'}</span>
        <textarea
          value={note}
          onChange={(e) => setNote(e.target.value)}
          maxLength={500}
          rows={3}
          className="input min-h-[4.5rem]"
          aria-invalid={(tried && noteMissing) || !!serverNote}
          aria-describedby="leave-note-error"
          data-testid="leave-note"
        />
        {((tried && noteMissing) || serverNote) && (
          <span id="leave-note-error" role="alert" className="text-xs text-brand-text">
            {serverNote ?? 'Say why the child is leaving.'}
          </span>
        )}
      </label>
    </ConfirmDialog>
  );
}
