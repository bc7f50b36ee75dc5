import { Paperclip } from 'lucide-react';
import { formatBytes } from '@/components/support/ticket-labels';
import { cn } from '@/lib/cn';
import type { MessageView } from '@/types/partner';
import { nairobiTime } from './message-format';

/** A conversation's messages, oldest first: the reader's own on the right with their read receipt, files to download. */
export function MessageBubbles({ messages }: { messages: MessageView[] }) {
  return (
    <ol className="flex flex-col gap-3" aria-label="Messages">
      {messages.map((m) => (
        <li key={m.id} data-testid="thread-message"
          className={cn('max-w-[90%] rounded-xl border p-3 text-sm', m.isMine ? 'self-end border-brand/40 bg-brand-soft' : 'self-start border-line bg-elevated')}>
          <div className="mb-1 flex flex-wrap gap-x-2 text-xs text-fg-muted">
            <span className="font-medium text-fg">{m.from.name}</span>
            <span>{nairobiTime(m.createdAt)}</span>
            {m.isMine && <span className="ml-auto" data-testid="receipt">{m.readAt ? `Read ${nairobiTime(m.readAt)}` : 'Delivered'}</span>}
          </div>
          <p className="whitespace-pre-wrap break-words">{m.body}</p>
          {m.attachments.length > 0 && (
            <ul className="mt-2 flex flex-col gap-1">
              {m.attachments.map((a) => (
                <li key={a.position}>
                  <a href={a.url} download className="inline-flex max-w-full items-center gap-1 text-xs text-brand-text underline">
                    <Paperclip className="size-3 shrink-0" aria-hidden="true" />
                    <span className="truncate">{a.fileName}</span> <span className="shrink-0">({formatBytes(a.sizeBytes)})</span>
                  </a>
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ol>
  );
}
