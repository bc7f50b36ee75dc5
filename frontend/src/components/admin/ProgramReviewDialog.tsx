import { useEffect, useId, useRef, useState } from 'react';
import { PartnerModal } from '@/components/partner/shared';
import { isApiError } from '@/lib/api';
import { formatCurrency, formatNumber } from '@/lib/format';
import { useApproveProgram, useRejectProgram, type AdminProgram } from '@/services/admin/sponsorship-programs';
import { toast } from '@/store/toastStore';
import type { PendingProgram } from '@/types/partner';
import { billingPeriodLabel } from '@/lib/program-labels';
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
  // Approving is a step of its own: it activates billing and lets the partner ask guardians, so the terms are restated first.
  const [mode, setMode] = useState<'review' | 'approve' | 'reject'>('review');
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
  // The server refuses to approve below the minimum (409 min_children_not_met): say so instead of offering it.
  const missing = program.minChildren - program.children.enrolled;
  const approveBlocked =
    missing > 0 ? `${formatNumber(program.children.enrolled)} of at least ${formatNumber(program.minChildren)} children enrolled; the partner must add ${formatNumber(missing)} more.` : null;

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
      title={mode === 'reject' ? `Reject “${program.name}”` : mode === 'approve' ? `Approve “${program.name}”?` : program.name}
      description={
        mode === 'reject'
          ? 'The program goes back to draft, and the partner sees your reason.'
          : mode === 'approve'
            ? 'The program becomes active: its terms are fixed and the partner may ask guardians for consent. A child is billed once a guardian agrees.'
            : `${partnerName} · ${partnerEmail}`
      }
      footer={
        mode === 'approve' ? (
          <>
            <button type="button" className="btn-secondary min-h-11" onClick={() => setMode('review')} disabled={busy}>
              Back
            </button>
            <button type="button" className="btn-primary min-h-11" onClick={onApprove} disabled={busy} data-testid="program-approve-confirm">
              {approve.isPending ? 'Approving…' : 'Approve and activate'}
            </button>
          </>
        ) : mode === 'reject' ? (
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
            {approveBlocked && (
              <span id={`${id}-approve-blocked`} className="mr-auto self-center text-xs text-amber-300" data-testid="program-approve-blocked">
                {approveBlocked}
              </span>
            )}
            <button
              type="button"
              className="btn-primary min-h-11"
              onClick={() => setMode('approve')}
              disabled={busy || approveBlocked !== null}
              aria-describedby={approveBlocked ? `${id}-approve-blocked` : undefined}
              data-testid="program-approve"
            >
              Approve…
            </button>
          </>
        ) : (
          <button type="button" className="btn-secondary min-h-11" onClick={close}>
            Close
          </button>
        )
      }
    >
      {mode === 'approve' ? (
        <div className="flex flex-col gap-3 text-sm" data-testid="program-approve-summary">
          <dl className="grid grid-cols-1 gap-2 sm:grid-cols-3">
            <ApproveFact label="Program" value={program.name} testId="approve-program" />
            <ApproveFact label="Partner" value={partnerName} testId="approve-partner" />
            <ApproveFact
              label="Children enrolled"
              value={`${formatNumber(program.children.enrolled)} (minimum ${formatNumber(program.minChildren)})`}
              testId="approve-children"
            />
            <ApproveFact
              label="Price per child"
              value={`${formatCurrency(program.pricePerChild, program.currency)} · ${billingPeriodLabel(program.billingPeriod)}`}
              testId="approve-price"
            />
            <ApproveFact
              label="At most, per billing period"
              value={formatCurrency(program.pricePerChild * program.children.enrolled, program.currency)}
              testId="approve-total"
            />
          </dl>
          {serverError && (
            <p role="alert" className="rounded-lg border border-brand/40 bg-brand-soft px-3 py-2.5 text-fg" data-testid="program-approve-error">
              {serverError}
            </p>
          )}
        </div>
      ) : mode === 'reject' ? (
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

function ApproveFact({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <div className="min-w-0 rounded-lg border border-line bg-elevated px-3 py-2">
      <dt className="text-[11px] text-fg-subtle">{label}</dt>
      <dd className="break-words font-medium text-fg" data-testid={testId}>
        {value}
      </dd>
    </div>
  );
}
