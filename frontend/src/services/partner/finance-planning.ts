import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiPostForm } from '@/lib/api';
import { toQuery } from '@/lib/query-string';
import type { BudgetOverview, DeadlineRequest, GrantDetail, GrantStatus, PagedGrants, SaveBudgetRequest, SaveGrantRequest } from '@/types/partner';

// Partner · Finance · Budgets and grants (/api/v1/partner/finance/budget, /grants): plan Step 11's getBudgetOverview() and
// getGrants(), with the writes the two pages make.

export const FINANCE_BASE = '/api/v1/partner/finance';
const GRANTS = `${FINANCE_BASE}/grants`;

export interface GrantListParams {
  status: GrantStatus | '';
  funder: string;
  page: number;
  pageSize: number;
}

export const financePlanningKeys = {
  all: ['partner', 'finance-planning'] as const,
  budget: (year: number | null) => [...financePlanningKeys.all, 'budget', year] as const,
  grantLists: () => [...financePlanningKeys.all, 'grants'] as const,
  grantList: (p: GrantListParams) => [...financePlanningKeys.grantLists(), p] as const,
  grant: (id: string) => [...financePlanningKeys.all, 'grant', id] as const,
};

export const getBudgetOverview = (year: number | null, signal?: AbortSignal) =>
  api.get<BudgetOverview>(`${FINANCE_BASE}/budget${toQuery({ year: year ?? '' })}`, { signal });

export const saveBudget = (body: SaveBudgetRequest) => api.put<BudgetOverview>(`${FINANCE_BASE}/budget`, body);

export const getGrants = (p: GrantListParams, signal?: AbortSignal) =>
  api.get<PagedGrants>(`${GRANTS}${toQuery({ status: p.status, funder: p.funder, page: p.page, pageSize: p.pageSize })}`, { signal });

export const getGrant = (id: string, signal?: AbortSignal) => api.get<GrantDetail>(`${GRANTS}/${id}`, { signal });

export const reportUrl = (grantId: string, reportId: string) => `${GRANTS}/${grantId}/reports/${reportId}`;

export const budgetQueryOptions = (year: number | null) =>
  queryOptions({ queryKey: financePlanningKeys.budget(year), queryFn: ({ signal }) => getBudgetOverview(year, signal), placeholderData: keepPreviousData });

export const grantsQueryOptions = (p: GrantListParams) =>
  queryOptions({ queryKey: financePlanningKeys.grantList(p), queryFn: ({ signal }) => getGrants(p, signal), placeholderData: keepPreviousData });

export const grantQueryOptions = (id: string) => queryOptions({ queryKey: financePlanningKeys.grant(id), queryFn: ({ signal }) => getGrant(id, signal) });

export const useBudgetOverview = (year: number | null) => useQuery(budgetQueryOptions(year));
export const useGrants = (p: GrantListParams) => useQuery(grantsQueryOptions(p));
export const useGrant = (id: string) => useQuery({ ...grantQueryOptions(id), enabled: id !== '' });

export function useSaveBudget() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveBudget,
    meta: { silentError: true },
    onSuccess: (overview) => {
      queryClient.setQueryData(financePlanningKeys.budget(overview.year), overview);
      void queryClient.invalidateQueries({ queryKey: [...financePlanningKeys.all, 'budget'] });
    },
  });
}

/** After a change to a grant: its detail as the server answered, and the lists read again. */
function useGrantChanged() {
  const queryClient = useQueryClient();
  return (grant: GrantDetail) => {
    queryClient.setQueryData(financePlanningKeys.grant(grant.id), grant);
    void queryClient.invalidateQueries({ queryKey: financePlanningKeys.grantLists() });
  };
}

export function useCreateGrant() {
  const changed = useGrantChanged();
  return useMutation({ mutationFn: (body: SaveGrantRequest) => api.post<GrantDetail>(GRANTS, body), meta: { silentError: true }, onSuccess: changed });
}

export function useUpdateGrant(id: string) {
  const changed = useGrantChanged();
  return useMutation({ mutationFn: (body: SaveGrantRequest) => api.put<GrantDetail>(`${GRANTS}/${id}`, body), meta: { silentError: true }, onSuccess: changed });
}

export function useAddDeadline(id: string) {
  const changed = useGrantChanged();
  return useMutation({ mutationFn: (body: DeadlineRequest) => api.post<GrantDetail>(`${GRANTS}/${id}/deadlines`, body), meta: { silentError: true }, onSuccess: changed });
}

export function useMarkDeadline(id: string) {
  const changed = useGrantChanged();
  return useMutation({
    mutationFn: ({ deadlineId, submitted }: { deadlineId: string; submitted: boolean }) =>
      api.put<GrantDetail>(`${GRANTS}/${id}/deadlines/${deadlineId}`, { submitted }),
    onSuccess: changed,
  });
}

export function useUploadReport(id: string) {
  const changed = useGrantChanged();
  return useMutation({
    mutationFn: ({ deadlineId, file }: { deadlineId: string; file: File }) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return apiPostForm<GrantDetail>(`${GRANTS}/${id}/deadlines/${deadlineId}/reports`, form);
    },
    meta: { silentError: true },
    onSuccess: changed,
  });
}

/** Generates the deadline's compliance report on the server (figures, PDF) and keeps it as the deadline's report. */
export function useGenerateReport(id: string) {
  const changed = useGrantChanged();
  return useMutation({
    mutationFn: ({ deadlineId }: { deadlineId: string }) => api.post<GrantDetail>(`${GRANTS}/${id}/deadlines/${deadlineId}/reports/generate`, {}),
    meta: { silentError: true },
    onSuccess: changed,
  });
}
