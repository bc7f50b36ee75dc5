import { useState } from 'react';
import { CheckCircle2, CircleSlash, Loader2, XCircle } from 'lucide-react';
import { useQueryClient } from '@tanstack/react-query';
import { PartnerModal } from '@/components/partner/shared';
import { changeProgramStatus } from '@/services/partner/programs';
import { invalidateProgramData } from '@/services/partner/sponsorship-keys';
import type { ProgramResponse } from '@/types/partner';
import { actionBlockedReason, explainActionError, PROGRAM_ACTIONS } from './program-actions';
import { TruncatedText } from '@/components/partner/shared/TruncatedText';

type BulkAction = 'submit' | 'pause';

interface Outcome {
  program: ProgramResponse;
  result: 'done' | 'refused' | 'skipped';
  message: string;
}

/**
 * Submit or pause several programs at once. Programs whose status does not allow the action are
 * skipped (and listed); each refusal from the server is shown with its reason.
 */
export function BulkProgramActions({ selected, onDone }: { selected: ProgramResponse[]; onDone: () => void }) {
  const queryClient = useQueryClient();
  const [action, setAction] = useState<BulkAction | null>(null);
  const [running, setRunning] = useState(false);
  const [outcomes, setOutcomes] = useState<Outcome[] | null>(null);

  // Why a program is skipped without asking the server: its status does not allow the action, or it is below its minimum.
  const skipReason = (p: ProgramResponse, a: BulkAction): string | null => {
    if (!p.allowedActions.includes(a)) return `A ${p.status.toLowerCase().replace('_', ' ')} program cannot ${a}.`;
    const blocked = actionBlockedReason(a, p);
    return blocked ? `Skipped: ${blocked}.` : null;
  };
  const eligible = (a: BulkAction) => selected.filter((p) => skipReason(p, a) === null);

  const run = async (a: BulkAction) => {
    setRunning(true);
    const results: Outcome[] = [];
    for (const program of selected) {
      const skip = skipReason(program, a);
      if (skip) {
        results.push({ program, result: 'skipped', message: skip });
        continue;
      }
      try {
        const updated = await changeProgramStatus(program.id, a);
        results.push({ program: updated, result: 'done', message: a === 'submit' ? 'Submitted for approval.' : 'Paused.' });
      } catch (error) {
        results.push({ program, result: 'refused', message: explainActionError(error) });
      }
    }
    invalidateProgramData(queryClient);
    setOutcomes(results);
    setRunning(false);
  };

  const close = () => {
    if (outcomes?.some((o) => o.result === 'done')) onDone();
    setAction(null);
    setOutcomes(null);
  };

  if (selected.length === 0) return null;
  const list = action ? (outcomes ?? selected.map((program) => {
        const skip = skipReason(program, action);
        return { program, result: skip ? 'skipped' : 'pending', message: skip ?? '' };
      })) : [];

  return (
    <div className="flex flex-wrap items-center gap-2 rounded-lg border border-brand/40 bg-brand-soft px-3 py-2 text-sm" data-testid="bulk-actions">
      <span className="mr-auto font-medium text-fg">{selected.length} selected</span>
      {(['submit', 'pause'] as const).map((a) => (
        <button key={a} type="button" className="btn-secondary px-3 py-1.5 text-xs" onClick={() => setAction(a)} data-testid={`bulk-${a}`}>
          {a === 'submit' ? 'Submit for approval' : 'Pause'} ({eligible(a).length})
        </button>
      ))}
      <button type="button" className="btn-ghost px-2 py-1.5 text-xs" onClick={onDone}>
        Clear selection
      </button>

      <PartnerModal
        open={action !== null}
        onClose={close}
        title={action ? `${PROGRAM_ACTIONS[action].label}: ${selected.length} program${selected.length === 1 ? '' : 's'}` : ''}
        description={action && !outcomes ? PROGRAM_ACTIONS[action].explain : outcomes ? 'What happened to each program.' : undefined}
        testId="bulk-dialog"
        footer={
          outcomes ? (
            <button type="button" className="btn-primary" onClick={close}>
              Done
            </button>
          ) : (
            <>
              <button type="button" className="btn-secondary" onClick={close} disabled={running}>
                Cancel
              </button>
              <button
                type="button"
                className="btn-primary"
                onClick={() => action && void run(action)}
                disabled={running || !action || eligible(action).length === 0}
                data-testid="bulk-confirm"
              >
                {running && <Loader2 className="size-4 animate-spin" aria-hidden="true" />}
                {action ? `${PROGRAM_ACTIONS[action].label} (${eligible(action).length})` : ''}
              </button>
            </>
          )
        }
      >
        <ul className="flex flex-col gap-2" data-testid="bulk-list">
          {list.map((o) => (
            <li key={o.program.id} className="flex items-start gap-2" data-result={o.result}>
              {o.result === 'done' ? (
                <CheckCircle2 className="mt-0.5 size-4 shrink-0 text-ok" aria-label="Done" />
              ) : o.result === 'refused' ? (
                <XCircle className="mt-0.5 size-4 shrink-0 text-brand-text" aria-label="Refused" />
              ) : o.result === 'skipped' ? (
                <CircleSlash className="mt-0.5 size-4 shrink-0 text-fg-subtle" aria-label="Skipped" />
              ) : (
                <span className="mt-1.5 size-2 shrink-0 rounded-full bg-fg-subtle" aria-hidden="true" />
              )}
              <span className="min-w-0">
                <TruncatedText text={o.program.name} lines={2} className="font-medium text-fg" />
                {(o.message || o.result === 'skipped') && (
                  <span className="block text-xs text-fg-muted">{o.message || `Skipped: its status does not allow this.`}</span>
                )}
              </span>
            </li>
          ))}
        </ul>
      </PartnerModal>
    </div>
  );
}
