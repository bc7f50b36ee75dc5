import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiPostForm } from '@/lib/api';
import { toQuery } from '@/lib/query-string';
import { messageForm, type Box, type MessageReply } from '@/services/message-form';
import type { MessageThread, PagedMessages, UnreadMessages } from '@/types/partner';

// Staff · Messages (/api/v1/staff/messages/*): what partners wrote to this member of staff or admin, and the answers.
// Each staff member's mailbox is their own: the server scopes every route to the signed-in user.

export const STAFF_MESSAGES_BASE = '/api/v1/staff/messages';

export interface StaffMessageListParams { box: Box; search: string; page: number; pageSize: number }

export const staffMessageKeys = {
  all: ['staff', 'messages'] as const,
  lists: () => [...staffMessageKeys.all, 'list'] as const,
  list: (p: StaffMessageListParams) => [...staffMessageKeys.lists(), p] as const,
  thread: (id: string) => [...staffMessageKeys.all, 'thread', id] as const,
  unread: () => [...staffMessageKeys.all, 'unread'] as const,
};

export const staffMessagesQueryOptions = (p: StaffMessageListParams) =>
  queryOptions({
    queryKey: staffMessageKeys.list(p),
    queryFn: ({ signal }) =>
      api.get<PagedMessages>(`${STAFF_MESSAGES_BASE}${toQuery({ box: p.box, search: p.search, page: p.page, pageSize: p.pageSize })}`, { signal }),
    placeholderData: keepPreviousData,
    // The page shows the server's problem where the list stands; no toast besides.
    meta: { silentError: true },
  });

export const useStaffMessages = (p: StaffMessageListParams) => useQuery(staffMessagesQueryOptions(p));

/** Messages addressed to the signed-in staff member and not opened yet (the Inbox count, the dashboard badge). */
export const useStaffUnread = () =>
  useQuery({
    queryKey: staffMessageKeys.unread(),
    queryFn: ({ signal }) => api.get<UnreadMessages>(`${STAFF_MESSAGES_BASE}/unread`, { signal }),
    refetchInterval: 60_000,
  });

export function useStaffThread(id: string) {
  const client = useQueryClient();
  return useQuery({
    queryKey: staffMessageKeys.thread(id),
    enabled: id !== '',
    meta: { silentError: true },
    queryFn: async ({ signal }) => {
      const thread = await api.get<MessageThread>(`${STAFF_MESSAGES_BASE}/${id}`, { signal });
      // Opening a thread reads it: the bold rows and the unread count change.
      void client.invalidateQueries({ queryKey: staffMessageKeys.lists() });
      void client.invalidateQueries({ queryKey: staffMessageKeys.unread() });
      return thread;
    },
  });
}

export function useStaffMessageReply(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (r: MessageReply) => apiPostForm<MessageThread>(`${STAFF_MESSAGES_BASE}/${id}/replies`, messageForm({ body: r.body }, r.files)),
    meta: { silentError: true },
    onSuccess: (thread) => {
      client.setQueryData(staffMessageKeys.thread(id), thread);
      void client.invalidateQueries({ queryKey: staffMessageKeys.lists() });
      void client.invalidateQueries({ queryKey: staffMessageKeys.unread() });
    },
  });
}
