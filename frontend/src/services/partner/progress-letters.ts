import { useEffect } from 'react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { HubConnectionState, type HubConnection } from '@microsoft/signalr';
import { api } from '@/lib/api';
import { toQuery } from '@/lib/query-string';
import { ANALYTICS_BASE } from './impact-reports';
import { createPartnerHubConnection } from './realtime';

// Partner · Analytics · progress letters (issue 19): a program's letters for a school term, written in the background;
// progress arrives on the partner hub ("progressLetters") and, as a fallback, by polling the batch. And the per-student
// term dashboard (student-insights), computed as a letter is.

export const LETTERS = `${ANALYTICS_BASE}/progress-letters`;
export const STUDENT_INSIGHTS = `${ANALYTICS_BASE}/student-insights`;
export const LETTERS_EVENT = 'progressLetters';

export type LetterBatchStatus = 'queued' | 'running' | 'completed' | 'failed' | 'cancelled';
export interface LetterTerm { id: string; name: string; start: string; end: string; current: boolean }
export interface LetterBatchProgress { id: string; status: LetterBatchStatus; progress: number; stage?: string | null; done: number; total: number; error?: string | null }
export interface LetterBatch {
  id: string; programId: string; programName: string; termName: string; termStart: string; termEnd: string; status: LetterBatchStatus;
  progress: number; stage?: string | null; done: number; total: number; requestedAt: string; completedAt?: string | null; error?: string | null;
}
export interface LetterSummary {
  id: string; sponsoredChildId: string; studentId: string; firstName: string; pages: number; sizeBytes: number; provider: string; model: string; generatedAt: string;
}
export interface Paged<T> { items: T[]; page: number; pageSize: number; total: number }

export type RubricLevel = 'EE' | 'ME' | 'AE' | 'BE';
export interface TermArea {
  code: string; name: string; assessments: number; averageScore: number; level: RubricLevel; levelLabel: string; previousLevel?: RubricLevel | null;
  movement?: 'up' | 'down' | 'flat' | null;
}
export interface StudentGoal {
  goal: string;
  progress: { goalId: string; kind: string; target: string; current?: string | null; percent: number; status: 'achieved' | 'on_track' | 'at_risk' | 'overdue'; dueDate?: string | null };
}
export interface StudentInsights {
  studentId: string; sponsoredChildId: string; programId: string; firstName: string; term: string; termName: string; termStart: string; termEnd: string;
  asOf: string; minutes: number; sessions: number; activeDays: number; lessonsCompleted: number; currentStreak: number; longestStreak: number;
  areas: TermArea[]; achievements: { id: string; kind: string; title: string; awardedAt: string }[]; goals: StudentGoal[];
  narrative: string; provider: string; model: string; generatedAt: string;
}

export const letterKeys = {
  all: ['partner', 'progress-letters'] as const,
  terms: () => [...letterKeys.all, 'terms'] as const,
  batches: (page: number) => [...letterKeys.all, 'batches', page] as const,
  batch: (id: string) => [...letterKeys.all, 'batch', id] as const,
  letters: (id: string, page: number, search: string) => [...letterKeys.all, 'letters', id, page, search] as const,
  insights: (studentId: string, term: string) => ['partner', 'student-insights', studentId, term] as const,
};

export const isRunning = (status?: LetterBatchStatus) => status === 'queued' || status === 'running';
export const letterPdfUrl = (batchId: string, letterId: string) => `${LETTERS}/${batchId}/letters/${letterId}/pdf`;
export const zipUrl = (batchId: string) => `${LETTERS}/${batchId}/zip`;

export const useLetterTerms = () =>
  useQuery({ queryKey: letterKeys.terms(), queryFn: ({ signal }) => api.get<LetterTerm[]>(`${LETTERS}/terms`, { signal }), staleTime: 60 * 60 * 1000 });

export const useLetterBatches = (page: number, pageSize: number) =>
  useQuery({
    queryKey: letterKeys.batches(page),
    queryFn: ({ signal }) => api.get<Paged<LetterBatch>>(`${LETTERS}${toQuery({ page, pageSize })}`, { signal }),
    placeholderData: keepPreviousData,
  });

/** One batch; polled every 2 s while it runs (the fallback when the hub's push does not arrive). */
export const useLetterBatch = (id: string) =>
  useQuery({
    queryKey: letterKeys.batch(id),
    queryFn: ({ signal }) => api.get<LetterBatch>(`${LETTERS}/${id}`, { signal }),
    enabled: id !== '',
    refetchInterval: (q) => (isRunning(q.state.data?.status) ? 2000 : false),
  });

export const useLetters = (batchId: string, page: number, pageSize: number, search: string, enabled: boolean) =>
  useQuery({
    queryKey: letterKeys.letters(batchId, page, search),
    queryFn: ({ signal }) => api.get<Paged<LetterSummary>>(`${LETTERS}/${batchId}/letters${toQuery({ page, pageSize, search: search || undefined })}`, { signal }),
    enabled: batchId !== '' && enabled,
    placeholderData: keepPreviousData,
  });

export function useGenerateLetters() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { programId: string; term: string }) => api.post<{ id: string; status: LetterBatchStatus }>(LETTERS, body),
    onSuccess: () => void client.invalidateQueries({ queryKey: [...letterKeys.all, 'batches'] }),
  });
}

export function useCancelLetters() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<LetterBatchProgress>(`${LETTERS}/${id}/cancel`),
    onSuccess: () => void client.invalidateQueries({ queryKey: letterKeys.all }),
  });
}

/** The term dashboard of one consented child (the same figures as its progress letter). */
export const useStudentInsights = (studentId: string, term: string) =>
  useQuery({
    queryKey: letterKeys.insights(studentId, term),
    queryFn: ({ signal }) => api.get<StudentInsights>(`${STUDENT_INSIGHTS}/${studentId}${toQuery({ term: term || undefined })}`, { signal }),
    enabled: studentId !== '',
  });

/**
 * Listens to the partner hub's "progressLetters" pushes: each updates the batch's progress in the cache, and a batch that
 * has ended refreshes the lists. When the hub cannot be reached, polling carries on alone.
 */
export function useLetterPushes(enabled = true) {
  const client = useQueryClient();
  useEffect(() => {
    if (!enabled) return;
    let connection: HubConnection;
    try {
      connection = createPartnerHubConnection();
    } catch {
      return;
    }
    connection.on(LETTERS_EVENT, (p: LetterBatchProgress) => {
      if (!p || typeof p.id !== 'string') return;
      client.setQueryData<LetterBatch>(letterKeys.batch(p.id), (old) =>
        old ? { ...old, status: p.status, progress: p.progress, stage: p.stage, done: p.done, total: p.total, error: p.error } : old);
      if (!isRunning(p.status)) void client.invalidateQueries({ queryKey: letterKeys.all });
    });
    connection.start().catch(() => undefined);
    return () => {
      if (connection.state !== HubConnectionState.Disconnected) connection.stop().catch(() => undefined);
    };
  }, [enabled, client]);
}
