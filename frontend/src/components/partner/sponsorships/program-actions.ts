import { isApiError } from '@/lib/api';
import { minChildrenNotMet } from '@/services/partner/programs';
import { formatNumber } from '@/lib/format';
import type { ProgramAction, ProgramResponse } from '@/types/partner';

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

/** "3 of at least 10 children enrolled; add 7 more", or null once the program holds its minimum. */
export function minimumShortfall(program: Pick<ProgramResponse, 'children' | 'minChildren'>): string | null {
  const enrolled = program.children.enrolled;
  const missing = program.minChildren - enrolled;
  if (missing <= 0) return null;
  return `${formatNumber(enrolled)} of at least ${formatNumber(program.minChildren)} children enrolled; add ${formatNumber(missing)} more`;
}

/**
 * Why the server would refuse this action now (the same rule it checks: submitting and resuming need the minimum
 * of enrolled children), or null when it may go ahead. The button is disabled and says why instead of failing.
 */
export function actionBlockedReason(action: ProgramAction, program: Pick<ProgramResponse, 'children' | 'minChildren'>): string | null {
  if (action !== 'submit' && action !== 'resume') return null;
  return minimumShortfall(program);
}

/**
 * The children a consent request counts toward the minimum, as the API does (ProgramStore.EnrolledOrLeftCountAsync):
 * every child not removed, those who left included, so an approved program that children left keeps asking guardians
 * (its substitutes' above all) while it is short. A GRADUATED child is always one who left (only leaving graduates).
 */
export function consentMinimumCount(program: Pick<ProgramResponse, 'children'>): number {
  const c = program.children;
  return c.enrolled + (c.left ?? 0) + c.graduated;
}

/**
 * Why guardians cannot be asked for consent yet (the server answers 409 program_not_active or min_children_not_met),
 * or null when they can.
 */
export function consentBlockedReason(program: Pick<ProgramResponse, 'status' | 'children' | 'minChildren'>): string | null {
  if (program.status === 'DRAFT') return 'Guardians are asked once an admin has approved the program: submit it for approval first.';
  if (program.status === 'PENDING_APPROVAL') return 'Guardians are asked once an admin has approved the program; it is waiting for review.';
  if (program.status === 'PAUSED') return 'The program is paused: resume it to ask guardians.';
  if (program.status !== 'ACTIVE') return 'The program has ended; no consent is needed.';
  const counted = consentMinimumCount(program);
  const missing = program.minChildren - counted;
  if (missing <= 0) return null;
  return `${formatNumber(counted)} of at least ${formatNumber(program.minChildren)} children enrolled; add ${formatNumber(missing)} more before guardians can be asked.`;
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
