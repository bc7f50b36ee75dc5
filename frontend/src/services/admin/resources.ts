import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api';
import { toQuery } from '@/lib/query-string';
import type { PagedReviewResources, ResourceStatus, ResourceType, ReviewResourceView } from '@/types/partner';

// Admin · Content (GET /api/v1/admin/resources, approve, reject): the review queue of contributed resources.

const BASE = '/api/v1/admin/resources';

export interface ResourceQueueParams {
  status?: ResourceStatus | '';
  type?: ResourceType | '';
  search?: string;
  page?: number;
  pageSize?: number;
}

export const resourceQueueKeys = {
  all: ['admin', 'resources'] as const,
  list: (params: ResourceQueueParams) => [...resourceQueueKeys.all, 'list', params] as const,
};

export const queueFileUrl = (id: string, inline = false) => `${BASE}/${encodeURIComponent(id)}/file${inline ? '?inline=true' : ''}`;

export const useResourceQueue = (params: ResourceQueueParams) =>
  useQuery({
    queryKey: resourceQueueKeys.list(params),
    queryFn: ({ signal }) => api.get<PagedReviewResources>(`${BASE}${toQuery({ ...params })}`, { signal }),
    placeholderData: keepPreviousData,
  });

function useDecision<V>(send: (vars: V) => Promise<ReviewResourceView>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    // The review card shows a refusal (a 409 when another admin decided first) itself.
    meta: { silentError: true },
    onSuccess: () => void client.invalidateQueries({ queryKey: resourceQueueKeys.all }),
  });
}

export const useApproveResource = () => useDecision((id: string) => api.post<ReviewResourceView>(`${BASE}/${encodeURIComponent(id)}/approve`));

export const useRejectResource = () =>
  useDecision(({ id, reason }: { id: string; reason: string }) => api.post<ReviewResourceView>(`${BASE}/${encodeURIComponent(id)}/reject`, { reason }));
