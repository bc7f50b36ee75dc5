import { useState } from 'react';
import { useLocation } from 'react-router';
import { CheckCircle2, Inbox, XCircle } from 'lucide-react';
import { ListPager, PartnerBadge, PartnerEmptyState, PartnerFilterBar, PartnerLoadingSkeleton, PartnerPageHeader } from '@/components/partner/shared';
import { QueryErrorState } from '@/components/partner/sponsorships/QueryErrorState';
import { categoryLabel, priorityLabel, TICKET_CATEGORIES, TICKET_PRIORITIES, TICKET_STATUSES } from '@/components/support/ticket-labels';
import { TicketList } from '@/components/support/TicketList';
import { TicketReplyBox } from '@/components/support/TicketReplyBox';
import { TicketThread } from '@/components/support/TicketThread';
import { isApiError } from '@/lib/api';
import { useSearchDraft } from '@/lib/use-search-draft';
import { urlParam, useUrlState } from '@/lib/use-url-state';
import {
  queueAttachmentUrl,
  useAssignees,
  useAssignTicket,
  useCloseQueueTicket,
  useQueueTicket,
  useResolveTicket,
  useStaffReply,
  useTicketQueue,
  type AssignedFilter,
} from '@/services/admin/support-tickets';
import { useCurrentUser } from '@/services/auth';
import type { TicketCategory, TicketPriority, TicketStatus } from '@/types/partner';

const PAGE_SIZE = 20;

const QUEUE_URL = {
  status: urlParam.oneOf<TicketStatus | ''>(['', ...TICKET_STATUSES.map((s) => s.value)], ''),
  category: urlParam.oneOf<TicketCategory | ''>(['', ...TICKET_CATEGORIES.map((c) => c.value)], ''),
  priority: urlParam.oneOf<TicketPriority | ''>(['', ...TICKET_PRIORITIES.map((p) => p.value)], ''),
  assigned: urlParam.oneOf<AssignedFilter>(['', 'me', 'unassigned'], ''),
  search: urlParam.search(),
  page: urlParam.page(),
  ticket: urlParam.string(),
};

/** `/dashboard/admin/tickets`: every partner's tickets for staff and admins: assign, answer, resolve, close. */
export default function AdminSupportTicketsPage() {
  const location = useLocation();
  const [url, setUrl] = useUrlState(QUEUE_URL);
  const [searchDraft, setSearchDraft] = useSearchDraft(url.search, (search) => setUrl({ search, page: 1 }));
  const queue = useTicketQueue({ status: url.status, category: url.category, priority: url.priority, assigned: url.assigned, search: url.search, page: url.page, pageSize: PAGE_SIZE });
  const filtered = url.status !== '' || url.category !== '' || url.priority !== '' || url.assigned !== '' || url.search !== '';
  const total = queue.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const hrefOf = (id: string) => {
    const params = new URLSearchParams(location.search);
    params.set('ticket', id);
    return `?${params.toString()}`;
  };

  return (
    <>
      <PartnerPageHeader
        title="Support tickets"
        description="Partners’ tickets, open first and most urgent first. Assign, answer and resolve; the partner hears of each change."
        breadcrumbs={[{ label: 'Admin', to: '/dashboard/admin' }, { label: 'Support tickets' }]}
      />
      <div className="flex flex-col gap-4">
        <PartnerFilterBar
          search={searchDraft}
          onSearchChange={setSearchDraft}
          searchLabel="Search tickets"
          searchPlaceholder="Search subject or description…"
          filters={[
            { key: 'assigned', label: 'Assigned', value: url.assigned, options: [{ value: '', label: 'Everyone’s' }, { value: 'me', label: 'Mine' }, { value: 'unassigned', label: 'Unassigned' }], onChange: (v) => setUrl({ assigned: v as AssignedFilter, page: 1 }) },
            { key: 'status', label: 'Status', value: url.status, options: [{ value: '', label: 'All statuses' }, ...TICKET_STATUSES], onChange: (v) => setUrl({ status: v as TicketStatus | '', page: 1 }) },
            { key: 'category', label: 'Category', value: url.category, options: [{ value: '', label: 'All categories' }, ...TICKET_CATEGORIES], onChange: (v) => setUrl({ category: v as TicketCategory | '', page: 1 }) },
            { key: 'priority', label: 'Priority', value: url.priority, options: [{ value: '', label: 'All priorities' }, ...TICKET_PRIORITIES], onChange: (v) => setUrl({ priority: v as TicketPriority | '', page: 1 }) },
          ]}
          onReset={filtered ? () => setUrl({ status: '', category: '', priority: '', assigned: '', search: '', page: 1 }) : undefined}
        />
        <div className="grid gap-4 lg:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
          <section aria-label="Queue" className="flex min-w-0 flex-col gap-3">
            {queue.isError ? (
              <QueryErrorState title="We couldn’t load the queue" error={queue.error} onRetry={() => void queue.refetch()} retrying={queue.isFetching} />
            ) : queue.isPending ? (
              <PartnerLoadingSkeleton variant="lines" count={5} label="Loading the queue" />
            ) : total === 0 ? (
              <PartnerEmptyState icon={Inbox} title={filtered ? 'No tickets match' : 'The queue is empty'} description={filtered ? 'Clear the filters to see every ticket.' : 'New tickets from partners arrive here.'} testId="queue-empty" />
            ) : (
              <>
                <TicketList tickets={queue.data.items} selectedId={url.ticket} hrefOf={hrefOf} showPartner />
                <ListPager page={url.page} pages={pages} total={total} noun="tickets" onPage={(p) => setUrl({ page: p })} />
              </>
            )}
          </section>
          <section aria-label="Ticket" className="min-w-0">
            {url.ticket ? <StaffTicketPanel id={url.ticket} /> : <PartnerEmptyState compact icon={Inbox} title="Choose a ticket" description="Its thread and actions show here." className="card" />}
          </section>
        </div>
      </div>
    </>
  );
}

