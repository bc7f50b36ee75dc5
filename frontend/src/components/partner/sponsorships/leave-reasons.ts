import type { LeaveReason } from '@/types/partner';

/** Why a child leaves a program, as the API names it, with what the partner reads. */
export const LEAVE_REASONS: { value: LeaveReason; label: string; hint: string }[] = [
  { value: 'graduated', label: 'Graduated', hint: 'Finished the last grade of the program.' },
  { value: 'moved_school', label: 'Moved school', hint: 'Now at a school the program does not cover.' },
  { value: 'withdrew', label: 'Withdrew', hint: 'The family or the child chose to stop.' },
  { value: 'other', label: 'Other', hint: 'Say why in the note.' },
];
