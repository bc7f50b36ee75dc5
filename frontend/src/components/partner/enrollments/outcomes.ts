import type { BadgeTone } from '@/components/partner/shared';

/** The import outcomes as the dry run spells them, with the words and tones the preview shows. */
export const OUTCOMES: Record<string, { label: string; tone: BadgeTone }> = {
  ok: { label: 'Ready', tone: 'success' },
  not_found: { label: 'Student not found', tone: 'danger' },
  already_sponsored: { label: 'Already sponsored', tone: 'warning' },
  duplicate_in_file: { label: 'Duplicate in file', tone: 'warning' },
  over_max_children: { label: 'Over the maximum', tone: 'danger' },
  program_not_found: { label: 'Unknown program', tone: 'danger' },
  program_closed: { label: 'Program closed', tone: 'danger' },
  invalid_row: { label: 'Invalid row', tone: 'danger' },
};

export const outcomeOf = (outcome: string) => OUTCOMES[outcome] ?? { label: outcome.replace(/_/g, ' '), tone: 'neutral' as BadgeTone };
