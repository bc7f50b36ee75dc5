import { useState } from 'react';
import { useLocation } from 'react-router';
import { LifeBuoy, Plus, RotateCcw, XCircle } from 'lucide-react';
import { ListPager, PartnerBadge, PartnerEmptyState, PartnerFilterBar, PartnerLoadingSkeleton, PartnerModal, PartnerPageHeader } from '@/components/partner/shared';
import { QueryErrorState } from '@/components/partner/sponsorships/QueryErrorState';
import { NewTicketForm } from '@/components/support/NewTicketForm';
import { categoryLabel, priorityLabel, TICKET_CATEGORIES, TICKET_PRIORITIES, TICKET_STATUSES } from '@/components/support/ticket-labels';
import { TicketList } from '@/components/support/TicketList';
import { TicketReplyBox } from '@/components/support/TicketReplyBox';
import { TicketThread } from '@/components/support/TicketThread';
import { formatDate } from '@/lib/format';
import { useSearchDraft } from '@/lib/use-search-draft';
import { urlParam, useUrlState } from '@/lib/use-url-state';
import { attachmentUrl, useCloseTicket, useReopenTicket, useReplyToTicket, useTicket, useTickets } from '@/services/partner/support';
import type { TicketCategory, TicketDetail, TicketPriority, TicketStatus } from '@/types/partner';

const PAGE_SIZE = 20;

const LIST_URL = {
  status: urlParam.oneOf<TicketStatus | ''>(['', ...TICKET_STATUSES.map((s) => s.value)], ''),
  category: urlParam.oneOf<TicketCategory | ''>(['', ...TICKET_CATEGORIES.map((c) => c.value)], ''),
  priority: urlParam.oneOf<TicketPriority | ''>(['', ...TICKET_PRIORITIES.map((p) => p.value)], ''),
  search: urlParam.search(),
  page: urlParam.page(),
  ticket: urlParam.string(),
};

/** `/dashboard/partner/tickets`: the partner's support tickets, a new ticket with triage's suggestion, and each thread. */
export default function PartnerTicketsPage() {
  const location = useLocation();
  const [url, setUrl] = useUrlState(LIST_URL);
  const [creating, setCreating] = useState(false);
  const [searchDraft, setSearchDraft] = useSearchDraft(url.search, (search) => setUrl({ search, page: 1 }));
  const list = useTickets({ status: url.status, category: url.category, priority: url.priority, search: url.search, page: url.page, pageSize: PAGE_SIZE });
  const filtered = url.status !== '' || url.category !== '' || url.priority !== '' || url.search !== '';
  const total = list.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));

  const open = (ticket: TicketDetail) => {
    setCreating(false);
    setUrl({ ticket: ticket.id });
  };
  const hrefOf = (id: string) => {
    const params = new URLSearchParams(location.search);
    params.set('ticket', id);
    return `?${params.toString()}`;
  };

  return (
    <>
      <PartnerPageHeader
        title="Tickets"
        description="Ask Elimu support for help. Triage suggests a category and priority as you write; you decide."
        breadcrumbs={[{ label: 'Dashboard', to: '/dashboard/partner' }, { label: 'Support' }, { label: 'Tickets' }]}
        actions={
          <button type="button" className="btn-primary" onClick={() => setCreating(true)} data-testid="new-ticket">
            <Plus className="size-4" aria-hidden="true" />
            New ticket
          </button>
        }
      />
      <PartnerModal open={creating} onClose={() => setCreating(false)} title="New ticket" size="lg" testId="new-ticket-modal"
        description="Tell us what happened or what you need. Attach screenshots or files if they help.">
        <NewTicketForm onCreated={open} />
      </PartnerModal>

      <div className="flex flex-col gap-4">
        <PartnerFilterBar
          search={searchDraft}
          onSearchChange={setSearchDraft}
          searchLabel="Search tickets"
          searchPlaceholder="Search subject or description…"
          filters={[
            { key: 'status', label: 'Status', value: url.status, options: [{ value: '', label: 'All statuses' }, ...TICKET_STATUSES], onChange: (v) => setUrl({ status: v as TicketStatus | '', page: 1 }) },
            { key: 'category', label: 'Category', value: url.category, options: [{ value: '', label: 'All categories' }, ...TICKET_CATEGORIES], onChange: (v) => setUrl({ category: v as TicketCategory | '', page: 1 }) },
            { key: 'priority', label: 'Priority', value: url.priority, options: [{ value: '', label: 'All priorities' }, ...TICKET_PRIORITIES], onChange: (v) => setUrl({ priority: v as TicketPriority | '', page: 1 }) },
          ]}
          onReset={filtered ? () => setUrl({ status: '', category: '', priority: '', search: '', page: 1 }) : undefined}
        />

        <div className="grid gap-4 lg:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
          <section aria-label="Your tickets" className="flex min-w-0 flex-col gap-3">
            {list.isError ? (
              <QueryErrorState title="We couldn’t load your tickets" error={list.error} onRetry={() => void list.refetch()} retrying={list.isFetching} />
            ) : list.isPending ? (
              <PartnerLoadingSkeleton variant="lines" count={5} label="Loading your tickets" />
            ) : total === 0 ? (
              <PartnerEmptyState
                icon={LifeBuoy}
                title={filtered ? 'No tickets match' : 'No tickets yet'}
                description={filtered ? 'Nothing here for these filters. Clear them to see every ticket.' : 'When you need help, open a ticket; our team answers here.'}
                action={!filtered && <button type="button" className="btn-primary" onClick={() => setCreating(true)}>Open a ticket</button>}
                testId="tickets-empty"
              />
            ) : (
              <>
                <TicketList tickets={list.data.items} selectedId={url.ticket} hrefOf={hrefOf} />
                <ListPager page={url.page} pages={pages} total={total} noun="tickets" onPage={(p) => setUrl({ page: p })} />
              </>
            )}
          </section>
          <section aria-label="Ticket" className="min-w-0">
            {url.ticket ? (
              <TicketPanel id={url.ticket} />
            ) : (
              <PartnerEmptyState compact icon={LifeBuoy} title="Choose a ticket" description="Its conversation with our support team shows here." className="card" />
            )}
          </section>
        </div>
      </div>
    </>
  );
}

