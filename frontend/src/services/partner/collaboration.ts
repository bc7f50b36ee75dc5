import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiPostForm } from '@/lib/api';
import { toQuery } from '@/lib/query-string';
import type { MeetingView, MessageRecipient, MessageThread, PagedMeetings, PagedMessages, ScheduleMeetingRequest, SuggestedTimes } from '@/types/partner';
import { messageForm, type Box, type MessageReply } from '@/services/message-form';
import { dashboardKeys } from './dashboard';

// Partner · Collaboration (/api/v1/partner/collaboration/*): messages and meetings.

export const COLLABORATION_BASE = '/api/v1/partner/collaboration';

export type { Box } from '@/services/message-form';
export interface MessageListParams { box: Box; search: string; page: number; pageSize: number }

export const collaborationKeys = {
  all: ['partner', 'collaboration'] as const,
  messages: (p: MessageListParams) => [...collaborationKeys.all, 'messages', p] as const,
  thread: (id: string) => [...collaborationKeys.all, 'thread', id] as const,
  recipients: () => [...collaborationKeys.all, 'recipients'] as const,
  meetings: (when: 'upcoming' | 'past') => [...collaborationKeys.all, 'meetings', when] as const,
  suggested: (attendees: string[], duration: number) => [...collaborationKeys.all, 'suggested', attendees, duration] as const,
};

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

export function useSendMessage() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (m: { recipientId: string; subject: string; body: string; files: File[] }) =>
      apiPostForm<MessageThread>(`${COLLABORATION_BASE}/messages`, messageForm({ recipientId: m.recipientId, subject: m.subject, body: m.body }, m.files)),
    onSuccess: () => client.invalidateQueries({ queryKey: [...collaborationKeys.all, 'messages'] }),
  });
}

export function useReply(messageId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (m: MessageReply) =>
      apiPostForm<MessageThread>(`${COLLABORATION_BASE}/messages/${messageId}/replies`, messageForm({ body: m.body }, m.files)),
    meta: { silentError: true },
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
