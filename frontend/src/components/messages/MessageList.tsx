import { Paperclip } from 'lucide-react';
import { cn } from '@/lib/cn';
import type { Box } from '@/services/message-form';
import type { MessageSummary } from '@/types/partner';
import { nairobiTime } from './message-format';

export interface MessageListProps {
  messages: MessageSummary[];
  box: Box;
  selectedId: string | null;
  onOpen: (id: string) => void;
  /** Staff answer many partners: each row names the organisation. */
  showPartner?: boolean;
}

/** Inbox or sent rows: who, the subject, a preview; unread inbox rows bold with a dot, sent rows with their read receipt. */
export function MessageList({ messages, box, selectedId, onOpen, showPartner }: MessageListProps) {
  return (
    <ul className="divide-y divide-line" data-testid="message-list" aria-label={box === 'inbox' ? 'Inbox' : 'Sent messages'}>
      {messages.map((m) => {
        const unread = box === 'inbox' && !m.readAt;
        const selected = selectedId === m.id || selectedId === m.threadId;
        return (
          <li key={m.id}>
            <button type="button" onClick={() => onOpen(m.id)} aria-current={selected ? 'true' : undefined} data-testid="message-row" data-unread={unread || undefined}
              className={cn('flex w-full min-w-0 flex-col items-start gap-0.5 px-3 py-3 text-left transition-colors hover:bg-elevated',
                selected && 'bg-elevated shadow-[inset_3px_0_0_var(--color-brand)]')}>
              <span className="flex w-full min-w-0 items-center gap-2 text-sm">
                {unread && <span className="size-2 shrink-0 rounded-full bg-brand" aria-label="Unread" />}
                <span className={cn('min-w-0 truncate', unread ? 'font-semibold text-fg' : 'text-fg-muted')}>
                  {box === 'inbox' ? m.from.name : `To ${m.to.name}`}
                </span>
                {m.hasAttachments && <Paperclip className="size-3 shrink-0 text-fg-subtle" aria-label="Has attachments" />}
                <span className="ml-auto shrink-0 text-xs text-fg-subtle">{nairobiTime(m.createdAt)}</span>
              </span>
              {showPartner && <span className="w-full truncate text-xs text-fg-subtle" data-testid="message-partner">{m.partnerName}</span>}
              <span className={cn('w-full truncate text-sm', unread ? 'font-semibold text-fg' : 'text-fg-muted')}>{m.subject}</span>
              <span className="w-full truncate text-xs text-fg-subtle">{m.preview}</span>
              {box === 'sent' && <span className="text-xs text-fg-subtle">{m.readAt ? `Read ${nairobiTime(m.readAt)}` : 'Not read yet'}</span>}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
