import { useState } from 'react';
import { ConfirmDialog } from '@/components/partner/sponsorships/ConfirmDialog';
import { isApiError } from '@/lib/api';
import { useDismissAlert } from '@/services/partner/alerts';
import { toast } from '@/store/toastStore';
import type { ChildAlert } from '@/types/partner';
import { kindLabel } from './alert-labels';

/** The API's limit (ChildAlert.NoteLength). */
const NOTE_LENGTH = 500;

/**
 * Dismisses an alert with a note saying why (required). A dismissed alert stays until its condition clears, and is not
 * raised again meanwhile; the note is kept with it and in the audit log.
 */
export function DismissAlertDialog({ alert, onClose }: { alert: ChildAlert | null; onClose: () => void }) {
  const [note, setNote] = useState('');
  const [tried, setTried] = useState(false);
  const dismiss = useDismissAlert();
  const missing = note.trim() === '';
  const serverNote = isApiError(dismiss.error) ? dismiss.error.fieldErrors('note')[0] : undefined;
  const otherError = dismiss.isError && !serverNote ? (isApiError(dismiss.error) ? (dismiss.error.detail ?? dismiss.error.message) : 'Something went wrong.') : undefined;
  const noteError = serverNote ?? (tried && missing ? 'Say why the alert is dismissed.' : undefined);

  const close = () => {
    setNote('');
    setTried(false);
    dismiss.reset();
    onClose();
  };

  return (
    <ConfirmDialog
      open={alert !== null}
      title="Dismiss this alert"
      description={
        alert && (
          <>
            {kindLabel(alert.kind)} for <strong className="text-fg">{alert.childName}</strong>. It stays dismissed while its condition holds and clears
            by itself when it no longer does.
          </>
        )
      }
      confirmLabel="Dismiss alert"
      busy={dismiss.isPending}
      error={otherError}
      onClose={close}
      onConfirm={() => {
        setTried(true);
        if (!alert || missing) return;
        dismiss.mutate(
          { id: alert.id, note: note.trim() },
          {
            onSuccess: () => {
              toast.success(`The alert for ${alert.childName} was dismissed.`);
              close();
            },
          },
        );
      }}
      testId="dismiss-alert-dialog"
    >
      <label className="flex flex-col gap-1 text-sm">
        <span className="font-medium text-fg">Why? (required)</span>
        <textarea
          value={note}
          onChange={(e) => setNote(e.target.value)}
          maxLength={NOTE_LENGTH}
          rows={3}
          className="input min-h-[4.5rem]"
          placeholder="e.g. The family travelled; the school confirms the child is back next week."
          aria-invalid={!!noteError}
          aria-describedby={noteError ? 'dismiss-note-error' : undefined}
          data-testid="dismiss-note"
        />
        {noteError && (
          <span id="dismiss-note-error" role="alert" className="text-xs text-brand-text">
            {noteError}
          </span>
        )}
      </label>
    </ConfirmDialog>
  );
}
