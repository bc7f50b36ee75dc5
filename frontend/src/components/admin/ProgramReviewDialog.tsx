import { useEffect, useId, useRef, useState } from 'react';
import { PartnerModal } from '@/components/partner/shared';
import { isApiError } from '@/lib/api';
import { useApproveProgram, useRejectProgram, type AdminProgram } from '@/services/admin/sponsorship-programs';
import { toast } from '@/store/toastStore';
import type { PendingProgram } from '@/types/partner';
import { ProgramReviewDetails } from './ProgramReviewDetails';
import { RejectReasonField } from './RejectReasonField';

function errorText(error: unknown): string | undefined {
  if (!error) return undefined;
  if (isApiError(error)) return error.detail || error.message;
  return error instanceof Error ? error.message : 'Something went wrong.';
}

export interface ProgramReviewDialogProps {
  /** The program to review; null closes the dialog. */
  entry: PendingProgram | null;
  onClose: () => void;
  /** The program after approval or rejection. */
  onDecided?: (program: AdminProgram) => void;
}

/**
 * Everything the admin needs to decide on a program, and the decision: Approve, or Reject with a
 * reason the partner will read (required).
 */
export function ProgramReviewDialog({ entry, onClose, onDecided }: ProgramReviewDialogProps) {
  const id = useId();
  const [mode, setMode] = useState<'review' | 'reject'>('review');
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>();
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const approve = useApproveProgram();
  const reject = useRejectProgram();
  const { reset: resetApprove } = approve;
  const { reset: resetReject } = reject;
  const programId = entry?.program.id;

  // A different program (or none): start over.
  useEffect(() => {
    setMode('review');
    setReason('');
    setReasonError(undefined);
    resetApprove();
    resetReject();
  }, [programId, resetApprove, resetReject]);

  useEffect(() => {
    if (mode === 'reject') reasonRef.current?.focus();
  }, [mode]);

  if (!entry) return null;
  const { program, partnerName, partnerEmail } = entry;
  const pending = program.status === 'PENDING_APPROVAL';
  const busy = approve.isPending || reject.isPending;

  const close = () => !busy && onClose();

  const onApprove = () =>
    approve.mutate(program.id, {
      onSuccess: (updated) => {
        toast.success(`“${updated.name}” is approved and now active.`);
        onDecided?.(updated);
        onClose();
      },
    });

  const onReject = () => {
    if (!reason.trim()) {
      setReasonError('Say why the program is sent back; the partner reads this.');
      reasonRef.current?.focus();
      return;
    }
    setReasonError(undefined);
    reject.mutate(
      { id: program.id, reason: reason.trim() },
      {
        onSuccess: (updated) => {
          toast.success(`“${updated.name}” was sent back to the partner.`);
          onDecided?.(updated);
          onClose();
        },
        onError: (error) => {
          const field = isApiError(error) ? error.fieldErrors('reason')[0] : undefined;
          if (field) setReasonError(field);
        },
      },
    );
  };

  const serverError =
    mode === 'reject'
      ? isApiError(reject.error) && reject.error.fieldErrors('reason').length > 0
        ? undefined
        : errorText(reject.error)
      : errorText(approve.error);

  return (
    <PartnerModal
      open
      onClose={close}
      size="lg"
      testId="program-review-dialog"
      title={mode === 'reject' ? `Reject “${program.name}”` : program.name}
      description={
        mode === 'reject'
          ? 'The program goes back to draft, and the partner sees your reason.'
          : `${partnerName} · ${partnerEmail}`
      }
      footer={
        mode === 'reject' ? (
          <>
            <button type="button" className="btn-secondary min-h-11" onClick={() => setMode('review')} disabled={busy}>
              Back
            </button>
            <button type="button" className="btn-primary min-h-11" onClick={onReject} disabled={busy} data-testid="program-reject-confirm">
              {reject.isPending ? 'Rejecting…' : 'Reject program'}
            </button>
          </>
        ) : pending ? (
          <>
            <button type="button" className="btn-secondary min-h-11" onClick={() => setMode('reject')} disabled={busy} data-testid="program-reject">
              Reject…
            </button>
            <button type="button" className="btn-primary min-h-11" onClick={onApprove} disabled={busy} data-testid="program-approve">
              {approve.isPending ? 'Approving…' : 'Approve'}
            </button>
          </>
        ) : (
          <button type="button" className="btn-secondary min-h-11" onClick={close}>
            Close
          </button>
        )
      }
    >
      {mode === 'reject' ? (
        <RejectReasonField
          id={id}
          textareaRef={reasonRef}
          reason={reason}
          onReasonChange={(value) => {
            setReason(value);
            if (value.trim()) setReasonError(undefined);
          }}
          reasonError={reasonError}
          serverError={serverError}
        />
      ) : (
        <ProgramReviewDetails program={program} pending={pending} serverError={serverError} />
      )}
    </PartnerModal>
  );
}
