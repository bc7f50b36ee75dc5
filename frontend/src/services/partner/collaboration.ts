import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, readCookie, XSRF_COOKIE, XSRF_HEADER } from '@/lib/api';
import { toQuery } from '@/lib/query-string';
import type { MeetingView, MessageRecipient, MessageThread, PagedMeetings, PagedMessages, ScheduleMeetingRequest, SuggestedTimes } from '@/types/partner';
import { dashboardKeys } from './dashboard';

// Partner · Collaboration (/api/v1/partner/collaboration/*): messages and meetings.

export const COLLABORATION_BASE = '/api/v1/partner/collaboration';

export type Box = 'inbox' | 'sent';
export interface MessageListParams { box: Box; search: string; page: number; pageSize: number }

export const collaborationKeys = {
  all: ['partner', 'collaboration'] as const,
  messages: (p: MessageListParams) => [...collaborationKeys.all, 'messages', p] as const,
  thread: (id: string) => [...collaborationKeys.all, 'thread', id] as const,
  recipients: () => [...collaborationKeys.all, 'recipients'] as const,
  meetings: (when: 'upcoming' | 'past') => [...collaborationKeys.all, 'meetings', when] as const,
  suggested: (attendees: string[], duration: number) => [...collaborationKeys.all, 'suggested', attendees, duration] as const,
};

/** A multipart POST (attachments): the api helper sends JSON only. */
async function postForm<T>(url: string, form: FormData): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  const token = readCookie(XSRF_COOKIE);
  if (token) headers[XSRF_HEADER] = token;
  const response = await fetch(url, { method: 'POST', body: form, headers, credentials: 'same-origin' });
  const body = await response.json().catch(() => null);
  if (!response.ok) throw new ApiError({ status: response.status, title: 'The message could not be sent.', ...(body ?? {}) });
  return body as T;
}

export const messagesQueryOptions = (p: MessageListParams) =>
  queryOptions({
    queryKey: collaborationKeys.messages(p),
    queryFn: ({ signal }) =>
      api.get<PagedMessages>(`${COLLABORATION_BASE}/messages${toQuery({ box: p.box, search: p.search || undefined, page: p.page, pageSize: p.pageSize })}`, { signal }),
    placeholderData: keepPreviousData,
  });

export const useMessages = (p: MessageListParams) => useQuery(messagesQueryOptions(p));

export function useThread(id: string | null) {
  const client = useQueryClient();
  return useQuery({
    queryKey: collaborationKeys.thread(id ?? ''),
    enabled: !!id,
    queryFn: async ({ signal }) => {
      const thread = await api.get<MessageThread>(`${COLLABORATION_BASE}/messages/${id}`, { signal });
      // Opening a thread reads it: the lists and the unread badge change.
      void client.invalidateQueries({ queryKey: [...collaborationKeys.all, 'messages'] });
      void client.invalidateQueries({ queryKey: dashboardKeys.counters() });
      return thread;
    },
  });
}

export const useRecipients = () =>
  useQuery({
    queryKey: collaborationKeys.recipients(),
    queryFn: ({ signal }) => api.get<MessageRecipient[]>(`${COLLABORATION_BASE}/messages/recipients`, { signal }),
    staleTime: 60_000,
  });

function messageForm(fields: Record<string, string>, files: File[]) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  for (const f of files) form.append('attachments', f);
  return form;
}

export function useSendMessage() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (m: { recipientId: string; subject: string; body: string; files: File[] }) =>
      postForm<MessageThread>(`${COLLABORATION_BASE}/messages`, messageForm({ recipientId: m.recipientId, subject: m.subject, body: m.body }, m.files)),
    onSuccess: () => client.invalidateQueries({ queryKey: [...collaborationKeys.all, 'messages'] }),
  });
}

export function useReply(messageId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (m: { body: string; files: File[] }) =>
      postForm<MessageThread>(`${COLLABORATION_BASE}/messages/${messageId}/replies`, messageForm({ body: m.body }, m.files)),
    onSuccess: (thread) => {
      client.setQueryData(collaborationKeys.thread(messageId), thread);
      void client.invalidateQueries({ queryKey: [...collaborationKeys.all, 'messages'] });
    },
  });
}

export const useMeetings = (when: 'upcoming' | 'past') =>
  useQuery({
    queryKey: collaborationKeys.meetings(when),
    queryFn: ({ signal }) => api.get<PagedMeetings>(`${COLLABORATION_BASE}/meetings${toQuery({ when, pageSize: 50 })}`, { signal }),
  });

export const useSuggestedTimes = (attendees: string[], duration: number) =>
  useQuery({
    queryKey: collaborationKeys.suggested(attendees, duration),
    enabled: attendees.length > 0,
    queryFn: ({ signal }) =>
      api.get<SuggestedTimes>(`${COLLABORATION_BASE}/meetings/suggested-times${toQuery({ attendees: attendees.join(','), duration, count: 5 })}`, { signal }),
  });

export function useScheduleMeeting() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ScheduleMeetingRequest) => api.post<MeetingView>(`${COLLABORATION_BASE}/meetings`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: [...collaborationKeys.all] }),
  });
}

export function useMeetingStatus() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (m: { id: string; status: 'completed' | 'cancelled'; notes: string }) =>
      api.post<MeetingView>(`${COLLABORATION_BASE}/meetings/${m.id}/status`, { status: m.status, notes: m.notes }),
    onSuccess: () => client.invalidateQueries({ queryKey: [...collaborationKeys.all, 'meetings'] }),
  });
}
