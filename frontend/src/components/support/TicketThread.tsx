import { CheckCircle2, Paperclip, RotateCcw, UserCheck, XCircle } from 'lucide-react';
import { cn } from '@/lib/cn';
import { formatDateTime } from '@/lib/format';
import type { TicketAttachmentView, TicketDetail, TicketMessageView } from '@/types/partner';
import { formatBytes } from './ticket-labels';

export interface TicketThreadProps {
  ticket: TicketDetail;
  /** Where a file downloads from (the partner's or the staff route). */
  fileUrl: (attachmentId: string) => string;
  /** Which side is reading: their own messages sit on the right. */
  viewer: 'partner' | 'staff';
}

/** The description, then the conversation and the status events, oldest first. */
export function TicketThread({ ticket, fileUrl, viewer }: TicketThreadProps) {
  return (
    <ol className="flex flex-col gap-3" aria-label="Conversation" data-testid="ticket-thread">
      <li className="rounded-xl border border-line bg-elevated p-3.5">
        <p className="mb-1 text-xs text-fg-muted">
          {ticket.openedByName ?? ticket.partnerName} · {formatDateTime(ticket.createdAt)}
        </p>
        <p className="whitespace-pre-wrap text-sm">{ticket.description}</p>
        <Files files={ticket.attachments} fileUrl={fileUrl} />
      </li>
      {ticket.messages.map((m) => (m.event ? <EventLine key={m.id} message={m} /> : <Message key={m.id} message={m} mine={m.party === viewer} fileUrl={fileUrl} />))}
    </ol>
  );
}

function Message({ message, mine, fileUrl }: { message: TicketMessageView; mine: boolean; fileUrl: (id: string) => string }) {
  return (
    <li
      className={cn('max-w-[85%] rounded-xl border p-3.5', mine ? 'self-end border-brand/40 bg-brand-soft' : 'self-start border-line bg-elevated')}
      data-testid="ticket-message"
      data-party={message.party}
    >
      <p className="mb-1 text-xs text-fg-muted">
        {message.authorName}
        {message.party === 'staff' && <span className="ml-1 rounded bg-elevated px-1 text-[10px] uppercase tracking-wide">Elimu support</span>} ·{' '}
        {formatDateTime(message.createdAt)}
      </p>
      <p className="whitespace-pre-wrap text-sm">{message.body}</p>
      <Files files={message.attachments} fileUrl={fileUrl} />
    </li>
  );
}

const EVENT_ICONS = { assigned: UserCheck, unassigned: UserCheck, resolved: CheckCircle2, reopened: RotateCcw, closed: XCircle } as const;

function EventLine({ message }: { message: TicketMessageView }) {
  const Icon = EVENT_ICONS[message.event!];
  return (
    <li className="flex items-start gap-2 px-1 text-xs text-fg-muted" data-testid="ticket-event" data-event={message.event}>
      <Icon className={cn('mt-0.5 size-3.5 shrink-0', message.event === 'resolved' && 'text-emerald-300')} aria-hidden="true" />
      <span className="min-w-0">
        <span className="text-fg">{message.authorName}</span> {message.event === 'resolved' ? 'resolved the ticket: ' : ''}
        <span className={message.event === 'resolved' ? 'whitespace-pre-wrap text-fg' : ''}>{message.event === 'resolved' ? message.body : message.body}</span> ·{' '}
        {formatDateTime(message.createdAt)}
      </span>
    </li>
  );
}

function Files({ files, fileUrl }: { files: TicketAttachmentView[]; fileUrl: (id: string) => string }) {
  if (files.length === 0) return null;
  return (
    <ul className="mt-2 flex flex-wrap gap-2" aria-label="Attachments">
      {files.map((f) => (
        <li key={f.id}>
          <a href={fileUrl(f.id)} download={f.fileName} className="inline-flex items-center gap-1.5 rounded-lg border border-line px-2 py-1 text-xs hover:border-line-strong">
            <Paperclip className="size-3" aria-hidden="true" />
            {f.fileName} <span className="text-fg-subtle">{formatBytes(f.sizeBytes)}</span>
          </a>
        </li>
      ))}
    </ul>
  );
}
