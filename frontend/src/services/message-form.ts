// What the partner's Collaboration page and the staff Messages page send alike (/api/v1/partner/collaboration and
// /api/v1/staff/messages take the same multipart form).

export type Box = 'inbox' | 'sent';

/** A reply in a conversation: its text and its files (the server takes up to three of 5 MB). */
export interface MessageReply { body: string; files: File[] }

/** The multipart body of a message or a reply: its fields, and its files as `attachments`. */
export function messageForm(fields: Record<string, string>, files: File[]) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  for (const f of files) form.append('attachments', f);
  return form;
}
