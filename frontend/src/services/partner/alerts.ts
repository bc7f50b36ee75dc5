import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api';
import { toQuery } from '@/lib/query-string';
import type { AlertThresholds, AlertThresholdValues, ChildAlert, ChildAlertKind, ChildAlertState, PagedChildAlerts } from '@/types/partner';
import { dashboardKeys } from './dashboard';
import { sponsorshipKeys } from './sponsorship-keys';

// Partner · Partnerships · Child alerts (issue 20, /api/v1/partner/alerts): the stored alerts with their states, and the
// thresholds of a program or a child that raise them.

const BASE = '/api/v1/partner/alerts';

export interface AlertListParams {
  state?: ChildAlertState | '';
  kind?: ChildAlertKind | '';
  programId?: string;
  /** One sponsored child's alerts: the link from the child page. */
  childId?: string;
  search?: string;
  page?: number;
  pageSize?: number;
}

export type ThresholdScope = 'programs' | 'children';

export const alertKeys = {
  all: ['partner', 'alerts'] as const,
  lists: () => [...alertKeys.all, 'list'] as const,
  list: (params: AlertListParams) => [...alertKeys.lists(), params] as const,
  thresholds: (scope: ThresholdScope, id: string) => [...alertKeys.all, 'thresholds', scope, id] as const,
};

export const alertsQueryOptions = (params: AlertListParams) =>
  queryOptions({
    queryKey: alertKeys.list(params),
    queryFn: ({ signal }) => api.get<PagedChildAlerts>(`${BASE}${toQuery({ ...params })}`, { signal }),
    placeholderData: keepPreviousData,
  });

export function useAlerts(params: AlertListParams) {
  return useQuery(alertsQueryOptions(params));
}

/**
 * After an alert or a threshold changes: the lists, the badges and the dashboard. A threshold change rescans on the server,
 * so the children list's "has alert" marks may change too.
 */
export function invalidateAlertData(queryClient: QueryClient) {
  void queryClient.invalidateQueries({ queryKey: alertKeys.lists() });
  void queryClient.invalidateQueries({ queryKey: dashboardKeys.all });
  void queryClient.invalidateQueries({ queryKey: sponsorshipKeys.children() });
}

/** Writes the changed alert into every cached page that shows it, so the row changes before the refetch lands. */
function patchAlert(queryClient: QueryClient, alert: ChildAlert) {
  queryClient.setQueriesData<PagedChildAlerts>({ queryKey: alertKeys.lists() }, (page) =>
    page ? { ...page, items: page.items.map((a) => (a.id === alert.id ? alert : a)) } : page,
  );
}

export function useMarkAlertSeen() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<ChildAlert>(`${BASE}/${id}/seen`, {}),
    onSuccess: (alert) => {
      patchAlert(queryClient, alert);
      invalidateAlertData(queryClient);
    },
  });
}

export function useDismissAlert() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, note }: { id: string; note: string }) => api.post<ChildAlert>(`${BASE}/${id}/dismiss`, { note }),
    // The dialog shows a refusal (a missing note, an alert resolved meanwhile) itself.
    meta: { silentError: true },
    onSuccess: (alert) => {
      patchAlert(queryClient, alert);
      invalidateAlertData(queryClient);
    },
    // Resolved or dismissed by someone else meanwhile: show the list as it now is.
    onError: () => void queryClient.invalidateQueries({ queryKey: alertKeys.lists() }),
  });
}

export const alertThresholdsQueryOptions = (scope: ThresholdScope, id: string) =>
  queryOptions({
    queryKey: alertKeys.thresholds(scope, id),
    queryFn: ({ signal }) => api.get<AlertThresholds>(`${BASE}/thresholds/${scope}/${id}`, { signal }),
    // The card says it could not load; the page around it is what matters.
    meta: { silentError: true },
  });

export function useAlertThresholds(scope: ThresholdScope, id: string | undefined) {
  return useQuery({ ...alertThresholdsQueryOptions(scope, id ?? ''), enabled: !!id });
}

export function useSaveAlertThresholds(scope: ThresholdScope, id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (values: AlertThresholdValues) => api.put<AlertThresholds>(`${BASE}/thresholds/${scope}/${id}`, values),
    // Out-of-range values come back per field and are shown under each.
    meta: { silentError: true },
    onSuccess: (saved) => {
      queryClient.setQueryData(alertKeys.thresholds(scope, id), saved);
      // A program's change is what its children inherit.
      if (scope === 'programs') void queryClient.invalidateQueries({ queryKey: [...alertKeys.all, 'thresholds', 'children'] });
      invalidateAlertData(queryClient);
    },
  });
}
