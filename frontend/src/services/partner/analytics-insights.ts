import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api';
import type { CohortBenchmarkResponse, ForecastResponse } from '@/types/partner';

// Partner · Analytics: forecasts (next three school terms) and cohort benchmarking. Figures computed by the server.
const BASE = '/api/v1/partner/analytics';

export const analyticsInsightKeys = {
  all: ['partner', 'analytics-insights'] as const,
  forecasts: (programId?: string) => [...analyticsInsightKeys.all, 'forecasts', programId ?? 'all'] as const,
  benchmark: (programId: string) => [...analyticsInsightKeys.all, 'benchmark', programId] as const,
};

export const getForecasts = (programId?: string, signal?: AbortSignal) =>
  api.get<ForecastResponse>(`${BASE}/forecasts${programId ? `?programId=${encodeURIComponent(programId)}` : ''}`, { signal });

export const getBenchmark = (programId: string, signal?: AbortSignal) =>
  api.get<CohortBenchmarkResponse>(`${BASE}/programs/${encodeURIComponent(programId)}/benchmark`, { signal });

export const forecastsQueryOptions = (programId?: string) =>
  queryOptions({ queryKey: analyticsInsightKeys.forecasts(programId), queryFn: ({ signal }) => getForecasts(programId, signal), staleTime: 10 * 60_000 });

export function useForecasts(programId?: string) {
  return useQuery(forecastsQueryOptions(programId));
}

export function useBenchmark(programId: string | undefined) {
  return useQuery({
    queryKey: analyticsInsightKeys.benchmark(programId ?? ''),
    queryFn: ({ signal }) => getBenchmark(programId!, signal),
    enabled: !!programId,
    staleTime: 10 * 60_000,
  });
}
