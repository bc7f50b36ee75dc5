import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { PartnerBadge, PartnerModal, humanizeStatus } from '@/components/partner/shared';
import { isApiError } from '@/lib/api';
import { formatCurrency, formatDate } from '@/lib/format';
import { useApproveProgram, useRejectProgram, type AdminProgram } from '@/services/admin/sponsorship-programs';
import { toast } from '@/store/toastStore';
import type { PendingProgram } from '@/types/partner';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-xs text-fg-subtle">{label}</dt>
      <dd className="mt-0.5 text-sm text-fg">{children}</dd>
    </div>
  );
}

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
  const belowMinimum = program.children.enrolled < program.minChildren;

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
        <div className="flex flex-col gap-2">
          <label htmlFor={`${id}-reason`} className="text-sm font-medium text-fg">
            Reason <span className="font-normal text-brand-text">(required)</span>
          </label>
          <textarea
            id={`${id}-reason`}
            ref={reasonRef}
            className="input min-h-28 text-base"
            rows={4}
            maxLength={2000}
            value={reason}
            onChange={(e) => {
              setReason(e.target.value);
              if (e.target.value.trim()) setReasonError(undefined);
            }}
            required
            aria-invalid={reasonError ? true : undefined}
            aria-describedby={reasonError ? `${id}-reason-error` : undefined}
            data-testid="program-reject-reason"
          />
          {reasonError && (
            <p id={`${id}-reason-error`} className="text-sm text-brand-text" data-testid="program-reject-reason-error">
              {reasonError}
            </p>
          )}
          {serverError && (
            <p role="alert" className="rounded-lg border border-brand/40 bg-brand-soft px-3 py-2 text-sm text-fg" data-testid="program-review-error">
              {serverError}
            </p>
          )}
        </div>
      ) : (
        <div className="flex flex-col gap-5">
          <div className="flex flex-wrap items-center gap-2">
            <PartnerBadge status={program.status} />
            <PartnerBadge tone="neutral">{humanizeStatus(program.programType)}</PartnerBadge>
            {belowMinimum && (
              <PartnerBadge tone="danger" testId="program-below-minimum">
                Below the minimum of {program.minChildren}
              </PartnerBadge>
            )}
          </div>
          {program.description && <p className="leading-relaxed text-fg">{program.description}</p>}

          <dl className="grid grid-cols-2 gap-x-4 gap-y-3 sm:grid-cols-3">
            <Fact label="Children enrolled">
              {program.children.enrolled} of at least {program.minChildren}
              {program.maxChildren ? ` (max ${program.maxChildren})` : ''}
            </Fact>
            <Fact label="Price per child">{formatCurrency(program.pricePerChild, program.currency)}</Fact>
            <Fact label="Billing period">{humanizeStatus(program.billingPeriod)}</Fact>
            <Fact label="Starts">{program.startDate ? formatDate(program.startDate) : 'Not set'}</Fact>
            <Fact label="Ends">{program.endDate ? formatDate(program.endDate) : 'Open-ended'}</Fact>
            <Fact label={pending ? 'Submitted' : 'Last updated'}>{formatDate(program.updatedAt)}</Fact>
            <Fact label="Created">{formatDate(program.createdAt)}</Fact>
            {program.approvedAt && <Fact label="Approved">{formatDate(program.approvedAt)}</Fact>}
          </dl>

          <div>
            <h3 className="text-xs font-semibold uppercase tracking-wider text-fg-subtle">Children by status</h3>
            <p className="mt-1 text-sm text-fg">
              {program.children.active} active · {program.children.pendingConsent} awaiting consent · {program.children.paused} paused
              {program.children.removed > 0 ? ` · ${program.children.removed} removed` : ''}
            </p>
          </div>

          {program.customPricingNotes && (
            <div>
              <h3 className="text-xs font-semibold uppercase tracking-wider text-fg-subtle">Pricing notes</h3>
              <p className="mt-1 text-sm text-fg">{program.customPricingNotes}</p>
            </div>
          )}

          {program.goals.length > 0 && (
            <div>
              <h3 className="text-xs font-semibold uppercase tracking-wider text-fg-subtle">Goals</h3>
              <ul className="mt-1 list-disc space-y-1 pl-5 text-sm text-fg">
                {program.goals.map((goal, i) => (
                  <li key={i}>{goal.title}</li>
                ))}
              </ul>
            </div>
          )}

          {program.rejectionReason && (
            <div>
              <h3 className="text-xs font-semibold uppercase tracking-wider text-fg-subtle">Last rejection reason</h3>
              <p className="mt-1 text-sm text-fg">{program.rejectionReason}</p>
            </div>
          )}

          {serverError && (
            <p role="alert" className="rounded-lg border border-brand/40 bg-brand-soft px-3 py-2 text-sm text-fg" data-testid="program-review-error">
              {serverError}
            </p>
          )}
        </div>
      )}
    </PartnerModal>
  );
}
