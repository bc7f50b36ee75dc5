import { useId, useState } from 'react';
import { Loader2 } from 'lucide-react';
import { PartnerModal } from '@/components/partner/shared';
import { useSaveNewProgramPreferences } from '@/services/partner/leaving';
import { useCreateProgram, useUpdateProgram } from '@/services/partner/programs';
import { toast } from '@/store/toastStore';
import type { ProgramPreferences, ProgramResponse } from '@/types/partner';
import { ProgramForm } from './ProgramForm';
import { preferencesError } from './ProgramPreferencesCard';
import { EMPTY_PREFERENCES, hasPreferences, ProgramPreferencesFields } from './ProgramPreferencesFields';
import { emptyProgramForm, programToForm } from './program-schema';

export interface ProgramFormModalProps {
  open: boolean;
  onClose: () => void;
  /** Edit this program; without it the modal creates a new one. */
  program?: ProgramResponse;
  onSaved?: (program: ProgramResponse) => void;
}

/**
 * "New program" and "Edit program": the form in a dialog, saved with POST or PUT. A new program can also state its
 * preferences, saved right after it is created (the program page's preferences card edits them later).
 */
export function ProgramFormModal({ open, onClose: close, program, onSaved }: ProgramFormModalProps) {
  const formId = useId();
  const create = useCreateProgram();
  const update = useUpdateProgram(program?.id ?? '');
  const savePreferences = useSaveNewProgramPreferences();
  const [preferences, setPreferences] = useState<ProgramPreferences>(EMPTY_PREFERENCES);
  const saving = create.isPending || update.isPending || savePreferences.isPending;
  const onClose = () => {
    setPreferences(EMPTY_PREFERENCES);
    close();
  };

  const editing = !!program;
  return (
    <PartnerModal
      open={open}
      onClose={onClose}
      size="lg"
      title={editing ? `Edit “${program.name}”` : 'New sponsorship program'}
      description={
        editing
          ? program.status === 'DRAFT'
            ? 'A draft can change entirely until you submit it for approval.'
            : undefined
          : 'Programs start as drafts. Add at least the minimum number of children, then submit the program for approval.'
      }
      testId="program-form-modal"
      footer={
        <>
          <button type="button" className="btn-secondary" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" form={formId} className="btn-primary" disabled={saving} data-testid="program-form-submit">
            {saving && <Loader2 className="size-4 animate-spin" aria-hidden="true" />}
            {editing ? 'Save changes' : 'Create program'}
          </button>
        </>
      }
    >
      {open && (
        <ProgramForm
          key={program?.id ?? 'new'}
          formId={formId}
          defaultValues={program ? programToForm(program) : emptyProgramForm}
          termsLocked={editing && program.status !== 'DRAFT'}
          onSubmit={async (request) => {
            const saved = editing ? await update.mutateAsync(request) : await create.mutateAsync(request);
            if (!editing && hasPreferences(preferences)) {
              // The program exists by now: a refused preference must not leave the form open to create it twice.
              await savePreferences.mutateAsync({ programId: saved.id, body: preferences }).catch((error: unknown) =>
                toast.error(`“${saved.name}” was created, but its preferences were not saved: ${preferencesError(error)} Set them on the program’s page.`),
              );
            }
            onSaved?.(saved);
            onClose();
          }}
        >
          {!editing && (
            <details className="group rounded-lg border border-line p-3" data-testid="program-form-preferences">
              <summary className="cursor-pointer text-xs font-medium text-fg-muted">
                Preferences (optional): who the program would like to sponsor
              </summary>
              <p className="mt-2 text-xs text-fg-subtle">They rank the children you can add and the substitutes Elimu suggests; they never hide a child.</p>
              <div className="mt-3">
                <ProgramPreferencesFields value={preferences} onChange={setPreferences} idPrefix={`${formId}-pref`} />
              </div>
            </details>
          )}
        </ProgramForm>
      )}
    </PartnerModal>
  );
}
