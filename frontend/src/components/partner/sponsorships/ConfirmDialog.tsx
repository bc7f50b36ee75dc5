import type { ReactNode } from 'react';
import { Loader2 } from 'lucide-react';
import { PartnerModal } from '@/components/partner/shared';

export interface ConfirmDialogProps {
  open: boolean;
  title: string;
  description?: ReactNode;
  children?: ReactNode;
  confirmLabel: string;
  /** A destructive action gets the red button. */
  destructive?: boolean;
  busy?: boolean;
  /** An answer from the server (e.g. a refusal) shown above the buttons. */
  error?: ReactNode;
  /** The confirm button stays disabled (e.g. while what it would do is still loading). */
  confirmDisabled?: boolean;
  size?: 'sm' | 'md' | 'lg';
  onConfirm: () => void;
  onClose: () => void;
  testId?: string;
}

/** "Are you sure?" with the consequences said plainly, and the server's refusal if it refuses. */
export function ConfirmDialog({ open, title, description, children, confirmLabel, destructive, busy, error, confirmDisabled, size = 'sm', onConfirm, onClose, testId }: ConfirmDialogProps) {
  return (
    <PartnerModal
      open={open}
      onClose={onClose}
      title={title}
      description={description}
      size={size}
      testId={testId}
      footer={
        <>
          <button type="button" className="btn-secondary" onClick={onClose}>
            {error ? 'Close' : 'Keep as is'}
          </button>
          <button type="button" className="btn-primary" data-destructive={destructive ? 'true' : undefined} onClick={onConfirm} disabled={busy || confirmDisabled} data-testid="confirm-button">
            {busy && <Loader2 className="size-4 animate-spin" aria-hidden="true" />}
            {confirmLabel}
          </button>
        </>
      }
    >
      {(children || error) && (
        <div className="flex flex-col gap-3">
          {children}
          {error && (
            <div role="alert" data-testid="confirm-error" className="rounded-lg border border-brand/40 bg-brand-soft px-3 py-2.5 text-sm text-fg">
              {error}
            </div>
          )}
        </div>
      )}
    </PartnerModal>
  );
}
