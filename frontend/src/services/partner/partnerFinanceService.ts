import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api';
import { toQuery } from '@/lib/query-string';
import type {
  BillingPeriod,
  CreateSubscriptionRequest,
  DueInvoice,
  PagedPaymentMethods,
  PagedPayments,
  PagedPrograms,
  PaymentChoice,
  PaymentGateway,
  PaymentItem,
  PaymentMethodItem,
  PaymentStatus,
  SavePaymentMethodRequest,
  SubscriptionItem,
  UpdateSubscriptionRequest,
} from '@/types/partner';

// Partner · Finance (/api/v1/partner/finance/*): subscriptions, payments and the billing history (plan Step 11).

export const FINANCE_BASE = '/api/v1/partner/finance';

export interface BillingHistoryParams {
  status: PaymentStatus | '';
  gateway: PaymentGateway | '';
  page: number;
  pageSize: number;
}

export interface PaymentStart {
  subscriptionId: string;
  gateway: PaymentGateway;
  phoneNumber?: string;
  /** One per payment attempt: the same key again (a retry) returns the same payment and never charges twice. */
  idempotencyKey: string;
}

export const financeKeys = {
  all: ['partner', 'finance'] as const,
  subscriptions: () => [...financeKeys.all, 'subscriptions'] as const,
  payments: () => [...financeKeys.all, 'payments'] as const,
  history: (p: BillingHistoryParams) => [...financeKeys.payments(), 'list', p] as const,
  payment: (id: string) => [...financeKeys.payments(), 'detail', id] as const,
  activePrograms: () => [...financeKeys.all, 'active-programs'] as const,
  gateways: () => [...financeKeys.all, 'gateways'] as const,
  due: (subscriptionId: string) => [...financeKeys.all, 'due', subscriptionId] as const,
  methods: () => [...financeKeys.all, 'payment-methods'] as const,
};

const historyQuery = (p: Partial<BillingHistoryParams> & { format?: 'csv' }) =>
  toQuery({ status: p.status, gateway: p.gateway, page: p.page, pageSize: p.pageSize, format: p.format });

/** The CSV of the billing history with the same filters (the API writes it; the browser downloads it). */
export const billingHistoryCsvUrl = (p: Pick<BillingHistoryParams, 'status' | 'gateway'>) =>
  `${FINANCE_BASE}/payments${historyQuery({ status: p.status, gateway: p.gateway, format: 'csv' })}`;

export const getSubscriptions = (signal?: AbortSignal) => api.get<SubscriptionItem[]>(`${FINANCE_BASE}/subscriptions`, { signal });

export const createSubscription = (body: CreateSubscriptionRequest) => api.post<SubscriptionItem>(`${FINANCE_BASE}/subscriptions`, body);

export const updateSubscription = (id: string, body: UpdateSubscriptionRequest) => api.put<SubscriptionItem>(`${FINANCE_BASE}/subscriptions/${id}`, body);

export const cancelSubscription = (id: string) => api.delete<SubscriptionItem>(`${FINANCE_BASE}/subscriptions/${id}`);

export const processPayment = ({ idempotencyKey, ...body }: PaymentStart) =>
  api.post<PaymentItem>(`${FINANCE_BASE}/payments`, body, { headers: { 'Idempotency-Key': idempotencyKey } });

/** The ways to pay, each available or not with the server's reason (keys missing), in the order the page offers them. */
export const getGateways = (signal?: AbortSignal) => api.get<PaymentChoice[]>(`${FINANCE_BASE}/gateways`, { signal });

/** What "pay now" charges: the open invoice, else the current period as its invoice would be issued now (409 nothing_due). */
export const getDueInvoice = (subscriptionId: string, signal?: AbortSignal) =>
  api.get<DueInvoice>(`${FINANCE_BASE}/subscriptions/${subscriptionId}/due`, { signal });

export const getPayment = (id: string, signal?: AbortSignal) => api.get<PaymentItem>(`${FINANCE_BASE}/payments/${id}`, { signal });

export const checkPayment = (id: string) => api.post<PaymentItem>(`${FINANCE_BASE}/payments/${id}/check`, {});