function TicketPanel({ id }: { id: string }) {
  const ticket = useTicket(id);
  const reply = useReplyToTicket(id);
  const reopen = useReopenTicket(id);
  const close = useCloseTicket(id);
  if (ticket.isError) return <QueryErrorState title="We couldn’t load this ticket" error={ticket.error} onRetry={() => void ticket.refetch()} compact />;
  if (ticket.isPending) return <PartnerLoadingSkeleton variant="lines" count={4} label="Loading the ticket" />;
  const t = ticket.data;
  const canReply = t.status === 'open' || t.status === 'in_progress';
  return (
    <article className="card flex flex-col gap-4 p-4 sm:p-5" data-testid="ticket-detail" aria-labelledby="ticket-title">
      <header className="flex flex-col gap-2">
        <div className="flex items-start gap-2">
          <h2 id="ticket-title" className="min-w-0 flex-1 text-base font-semibold">{t.subject}</h2>
          <PartnerBadge status={t.status} testId="ticket-status" />
        </div>
        <dl className="grid grid-cols-2 gap-x-4 gap-y-1 text-xs text-fg-muted sm:grid-cols-4">
          <div><dt className="text-fg-subtle">Category</dt><dd className="text-fg">{categoryLabel(t.category)}</dd></div>
          <div><dt className="text-fg-subtle">Priority</dt><dd className="text-fg">{priorityLabel(t.priority)}</dd></div>
          <div data-testid="ticket-triage">
            <dt className="text-fg-subtle">Triage suggested</dt>
            <dd className="text-violet-300">{t.aiTriageCategory ? `${categoryLabel(t.aiTriageCategory)} · ${priorityLabel(t.aiTriagePriority)}` : '—'}</dd>
          </div>
          <div><dt className="text-fg-subtle">Handled by</dt><dd className="text-fg">{t.assigneeName ?? 'Waiting for our team'}</dd></div>
        </dl>
      </header>
      {t.resolution && t.status !== 'open' && t.status !== 'in_progress' && (
        <div className="rounded-lg border border-emerald-500/30 bg-emerald-500/10 p-3 text-sm" data-testid="ticket-resolution">
          <p className="mb-1 text-xs font-medium text-emerald-300">Resolution</p>
          <p className="whitespace-pre-wrap">{t.resolution}</p>
        </div>
      )}
      <TicketThread ticket={t} viewer="partner" fileUrl={(a) => attachmentUrl(t.id, a)} />
      {canReply && <TicketReplyBox onSend={(r) => reply.mutateAsync(r)} pending={reply.isPending} label="Your reply" />}
      <div className="flex flex-wrap items-center gap-2">
        {t.canReopen && (
          <>
            <button type="button" className="btn-secondary" onClick={() => reopen.mutate()} disabled={reopen.isPending} data-testid="ticket-reopen">
              <RotateCcw className="size-4" aria-hidden="true" />
              Reopen
            </button>
            {t.reopenUntil && <span className="text-xs text-fg-muted">Not solved? You can reopen it until {formatDate(t.reopenUntil)}.</span>}
          </>
        )}
        {t.status !== 'closed' && (
          <button type="button" className="btn-secondary ml-auto" onClick={() => close.mutate()} disabled={close.isPending} data-testid="ticket-close">
            <XCircle className="size-4" aria-hidden="true" />
            Close ticket
          </button>
        )}
      </div>
    </article>
  );
}
