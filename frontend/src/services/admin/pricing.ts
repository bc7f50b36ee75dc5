import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api';
import type { components } from '@/types/api';

type Schemas = components['schemas'];

// Admin · Pricing (/api/v1/admin/partners/{partnerId}/pricing): a partner's custom prices per child, which billing uses
// instead of the program's price while they are valid.

export type AdminPricingView = Schemas['AdminPricingView'];
export type PricingItem = Schemas['PricingItem'];
export type SavePricingRequest = Schemas['SavePricingRequest'];

const base = (partnerId: string) => `/api/v1/admin/partners/${encodeURIComponent(partnerId)}/pricing`;

export const adminPricingKeys = { all: ['admin', 'pricing'] as const, partner: (id: string) => ['admin', 'pricing', id] as const };

export const useAdminPricing = (partnerId: string) =>
  useQuery({ queryKey: adminPricingKeys.partner(partnerId), queryFn: ({ signal }) => api.get<AdminPricingView>(base(partnerId), { signal }) });

function usePricingMutation<A>(partnerId: string, fn: (a: A) => Promise<PricingItem>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    meta: { silentError: true },
    onSuccess: () => void client.invalidateQueries({ queryKey: adminPricingKeys.partner(partnerId) }),
  });
}

export const useCreatePricing = (partnerId: string) =>
  usePricingMutation(partnerId, (body: SavePricingRequest) => api.post<PricingItem>(base(partnerId), body));

/** Ends a price: its last day becomes `validTo` (today when omitted). */
export const useEndPricing = (partnerId: string) =>
  usePricingMutation(partnerId, ({ id, validTo }: { id: string; validTo?: string }) => api.post<PricingItem>(`${base(partnerId)}/${id}/end`, { validTo: validTo ?? null }));
