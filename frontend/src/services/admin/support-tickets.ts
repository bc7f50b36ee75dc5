import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiPostForm } from '@/lib/api';
import { toQuery } from '@/lib/query-string';
import { ticketForm, type TicketReply } from '@/services/partner/support';
import type { PagedTickets, SupportAssignee, TicketCategory, TicketDetail, TicketPriority, TicketStatus } from '@/types/partner';

// Admin · Support (/api/v1/admin/support/tickets/*): the staff and admin queue of every partner's tickets.

export const QUEUE_BASE = '/api/v1/admin/support/tickets';

export type AssignedFilter = '' | 'me' | 'unassigned';

export interface QueueParams {
  status: TicketStatus | '';
  category: TicketCategory | '';
  priority: TicketPriority | '';
  assigned: AssignedFilter;
  search: string;
  page: number;
  pageSize: number;
}

export const queueKeys = {
  all: ['admin', 'tickets'] as const,
  lists: () => [...queueKeys.all, 'list'] as const,
  list: (p: QueueParams) => [...queueKeys.lists(), p] as const,
  detail: (id: string) => [...queueKeys.all, 'detail', id] as const,
  assignees: () => [...queueKeys.all, 'assignees'] as const,
};

export const queueAttachmentUrl = (ticketId: string, attachmentId: string) => `${QUEUE_BASE}/${ticketId}/attachments/${attachmentId}`;

export const queueQueryOptions = (p: QueueParams) =>
  queryOptions({
    queryKey: queueKeys.list(p),
    queryFn: ({ signal }) =>
      api.get<PagedTickets>(
        `${QUEUE_BASE}${toQuery({ status: p.status, category: p.category, priority: p.priority, assigned: p.assigned, search: p.search, page: p.page, pageSize: p.pageSize })}`,
        { signal },
      ),
    placeholderData: keepPreviousData,
  });

export const useTicketQueue = (p: QueueParams) => useQuery(queueQueryOptions(p));

export const useQueueTicket = (id: string) =>
  useQuery({ queryKey: queueKeys.detail(id), queryFn: ({ signal }) => api.get<TicketDetail>(`${QUEUE_BASE}/${id}`, { signal }), enabled: id !== '' });

export const useAssignees = () =>
  useQuery({ queryKey: queueKeys.assignees(), queryFn: ({ signal }) => api.get<SupportAssignee[]>(`${QUEUE_BASE}/assignees`, { signal }), staleTime: 60_000 });

function useQueueChanged() {
  const queryClient = useQueryClient();
  return (ticket: TicketDetail) => {
    queryClient.setQueryData(queueKeys.detail(ticket.id), ticket);
    void queryClient.invalidateQueries({ queryKey: queueKeys.lists() });
  };
}

export function useAssignTicket(id: string) {
  const changed = useQueueChanged();
  return useMutation({ mutationFn: (assigneeId: string | null) => api.post<TicketDetail>(`${QUEUE_BASE}/${id}/assign`, { assigneeId }), onSuccess: changed });
}

export function useStaffReply(id: string) {
  const changed = useQueueChanged();
  return useMutation({
    mutationFn: (r: TicketReply) => apiPostForm<TicketDetail>(`${QUEUE_BASE}/${id}/messages`, ticketForm({ body: r.body }, r.files)),
    meta: { silentError: true },
    onSuccess: changed,
  });
}

export function useResolveTicket(id: string) {
  const changed = useQueueChanged();
  return useMutation({
    mutationFn: (resolution: string) => api.post<TicketDetail>(`${QUEUE_BASE}/${id}/resolve`, { resolution }),
    meta: { silentError: true },
    onSuccess: changed,
  });
}

export function useCloseQueueTicket(id: string) {
  const changed = useQueueChanged();
  return useMutation({ mutationFn: () => api.post<TicketDetail>(`${QUEUE_BASE}/${id}/close`), onSuccess: changed });
}
