import { useId } from 'react';
import { Loader2 } from 'lucide-react';
import { PartnerModal } from '@/components/partner/shared';
import { useCreateProgram, useUpdateProgram } from '@/services/partner/programs';
import type { ProgramResponse } from '@/types/partner';
import { ProgramForm } from './ProgramForm';
import { emptyProgramForm, programToForm } from './program-schema';

export interface ProgramFormModalProps {
  open: boolean;
  onClose: () => void;
  /** Edit this program; without it the modal creates a new one. */
  program?: ProgramResponse;
  onSaved?: (program: ProgramResponse) => void;
}

/** "New program" and "Edit program": the form in a dialog, saved with POST or PUT. */
export function ProgramFormModal({ open, onClose, program, onSaved }: ProgramFormModalProps) {
  const formId = useId();
  const create = useCreateProgram();
  const update = useUpdateProgram(program?.id ?? '');
  const saving = create.isPending || update.isPending;

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
            onSaved?.(saved);
            onClose();
          }}
        />
      )}
    </PartnerModal>
  );
}
