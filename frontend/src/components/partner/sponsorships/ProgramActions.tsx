import { usePartnerPermissions } from '@/services/partner/team';
import { useState } from 'react';
import { toast } from '@/store/toastStore';
import { humanizeStatus } from '@/components/partner/shared';
import { useProgramAction } from '@/services/partner/programs';
import type { ProgramAction, ProgramResponse } from '@/types/partner';
import { ConfirmDialog } from './ConfirmDialog';
import { actionBlockedReason, allowedProgramActions, explainActionError, PROGRAM_ACTIONS } from './program-actions';

/** The lifecycle buttons the program's `allowedActions` open, each confirmed, with the server's refusal explained. */
export function ProgramActions({ program }: { program: ProgramResponse }) {
  const [pending, setPending] = useState<ProgramAction | null>(null);
  const mutation = useProgramAction();
  const { changePrograms } = usePartnerPermissions();
  const actions = allowedProgramActions(program.allowedActions);
  if (actions.length === 0 || !changePrograms) return null;

  const close = () => {
    setPending(null);
    mutation.reset();
  };
  const meta = pending ? PROGRAM_ACTIONS[pending] : null;

  return (
    <div className="flex flex-wrap items-start gap-2" data-testid="program-actions">
      {actions.map((action) => {
        const blocked = actionBlockedReason(action, program);
        const reasonId = `action-${action}-reason`;
        return (
          <span key={action} className="flex flex-col gap-1">
            <button
              type="button"
              className={action === 'submit' || action === 'resume' ? 'btn-primary' : 'btn-secondary'}
              disabled={blocked !== null}
              aria-describedby={blocked ? reasonId : undefined}
              onClick={() => {
                mutation.reset();
                setPending(action);
              }}
              data-testid={`action-${action}`}
            >
              {PROGRAM_ACTIONS[action].label}
            </button>
            {blocked && (
              <span id={reasonId} className="text-xs text-amber-300" data-testid={`action-${action}-reason`}>
                {blocked}
              </span>
            )}
          </span>
        );
      })}
      <ConfirmDialog
        open={pending !== null}
        title={meta ? `${meta.confirm}?` : ''}
        description={meta?.explain}
        confirmLabel={meta?.confirm ?? ''}
        destructive={meta?.destructive}
        busy={mutation.isPending}
        error={mutation.isError ? explainActionError(mutation.error) : undefined}
        onClose={close}
        onConfirm={() => {
          if (!pending) return;
          mutation.mutate(
            { id: program.id, action: pending },
            {
              onSuccess: (updated) => {
                toast.success(`“${updated.name}” is now ${humanizeStatus(updated.status).toLowerCase()}.`);
                close();
              },
            },
          );
        }}
        testId="program-action-dialog"
      />
    </div>
  );
}
