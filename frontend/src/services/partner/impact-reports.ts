import { useEffect } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { HubConnectionState, type HubConnection } from '@microsoft/signalr';
import { api } from '@/lib/api';
import { toQuery } from '@/lib/query-string';
import { createPartnerHubConnection } from './realtime';

// Partner · Analytics · impact reports (issue 18): asked for with POST /reports/generate, computed in the background;
// progress arrives on the partner hub ("impactReport") and, as a fallback, by polling /impact-reports/{id}/progress.

export const ANALYTICS_BASE = '/api/v1/partner/analytics';
export const IMPACT_REPORTS = `${ANALYTICS_BASE}/impact-reports`;
export const IMPACT_REPORT_EVENT = 'impactReport';

export type ImpactReportStatus = 'queued' | 'running' | 'completed' | 'failed' | 'cancelled';
export type ImpactPeriod = 'monthly' | 'termly' | 'annual' | 'custom';

export interface GenerateImpactReportRequest {
  programId?: string | null;
  period: ImpactPeriod;
  from?: string | null;
  to?: string | null;
}
export interface ImpactReportAccepted { id: string; status: ImpactReportStatus; progress: number }
export interface ImpactReportProgress { id: string; status: ImpactReportStatus; progress: number; stage?: string | null; error?: string | null }
export interface ImpactReportSummary {
  id: string; title: string; programId?: string | null; programName?: string | null; reportType: ImpactPeriod;
  periodStart?: string | null; periodEnd?: string | null; status: ImpactReportStatus; progress: number; generatedAt: string;
  completedAt?: string | null; exportFormat?: string | null; exportedAt?: string | null;
}
export interface PagedImpactReports { items: ImpactReportSummary[]; page: number; pageSize: number; total: number }
export interface ImpactMetrics {
  periodStart?: string | null; periodEnd?: string | null; childrenSponsored: number; childrenWithConsent: number; childrenReached: number;
  activeLearningHours: number; averageWeeklyMinutes: number; sessions: number; lessonsCompleted: number; assessments: number;
  averageScore: number; scoreChange: number; rubricExceeding: number; rubricMeeting: number; rubricApproaching: number; rubricBelow: number;
  achievementsEarned: number; engagementRate: number; amountSpent: number; currency: string; costPerChild?: number | null;
}
export interface AreaMovement {
  learningArea: string; assessments: number; averageScore?: number | null; previousAverageScore?: number | null;
  meetingOrAbove?: number | null; previousMeetingOrAbove?: number | null;
  exceeding: number; meeting: number; approaching: number; below: number;
}
export interface CompetencyMovement { competency: string; ratings: number; average?: number | null; previousAverage?: number | null }
export interface WeekEngagement { weekStart: string; minutes: number; activeChildren: number }
export interface ImpactReportDetail {
  id: string; title: string; programId?: string | null; programName?: string | null; reportType: ImpactPeriod; status: ImpactReportStatus;
  progress: number; stage?: string | null; error?: string | null; generatedAt: string; completedAt?: string | null;
  metrics: ImpactMetrics; breakdown: { areas: AreaMovement[]; competencies: CompetencyMovement[]; weeks: WeekEngagement[] };
  summary?: string | null; highlights: string[]; recommendations: string[]; provider?: string | null; model?: string | null;
  narrativeGeneratedAt?: string | null;
}

export const impactKeys = {
  all: ['partner', 'impact-reports'] as const,
  list: (page: number) => [...impactKeys.all, 'list', page] as const,
  detail: (id: string) => [...impactKeys.all, 'detail', id] as const,
  progress: (id: string) => [...impactKeys.all, 'progress', id] as const,
};

export const isRunning = (status?: ImpactReportStatus) => status === 'queued' || status === 'running';
export const exportUrl = (id: string, format: 'pdf' | 'csv') => `${IMPACT_REPORTS}/${id}/export${toQuery({ format })}`;

export const useImpactReports = (page: number, pageSize: number) =>
  useQuery({
    queryKey: impactKeys.list(page),
    queryFn: ({ signal }) => api.get<PagedImpactReports>(`${IMPACT_REPORTS}${toQuery({ page, pageSize })}`, { signal }),
  });

export const useImpactReport = (id: string) =>
  useQuery({
    queryKey: impactKeys.detail(id),
    queryFn: ({ signal }) => api.get<ImpactReportDetail>(`${IMPACT_REPORTS}/${id}`, { signal }),
    enabled: id !== '',
  });

/** The report's progress: polled every 2 s while it runs (the fallback when the hub's push does not arrive). */
export const useImpactProgress = (id: string, active: boolean) =>
  useQuery({
    queryKey: impactKeys.progress(id),
    queryFn: ({ signal }) => api.get<ImpactReportProgress>(`${IMPACT_REPORTS}/${id}/progress`, { signal }),
    enabled: id !== '' && active,
    refetchInterval: (q) => (isRunning(q.state.data?.status) || !q.state.data ? 2000 : false),
  });

export function useGenerateImpactReport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: GenerateImpactReportRequest) => api.post<ImpactReportAccepted>(`${ANALYTICS_BASE}/reports/generate`, body),
    onSuccess: () => void client.invalidateQueries({ queryKey: [...impactKeys.all, 'list'] }),
  });
}

export function useCancelImpactReport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<ImpactReportProgress>(`${IMPACT_REPORTS}/${id}/cancel`),
    onSuccess: (p) => {
      client.setQueryData(impactKeys.progress(p.id), p);
      void client.invalidateQueries({ queryKey: impactKeys.all });
    },
  });
}

/**
 * Listens to the partner hub's "impactReport" pushes: each one updates the report's progress in the cache, and a report
 * that has ended refreshes the list and its detail. When the hub cannot be reached polling carries on alone.
 */
export function useImpactReportPushes(enabled = true) {
  const client = useQueryClient();
  useEffect(() => {
    if (!enabled) return;
    let connection: HubConnection;
    try {
      connection = createPartnerHubConnection();
    } catch {
      return;
    }
    connection.on(IMPACT_REPORT_EVENT, (p: ImpactReportProgress) => {
      if (!p || typeof p.id !== 'string') return;
      client.setQueryData(impactKeys.progress(p.id), p);
      if (!isRunning(p.status)) void client.invalidateQueries({ queryKey: impactKeys.all });
    });
    connection.start().catch(() => undefined);
    return () => {
      if (connection.state !== HubConnectionState.Disconnected) connection.stop().catch(() => undefined);
    };
  }, [enabled, client]);
}