function StaffTicketPanel({ id }: { id: string }) {
  const ticket = useQueueTicket(id);
  const assignees = useAssignees();
  const { data: me } = useCurrentUser();
  const assign = useAssignTicket(id);
  const reply = useStaffReply(id);
  const resolve = useResolveTicket(id);
  const close = useCloseQueueTicket(id);
  const [resolution, setResolution] = useState('');
  const [resolveError, setResolveError] = useState<string | null>(null);

  if (ticket.isError) return <QueryErrorState title="We couldn’t load this ticket" error={ticket.error} onRetry={() => void ticket.refetch()} compact />;
  if (ticket.isPending) return <PartnerLoadingSkeleton variant="lines" count={4} label="Loading the ticket" />;
  const t = ticket.data;
  const active = t.status === 'open' || t.status === 'in_progress';

  const submitResolution = async () => {
    setResolveError(null);
    if (!resolution.trim()) return setResolveError('Write what was done, for the partner.');
    try {
      await resolve.mutateAsync(resolution.trim());
      setResolution('');
    } catch (err) {
      if (!isApiError(err)) throw err;
      setResolveError(err.fieldErrors('resolution')[0] ?? err.detail ?? err.message);
    }
  };

  return (
    <article className="card flex flex-col gap-4 p-4 sm:p-5" data-testid="staff-ticket-detail" aria-labelledby="staff-ticket-title">
      <header className="flex flex-col gap-2">
        <div className="flex items-start gap-2">
          <h2 id="staff-ticket-title" className="min-w-0 flex-1 text-base font-semibold">{t.subject}</h2>
          <PartnerBadge status={t.status} testId="staff-ticket-status" />
        </div>
        <p className="text-xs text-fg-muted">{t.partnerName}{t.openedByName ? ` · ${t.openedByName}` : ''}</p>
        <dl className="grid grid-cols-2 gap-x-4 gap-y-1 text-xs text-fg-muted sm:grid-cols-3">
          <div><dt className="text-fg-subtle">Partner chose</dt><dd className="text-fg">{categoryLabel(t.category)} · {priorityLabel(t.priority)}</dd></div>
          <div><dt className="text-fg-subtle">Triage suggested</dt><dd className="text-violet-300">{t.aiTriageCategory ? `${categoryLabel(t.aiTriageCategory)} · ${priorityLabel(t.aiTriagePriority)}` : '—'}</dd></div>
          <div>
            <dt><label htmlFor="assignee" className="text-fg-subtle">Assigned to</label></dt>
            <dd>
              <select id="assignee" className="input mt-0.5 py-1 text-xs" value={t.assignedTo ?? ''} disabled={t.status === 'closed' || assign.isPending}
                onChange={(e) => assign.mutate(e.target.value || null)} data-testid="ticket-assignee">
                <option value="">Nobody</option>
                {(assignees.data ?? []).map((a) => <option key={a.id} value={a.id}>{a.name}{a.id === me?.id ? ' (me)' : ''}</option>)}
              </select>
            </dd>
          </div>
        </dl>
      </header>
      <TicketThread ticket={t} viewer="staff" fileUrl={(a) => queueAttachmentUrl(t.id, a)} />
      {t.status !== 'closed' && <TicketReplyBox onSend={(r) => reply.mutateAsync(r)} pending={reply.isPending} label="Reply to the partner" />}
      {active && (
        <div className="flex flex-col gap-2 border-t border-line pt-3">
          <label htmlFor="resolution" className="text-xs font-medium text-fg-muted">Resolution</label>
          <textarea id="resolution" className="input min-h-20" value={resolution} onChange={(e) => setResolution(e.target.value)} maxLength={10000}
            data-testid="ticket-resolution-text" aria-describedby={resolveError ? 'resolution-error' : undefined} />
          {resolveError && <p id="resolution-error" role="alert" className="text-xs text-brand-text">{resolveError}</p>}
          <button type="button" className="btn-primary self-end" onClick={() => void submitResolution()} disabled={resolve.isPending} data-testid="ticket-resolve">
            <CheckCircle2 className="size-4" aria-hidden="true" />
            Resolve
          </button>
        </div>
      )}
      {t.status === 'resolved' && (
        <button type="button" className="btn-secondary self-end" onClick={() => close.mutate()} disabled={close.isPending} data-testid="staff-ticket-close">
          <XCircle className="size-4" aria-hidden="true" />
          Close ticket
        </button>
      )}
    </article>
  );
}
