import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api';
import type { Paged, PartnerVerificationItem } from '@/types/partner';

// Admin · Partners (GET /api/v1/admin/partners, verify, reject): organisations that signed up on their own.

const BASE = '/api/v1/admin/partners';
export type VerificationStatus = PartnerVerificationItem['verificationStatus'];

export const adminPartnerKeys = { all: ['admin', 'partners'] as const, list: (status: VerificationStatus) => ['admin', 'partners', status] as const };

export const useAdminPartners = (status: VerificationStatus) =>
  useQuery({
    queryKey: adminPartnerKeys.list(status),
    queryFn: ({ signal }) => api.get<Paged<PartnerVerificationItem>>(`${BASE}?status=${status}&pageSize=50`, { signal }),
  });

export function useDecidePartner() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, verify, reason }: { id: string; verify: boolean; reason?: string }) =>
      verify ? api.post<PartnerVerificationItem>(`${BASE}/${id}/verify`) : api.post<PartnerVerificationItem>(`${BASE}/${id}/reject`, { reason }),
    meta: { silentError: true },
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: adminPartnerKeys.all }),
  });
}
