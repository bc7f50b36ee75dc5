import { ArrowLeft, Inbox, Mail, Search, Send } from 'lucide-react';
import { MessageBubbles } from '@/components/messages/MessageBubbles';
import { MESSAGE_REPLY_RULES } from '@/components/messages/message-format';
import { MessageList } from '@/components/messages/MessageList';
import { ListPager, PartnerBadge, PartnerEmptyState, PartnerLoadingSkeleton, PartnerPageHeader } from '@/components/partner/shared';
import { QueryErrorState } from '@/components/partner/sponsorships/QueryErrorState';
import { TicketReplyBox } from '@/components/support/TicketReplyBox';
import { cn } from '@/lib/cn';
import { useSearchDraft } from '@/lib/use-search-draft';
import { urlParam, useUrlState } from '@/lib/use-url-state';
import { useStaffMessageReply, useStaffMessages, useStaffThread, useStaffUnread } from '@/services/admin/staff-messages';

const PAGE_SIZE = 20;

const MESSAGES_URL = {
  box: urlParam.oneOf(['inbox', 'sent'] as const, 'inbox'),
  search: urlParam.search(),
  page: urlParam.page(),
  thread: urlParam.string(),
};

/**
 * `/dashboard/admin/messages`: what partners' team members wrote to this member of staff (or admin), and the answers.
 * Each staff member reads their own mailbox; the box, search, page and open conversation live in the URL.
 */
export default function AdminMessagesPage() {
  const [url, setUrl] = useUrlState(MESSAGES_URL);
  const [searchDraft, setSearchDraft] = useSearchDraft(url.search, (search) => setUrl({ search, page: 1 }));
  const list = useStaffMessages({ box: url.box, search: url.search, page: url.page, pageSize: PAGE_SIZE });
  const unread = useStaffUnread().data?.unread ?? 0;
  const total = list.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));

  return (
    <>
      <PartnerPageHeader
        title="Partner messages"
        description="What partners’ teams wrote to you, and your answers. Opening a conversation marks it read; the partner sees your read receipt."
        breadcrumbs={[{ label: 'Admin', to: '/dashboard/admin' }, { label: 'Messages' }]}
      />
      <div className="grid gap-4 lg:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
        {/* On a phone an open conversation takes the screen; the list is one tap back. */}
        <section aria-label="Messages" className={cn('card flex min-w-0 flex-col gap-3 p-3 sm:p-4', url.thread && 'hidden lg:flex')}>
          <div className="flex flex-wrap items-center gap-2" role="group" aria-label="Box">
            {(['inbox', 'sent'] as const).map((b) => (
              <button key={b} type="button" onClick={() => setUrl({ box: b, page: 1 })} aria-pressed={url.box === b} data-testid={`box-${b}`}
                className={cn('inline-flex min-h-9 items-center gap-1.5 rounded-lg px-3 py-1.5 text-sm',
                  url.box === b ? 'bg-elevated font-medium text-fg' : 'text-fg-muted hover:text-fg')}>
                {b === 'inbox' ? <Inbox className="size-4" aria-hidden="true" /> : <Send className="size-4" aria-hidden="true" />}
                {b === 'inbox' ? 'Inbox' : 'Sent'}
                {b === 'inbox' && unread > 0 && (
                  <PartnerBadge tone="brand" testId="staff-unread-count" aria-label={`${unread} unread`}>{unread}</PartnerBadge>
                )}
              </button>
            ))}
          </div>
          <label className="relative block">
            <span className="sr-only">Search messages</span>
            <Search className="pointer-events-none absolute left-3 top-1/2 size-4 -translate-y-1/2 text-fg-subtle" aria-hidden="true" />
            <input type="search" className="input w-full pl-9" placeholder="Search subject or text…" value={searchDraft}
              onChange={(e) => setSearchDraft(e.target.value)} data-testid="staff-message-search" />
          </label>
          {list.isError ? (
            <QueryErrorState title="We couldn’t load your messages" error={list.error} onRetry={() => void list.refetch()} retrying={list.isFetching} compact />
          ) : list.isPending ? (
            <PartnerLoadingSkeleton variant="lines" count={5} label="Loading messages" />
          ) : total === 0 ? (
            <PartnerEmptyState compact icon={Inbox} testId="staff-messages-empty"
              title={url.search ? 'No messages match' : url.box === 'inbox' ? 'No messages from partners yet' : 'Nothing sent yet'}
              description={url.search ? 'Try other words, or clear the search.' : url.box === 'inbox'
                ? 'When a partner’s team member writes to you from their Collaboration page, it arrives here.'
                : 'Your answers to partners show here.'} />
          ) : (
            <>
              <MessageList messages={list.data.items} box={url.box} selectedId={url.thread || null} showPartner
                onOpen={(id) => setUrl({ thread: id, page: url.page })} />
              <ListPager page={url.page} pages={pages} total={total} noun="messages" onPage={(p) => setUrl({ page: p })} />
            </>
          )}
        </section>
        <section aria-label="Conversation" className={cn('min-w-0', !url.thread && 'hidden lg:block')}>
          {url.thread ? (
            <StaffConversation id={url.thread} onBack={() => setUrl({ thread: '', page: url.page })} />
          ) : (
            <PartnerEmptyState compact icon={Mail} title="Choose a message" description="The conversation and your reply show here." className="card" />
          )}
        </section>
      </div>
    </>
  );
}

function StaffConversation({ id, onBack }: { id: string; onBack: () => void }) {
  const thread = useStaffThread(id);
  const reply = useStaffMessageReply(id);
  const back = (
    <button type="button" className="btn-ghost -ml-2 self-start px-2 lg:hidden" onClick={onBack} data-testid="back-to-messages">
      <ArrowLeft className="size-4" aria-hidden="true" /> All messages
    </button>
  );
  if (thread.isError)
    return (
      <div className="card flex flex-col gap-2 p-4">
        {back}
        <QueryErrorState title="We couldn’t open this conversation" error={thread.error} onRetry={() => void thread.refetch()} compact testId="thread-error" />
      </div>
    );
  if (thread.isPending) return <PartnerLoadingSkeleton variant="lines" count={4} label="Loading the conversation" />;
  const t = thread.data;
  return (
    <article className="card flex flex-col gap-4 p-4 sm:p-5" data-testid="thread" aria-labelledby="staff-thread-title">
      {back}
      <header className="flex flex-col gap-1">
        <h2 id="staff-thread-title" className="break-words text-base font-semibold">{t.subject}</h2>
        <p className="text-xs text-fg-muted" data-testid="thread-partner">
          <span className="text-fg">{t.partnerName}</span> · {t.with.name}
        </p>
      </header>
      <MessageBubbles messages={t.messages} />
      <div className="border-t border-line pt-3">
        <TicketReplyBox onSend={(r) => reply.mutateAsync(r)} pending={reply.isPending} label={`Reply to ${t.with.name}`} rules={MESSAGE_REPLY_RULES} testId="message-reply" />
      </div>
    </article>
  );
}
