import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api';
import { toQuery } from '@/lib/query-string';
import { usePartnerStore } from '@/store/partnerStore';
import type {
  NotificationCategory,
  NotificationPreferencesUpdate,
  NotificationPreferencesView,
  NotificationView,
  PagedNotifications,
} from '@/types/partner';
import { dashboardKeys } from './dashboard';

// Partner · Account · Notifications (/api/v1/partner/account/notifications/*): the list, mark read, preferences.

export const NOTIFICATIONS_BASE = '/api/v1/partner/account/notifications';

export interface NotificationListParams {
  category: NotificationCategory | '';
  unread: boolean;
  page: number;
  pageSize: number;
}

export const notificationKeys = {
  all: ['partner', 'notifications'] as const,
  lists: () => [...notificationKeys.all, 'list'] as const,
  list: (params: NotificationListParams) => [...notificationKeys.lists(), params] as const,
  preferences: () => [...notificationKeys.all, 'preferences'] as const,
};

export const getNotifications = (params: NotificationListParams, signal?: AbortSignal) =>
  api.get<PagedNotifications>(
    `${NOTIFICATIONS_BASE}${toQuery({ category: params.category, unread: params.unread ? true : undefined, page: params.page, pageSize: params.pageSize })}`,
    { signal },
  );

export const markNotificationRead = (id: string) => api.put<NotificationView>(`${NOTIFICATIONS_BASE}/${id}/read`, {});

export const markAllNotificationsRead = () => api.put<{ marked: number }>(`${NOTIFICATIONS_BASE}/read-all`, {});

export const getNotificationPreferences = (signal?: AbortSignal) =>
  api.get<NotificationPreferencesView>(`${NOTIFICATIONS_BASE}/preferences`, { signal });

export const updateNotificationPreferences = (body: NotificationPreferencesUpdate) =>
  api.put<NotificationPreferencesView>(`${NOTIFICATIONS_BASE}/preferences`, body);

export const notificationsQueryOptions = (params: NotificationListParams) =>
  queryOptions({
    queryKey: notificationKeys.list(params),
    queryFn: ({ signal }) => getNotifications(params, signal),
    placeholderData: keepPreviousData,
  });

export const notificationPreferencesQueryOptions = () =>
  queryOptions({
    queryKey: notificationKeys.preferences(),
    queryFn: ({ signal }) => getNotificationPreferences(signal),
  });

export function useNotifications(params: NotificationListParams) {
  return useQuery(notificationsQueryOptions(params));
}

export function useNotificationPreferences() {
  return useQuery(notificationPreferencesQueryOptions());
}

/** After a change the list and the unread badge are read again (the hub also pushes the new counters). */
function useRefreshAfterRead() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: notificationKeys.lists() });
    void queryClient.invalidateQueries({ queryKey: dashboardKeys.counters() });
  };
}

export function useMarkNotificationRead() {
  const refresh = useRefreshAfterRead();
  const decrement = usePartnerStore((s) => s.decrementCounter);
  return useMutation({
    mutationFn: (notification: NotificationView) => markNotificationRead(notification.id),
    onSuccess: (_read, notification) => {
      if (notification.readAt === null) decrement('unreadNotifications');
      refresh();
    },
  });
}

export function useMarkAllNotificationsRead() {
  const refresh = useRefreshAfterRead();
  const setCounters = usePartnerStore((s) => s.setCounters);
  return useMutation({
    mutationFn: markAllNotificationsRead,
    onSuccess: () => {
      setCounters({ unreadNotifications: 0 });
      refresh();
    },
  });
}

export function useUpdateNotificationPreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateNotificationPreferences,
    meta: { silentError: true },
    onSuccess: (saved) => queryClient.setQueryData(notificationKeys.preferences(), saved),
  });
}
