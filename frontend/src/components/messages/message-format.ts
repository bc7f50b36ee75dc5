import type { ReplyRules } from '@/components/support/TicketReplyBox';

/** Message times as the partners and Elimu staff both read them: Nairobi time. */
export const nairobiTime = (iso: string) =>
  new Intl.DateTimeFormat('en-KE', { timeZone: 'Africa/Nairobi', dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));

/** The server's rules for message files (MessageAttachments.cs): the picker offers only these, and a reply needs text. */
export const MESSAGE_REPLY_RULES: ReplyRules = { accept: '.pdf,.png,.jpg,.jpeg,.txt', maxFiles: 3, maxFileBytes: 5 * 1024 * 1024, textRequired: true };
