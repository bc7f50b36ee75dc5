import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api';
import { toQuery } from '@/lib/query-string';
import type { CustomReportList, ReportRun, RoiResponse, SaveReportRequest, CustomReport } from '@/types/partner';

// Partner · Analytics (/api/v1/partner/analytics): ROI metrics and saved custom reports with their runs and exports.

export const ANALYTICS_BASE = '/api/v1/partner/analytics';
const REPORTS = `${ANALYTICS_BASE}/reports`;

export interface RoiParams {
  from: string;
  to: string;
  programId: string;
}

export const analyticsKeys = {
  all: ['partner', 'analytics'] as const,
  roi: (p: RoiParams) => [...analyticsKeys.all, 'roi', p] as const,
  reports: () => [...analyticsKeys.all, 'reports'] as const,
};

export const getRoi = (p: RoiParams, signal?: AbortSignal) =>
  api.get<RoiResponse>(`${ANALYTICS_BASE}/roi${toQuery({ from: p.from, to: p.to, programId: p.programId })}`, { signal });

export const getReports = (signal?: AbortSignal) => api.get<CustomReportList>(`${REPORTS}?pageSize=100`, { signal });

export const exportUrl = (id: string, format: 'pdf' | 'csv' | 'xlsx') => `${REPORTS}/${id}/export?format=${format}`;

export const roiQueryOptions = (p: RoiParams) =>
  queryOptions({ queryKey: analyticsKeys.roi(p), queryFn: ({ signal }) => getRoi(p, signal), placeholderData: keepPreviousData });

export const reportsQueryOptions = () => queryOptions({ queryKey: analyticsKeys.reports(), queryFn: ({ signal }) => getReports(signal) });

export const useRoi = (p: RoiParams) => useQuery(roiQueryOptions(p));
export const useReports = () => useQuery(reportsQueryOptions());

export function useSaveReport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string | null; body: SaveReportRequest }) =>
      id ? api.put<CustomReport>(`${REPORTS}/${id}`, body) : api.post<CustomReport>(REPORTS, body),
    meta: { silentError: true },
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: analyticsKeys.reports() }),
  });
}

export function useDeleteReport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<void>(`${REPORTS}/${id}`),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: analyticsKeys.reports() }),
  });
}

export function useRunReport() {
  return useMutation({ mutationFn: (id: string) => api.post<ReportRun>(`${REPORTS}/${id}/run`) });
}
