import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiPostForm } from '@/lib/api';
import { toQuery } from '@/lib/query-string';
import type { PagedTickets, TicketCategory, TicketDetail, TicketPriority, TicketStatus, TriageSuggestion } from '@/types/partner';
import { dashboardKeys } from './dashboard';

// Partner · Support · Tickets (/api/v1/partner/support/tickets/*): the partner's tickets, triage, the thread.

export const TICKETS_BASE = '/api/v1/partner/support/tickets';

export interface TicketListParams {
  status: TicketStatus | '';
  category: TicketCategory | '';
  priority: TicketPriority | '';
  search: string;
  page: number;
  pageSize: number;
}

export interface NewTicket {
  subject: string;
  description: string;
  /** Empty: left to triage. */
  category: TicketCategory | '';
  priority: TicketPriority | '';
  files: File[];
}

export interface TicketReply {
  body: string;
  files: File[];
}

export const ticketKeys = {
  all: ['partner', 'tickets'] as const,
  lists: () => [...ticketKeys.all, 'list'] as const,
  list: (params: TicketListParams) => [...ticketKeys.lists(), params] as const,
  detail: (id: string) => [...ticketKeys.all, 'detail', id] as const,
  triage: (subject: string, description: string) => [...ticketKeys.all, 'triage', subject, description] as const,
};

export const attachmentUrl = (ticketId: string, attachmentId: string) => `${TICKETS_BASE}/${ticketId}/attachments/${attachmentId}`;

/** A form with the fields that are set and the files, as the create and reply routes read it. */
export function ticketForm(fields: Record<string, string>, files: File[]): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) if (v !== '') form.append(k, v);
  for (const f of files) form.append('files', f, f.name);
  return form;
}

export const getTickets = (p: TicketListParams, signal?: AbortSignal) =>
  api.get<PagedTickets>(
    `${TICKETS_BASE}${toQuery({ status: p.status, category: p.category, priority: p.priority, search: p.search, page: p.page, pageSize: p.pageSize })}`,
    { signal },
  );

export const getTicket = (id: string, signal?: AbortSignal) => api.get<TicketDetail>(`${TICKETS_BASE}/${id}`, { signal });

export const previewTriage = (subject: string, description: string, signal?: AbortSignal) =>
  api.post<TriageSuggestion>(`${TICKETS_BASE}/triage-preview`, { subject, description }, { signal });

export const createTicket = (t: NewTicket) =>
  apiPostForm<TicketDetail>(TICKETS_BASE, ticketForm({ subject: t.subject, description: t.description, category: t.category, priority: t.priority }, t.files));

export const replyToTicket = (id: string, r: TicketReply) => apiPostForm<TicketDetail>(`${TICKETS_BASE}/${id}/messages`, ticketForm({ body: r.body }, r.files));

export const ticketsQueryOptions = (params: TicketListParams) =>
  queryOptions({ queryKey: ticketKeys.list(params), queryFn: ({ signal }) => getTickets(params, signal), placeholderData: keepPreviousData });

export const ticketQueryOptions = (id: string) => queryOptions({ queryKey: ticketKeys.detail(id), queryFn: ({ signal }) => getTicket(id, signal) });

export const useTickets = (params: TicketListParams) => useQuery(ticketsQueryOptions(params));

export const useTicket = (id: string) => useQuery({ ...ticketQueryOptions(id), enabled: id !== '' });

/** Triage's suggestion for what is typed so far; asked only once there is something to read. */
export function useTriagePreview(subject: string, description: string) {
  const enough = subject.trim().length + description.trim().length >= 8;
  return useQuery({
    queryKey: ticketKeys.triage(subject.trim(), description.trim()),
    queryFn: ({ signal }) => previewTriage(subject.trim(), description.trim(), signal),
    enabled: enough,
    placeholderData: keepPreviousData,
    staleTime: Infinity,
    meta: { silentError: true },
  });
}

/** After any change: the ticket as the server answered, the lists and the open-tickets counter read again. */
function useTicketChanged() {
  const queryClient = useQueryClient();
  return (ticket: TicketDetail) => {
    queryClient.setQueryData(ticketKeys.detail(ticket.id), ticket);
    void queryClient.invalidateQueries({ queryKey: ticketKeys.lists() });
    void queryClient.invalidateQueries({ queryKey: dashboardKeys.counters() });
  };
}

export function useCreateTicket() {
  const changed = useTicketChanged();
  return useMutation({ mutationFn: createTicket, meta: { silentError: true }, onSuccess: changed });
}

export function useReplyToTicket(id: string) {
  const changed = useTicketChanged();
  return useMutation({ mutationFn: (r: TicketReply) => replyToTicket(id, r), meta: { silentError: true }, onSuccess: changed });
}

export function useReopenTicket(id: string) {
  const changed = useTicketChanged();
  return useMutation({ mutationFn: () => api.post<TicketDetail>(`${TICKETS_BASE}/${id}/reopen`), onSuccess: changed });
}

export function useCloseTicket(id: string) {
  const changed = useTicketChanged();
  return useMutation({ mutationFn: () => api.post<TicketDetail>(`${TICKETS_BASE}/${id}/close`), onSuccess: changed });
}