export const getBillingHistory = (p: BillingHistoryParams, signal?: AbortSignal) =>
  api.get<PagedPayments>(`${FINANCE_BASE}/payments${historyQuery(p)}`, { signal });

/** The saved payment methods, the default first (a partner has a handful: one page of 100). */
export const getPaymentMethods = (signal?: AbortSignal) =>
  api.get<PagedPaymentMethods>(`${FINANCE_BASE}/payment-methods${toQuery({ pageSize: 100 })}`, { signal });

export const savePaymentMethod = (body: SavePaymentMethodRequest) => api.post<PaymentMethodItem>(`${FINANCE_BASE}/payment-methods`, body);

export const removePaymentMethod = (id: string) => api.delete<void>(`${FINANCE_BASE}/payment-methods/${id}`);

/** The partner's ACTIVE programs: the only ones that can be subscribed. */
export const getActivePrograms = (signal?: AbortSignal) =>
  api.get<PagedPrograms>(`/api/v1/partner/sponsorships/programs${toQuery({ status: 'ACTIVE', pageSize: 100 })}`, { signal });

export const useSubscriptions = () => useQuery(queryOptions({ queryKey: financeKeys.subscriptions(), queryFn: ({ signal }) => getSubscriptions(signal) }));

export const useGateways = (enabled: boolean) =>
  useQuery({ queryKey: financeKeys.gateways(), queryFn: ({ signal }) => getGateways(signal), enabled, staleTime: 5 * 60_000 });

export const useDueInvoice = (subscriptionId: string | null) =>
  useQuery({ queryKey: financeKeys.due(subscriptionId ?? ''), queryFn: ({ signal }) => getDueInvoice(subscriptionId!, signal), enabled: subscriptionId !== null, staleTime: 0 });

export const useActivePrograms = (enabled: boolean) =>
  useQuery({ queryKey: financeKeys.activePrograms(), queryFn: ({ signal }) => getActivePrograms(signal), enabled });

export const useBillingHistory = (p: BillingHistoryParams) =>
  useQuery({ queryKey: financeKeys.history(p), queryFn: ({ signal }) => getBillingHistory(p, signal), placeholderData: keepPreviousData });

/** A payment's status, asked every 2 s while it is pending (M-Pesa waits for the payer's phone, the sandbox for its delay). */
export const usePaymentStatus = (id: string | null, initial?: PaymentItem) =>
  useQuery({
    queryKey: financeKeys.payment(id ?? ''),
    queryFn: ({ signal }) => getPayment(id!, signal),
    enabled: id !== null,
    initialData: initial && initial.id === id ? initial : undefined,
    refetchInterval: (q) => (q.state.data?.status === 'pending' ? 2000 : false),
  });

function useFinanceMutation<A, R>(fn: (a: A) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: financeKeys.all }) });
}

export const useCreateSubscription = () => useFinanceMutation(createSubscription);

export const usePaymentMethods = () => useQuery({ queryKey: financeKeys.methods(), queryFn: ({ signal }) => getPaymentMethods(signal) });

export const useSavePaymentMethod = () => {
  const client = useQueryClient();
  return useMutation({ mutationFn: savePaymentMethod, meta: { silentError: true }, onSuccess: () => client.invalidateQueries({ queryKey: financeKeys.methods() }) });
};

export const useRemovePaymentMethod = () => {
  const client = useQueryClient();
  return useMutation({ mutationFn: removePaymentMethod, onSuccess: () => client.invalidateQueries({ queryKey: financeKeys.methods() }) });
};

export const useUpdateSubscription = () =>
  useFinanceMutation(({ id, ...body }: UpdateSubscriptionRequest & { id: string }) => updateSubscription(id, body));

export const useCancelSubscription = () => useFinanceMutation(cancelSubscription);

export const useProcessPayment = () => useMutation({ mutationFn: processPayment });

export const useCheckPayment = () => {
  const client = useQueryClient();
  return useMutation({ mutationFn: checkPayment, onSuccess: (p) => client.setQueryData(financeKeys.payment(p.id), p) });
};

export type { BillingPeriod };
