import type { Ref } from 'react';
import { ReviewErrorMessage } from './ReviewErrorMessage';

export interface RejectReasonFieldProps {
  /** Prefix for the field's ids. */
  id: string;
  textareaRef: Ref<HTMLTextAreaElement>;
  reason: string;
  onReasonChange: (reason: string) => void;
  reasonError?: string;
  serverError?: string;
}

/** Why the program is sent back (required: the partner reads it). */
export function RejectReasonField({ id, textareaRef, reason, onReasonChange, reasonError, serverError }: RejectReasonFieldProps) {
  return (
    <div className="flex flex-col gap-2">
      <label htmlFor={`${id}-reason`} className="text-sm font-medium text-fg">
        Reason <span className="font-normal text-brand-text">(required)</span>
      </label>
      <textarea
        id={`${id}-reason`}
        ref={textareaRef}
        className="input min-h-28 text-base"
        rows={4}
        maxLength={2000}
        value={reason}
        onChange={(e) => onReasonChange(e.target.value)}
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
      <ReviewErrorMessage message={serverError} />
    </div>
  );
}
