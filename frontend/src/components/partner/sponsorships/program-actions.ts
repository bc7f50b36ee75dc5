import { isApiError } from '@/lib/api';
import { minChildrenNotMet } from '@/services/partner/programs';
import type { ProgramAction } from '@/types/partner';

/** How each lifecycle action is named and what it means, for buttons and confirm dialogs. */
export const PROGRAM_ACTIONS: Record<ProgramAction, { label: string; confirm: string; explain: string; destructive?: boolean }> = {
  submit: {
    label: 'Submit for approval',
    confirm: 'Submit for approval',
    explain:
      'An Elimu admin reviews the program and approves it. From then on its terms (type, billing period, price, currency and minimum) are fixed.',
  },
  pause: {
    label: 'Pause',
    confirm: 'Pause program',
    explain: 'Children stay enrolled and keep learning. While paused you may remove children even below the minimum; resuming needs the minimum again.',
  },
  resume: {
    label: 'Resume',
    confirm: 'Resume program',
    explain: 'The program becomes active again. It needs at least its minimum number of children enrolled.',
  },
  complete: {
    label: 'Mark completed',
    confirm: 'Mark completed',
    explain: 'The program ends and its children stay on its record. This cannot be undone.',
    destructive: true,
  },
  cancel: {
    label: 'Cancel program',
    confirm: 'Cancel program',
    explain: 'The program ends now and takes no more children. This cannot be undone.',
    destructive: true,
  },
};

export const ACTION_ORDER: ProgramAction[] = ['submit', 'resume', 'pause', 'complete', 'cancel'];

export function allowedProgramActions(allowed: string[]): ProgramAction[] {
  return ACTION_ORDER.filter((a) => allowed.includes(a));
}

/** The server's refusal of a lifecycle action, explained with what to do next. */
export function explainActionError(error: unknown): string {
  const min = minChildrenNotMet(error);
  if (min) {
    const next = 'Add the missing children with “Add children” on the program’s page, then try again.';
    return `${min.message} ${next}`;
  }
  if (isApiError(error) && error.code === 'invalid_transition')
    return `${error.detail ?? error.message} The program may have changed meanwhile; the page now shows its current status.`;
  if (isApiError(error)) return error.detail ?? error.message;
  return error instanceof Error ? error.message : 'Something went wrong.';
}
