import type { QueryClient } from '@tanstack/react-query';
import type { CbcGrade, ChildConsentStatus, ChildSort, ProgramStatus, SponsoredChildStatus } from '@/types/partner';
import { dashboardKeys } from './dashboard';

// Partner · Partnerships: the query keys shared by programs, available students, children and consent
// (/api/v1/partner/sponsorships/*), so one resource's change can refresh the others.

export const SPONSORSHIPS_BASE = '/api/v1/partner/sponsorships';

export interface ProgramListParams {
  status?: ProgramStatus | '';
  search?: string;
  page?: number;
  pageSize?: number;
}

export interface AvailableStudentParams {
  grade?: CbcGrade | '';
  county?: string;
  school?: string;
  learningNeed?: string;
  search?: string;
  page?: number;
  pageSize?: number;
  /** A program of the partner: rank by its preferences, each student with a score and reasons. */
  rankFor?: string;
}

export interface ChildListParams {
  programId?: string;
  status?: SponsoredChildStatus | '';
  grade?: CbcGrade | '';
  county?: string;
  search?: string;
  hasAlert?: boolean;
  sort?: ChildSort;
  descending?: boolean;
  page?: number;
  pageSize?: number;
}

export type ChildView = 'progress' | 'activity' | 'achievements' | 'goals' | 'ai-insights' | 'timeline';

export const sponsorshipKeys = {
  all: ['partner', 'sponsorships'] as const,
  programs: () => [...sponsorshipKeys.all, 'programs'] as const,
  programList: (params: ProgramListParams) => [...sponsorshipKeys.programs(), 'list', params] as const,
  program: (id: string) => [...sponsorshipKeys.programs(), 'detail', id] as const,
  availableStudents: (params: AvailableStudentParams) => [...sponsorshipKeys.all, 'available-students', params] as const,
  children: () => [...sponsorshipKeys.all, 'children'] as const,
  childList: (params: ChildListParams) => [...sponsorshipKeys.children(), 'list', params] as const,
  child: (id: string) => [...sponsorshipKeys.children(), 'detail', id] as const,
  childView: (id: string, view: ChildView, extra?: string) => [...sponsorshipKeys.child(id), view, ...(extra ? [extra] : [])] as const,
  consentStatus: (programId?: string, status?: ChildConsentStatus | '') => [...sponsorshipKeys.all, 'consent-status', programId ?? '', status ?? ''] as const,
};

/** After a program changes: its lists, its detail, its children and the dashboard figures. */
export function invalidateProgramData(queryClient: QueryClient, programId?: string) {
  void queryClient.invalidateQueries({ queryKey: sponsorshipKeys.programs() });
  void queryClient.invalidateQueries({ queryKey: sponsorshipKeys.children() });
  void queryClient.invalidateQueries({ queryKey: [...sponsorshipKeys.all, 'available-students'] });
  void queryClient.invalidateQueries({ queryKey: [...sponsorshipKeys.all, 'consent-status'] });
  void queryClient.invalidateQueries({ queryKey: dashboardKeys.all });
  if (programId) void queryClient.invalidateQueries({ queryKey: sponsorshipKeys.program(programId) });
}
