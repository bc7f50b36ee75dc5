import type { BadgeTone } from '@/components/partner/shared';
import type { GrantStatus } from '@/types/partner';

export const GRANT_STATUSES: GrantStatus[] = ['applied', 'awarded', 'active', 'reporting', 'closed'];

export const GRANT_TONES: Record<GrantStatus, BadgeTone> = { applied: 'info', awarded: 'success', active: 'success', reporting: 'warning', closed: 'neutral' };

/** Deadline states as the API names them (submitted, overdue, due_soon, upcoming), with their badge tone. */
export const DEADLINE_TONES: Record<string, BadgeTone> = { submitted: 'success', overdue: 'danger', due_soon: 'warning', upcoming: 'info' };
