import type { TicketCategory, TicketPriority, TicketStatus } from '@/types/partner';

/** The categories and priorities, in the API's spelling, with the words the pages show. */
export const TICKET_CATEGORIES: { value: TicketCategory; label: string }[] = [
  { value: 'billing', label: 'Billing' },
  { value: 'technical', label: 'Technical' },
  { value: 'account', label: 'Account' },
  { value: 'sponsorship', label: 'Sponsorship' },
  { value: 'consent', label: 'Consent' },
  { value: 'content', label: 'Content' },
  { value: 'other', label: 'Other' },
];

export const TICKET_PRIORITIES: { value: TicketPriority; label: string }[] = [
  { value: 'low', label: 'Low' },
  { value: 'medium', label: 'Medium' },
  { value: 'high', label: 'High' },
  { value: 'urgent', label: 'Urgent' },
];

export const TICKET_STATUSES: { value: TicketStatus; label: string }[] = [
  { value: 'open', label: 'Open' },
  { value: 'in_progress', label: 'In progress' },
  { value: 'resolved', label: 'Resolved' },
  { value: 'closed', label: 'Closed' },
];

export const categoryLabel = (c: string | null | undefined) => TICKET_CATEGORIES.find((x) => x.value === c)?.label ?? (c ?? '');
export const priorityLabel = (p: string | null | undefined) => TICKET_PRIORITIES.find((x) => x.value === p)?.label ?? (p ?? '');

export const PRIORITY_CLASS: Record<TicketPriority, string> = {
  low: 'text-fg-subtle',
  medium: 'text-fg-muted',
  high: 'text-amber-300',
  urgent: 'text-brand-text font-semibold',
};

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** What the server accepts (it checks the content too): the picker offers only these. */
export const ACCEPTED_FILES = '.pdf,.png,.jpg,.jpeg,.txt,.csv,.xlsx';
export const MAX_FILES = 5;
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
