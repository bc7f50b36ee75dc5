import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api';
import type { components } from '@/types/api';

// Admin · Sponsorships (/api/v1/admin/sponsorship-policy): how long a child may wait without a sponsor before every
// partner's ranking offers them first.

export type SponsorshipPolicy = components['schemas']['SponsorshipPolicyResponse'];

const URL = '/api/v1/admin/sponsorship-policy';
export const sponsorshipPolicyKey = ['admin', 'sponsorship-policy'] as const;

export const useSponsorshipPolicy = () =>
  useQuery({ queryKey: sponsorshipPolicyKey, queryFn: ({ signal }) => api.get<SponsorshipPolicy>(URL, { signal }) });

export function useSaveSponsorshipPolicy() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (offerToAllAfterDays: number) => api.put<SponsorshipPolicy>(URL, { offerToAllAfterDays }),
    meta: { silentError: true },
    onSuccess: (saved) => client.setQueryData(sponsorshipPolicyKey, saved),
  });
}
