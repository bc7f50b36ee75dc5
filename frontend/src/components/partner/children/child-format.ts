import type { BadgeTone } from '@/components/partner/shared';
import type { ChildConsentStatus, CoreCompetency, GoalStatus, RubricLevel, SponsoredChildStatus, WarningSeverity } from '@/types/partner';

// The words and orders the children views share: CBC grades, counties, learning areas, rubric levels.

/** "Grade4" → "Grade 4"; "PP1" stays "PP1". */
export function formatGrade(grade: string): string {
  return grade.replace(/^Grade(\d+)$/, 'Grade $1');
}

/** CBC learning areas a rubric goal can name. */
export const LEARNING_AREAS: { code: string; name: string }[] = [
  { code: 'MATH', name: 'Mathematics' },
  { code: 'ENG', name: 'English' },
  { code: 'KIS', name: 'Kiswahili' },
  { code: 'SCI', name: 'Science & Technology' },
  { code: 'SST', name: 'Social Studies' },
  { code: 'CRE', name: 'Religious Education' },
  { code: 'CA', name: 'Creative Arts' },
  { code: 'AGR', name: 'Agriculture & Nutrition' },
];

export const learningAreaName = (code: string | null | undefined) =>
  code ? (LEARNING_AREAS.find((a) => a.code === code)?.name ?? code) : '';

export const RUBRIC_LEVELS: RubricLevel[] = ['EE', 'ME', 'AE', 'BE'];

export const RUBRIC_LABELS: Record<RubricLevel, string> = {
  EE: 'Exceeding Expectations',
  ME: 'Meeting Expectations',
  AE: 'Approaching Expectations',
  BE: 'Below Expectations',
};

export const RUBRIC_TONES: Record<RubricLevel, BadgeTone> = { EE: 'success', ME: 'info', AE: 'warning', BE: 'danger' };

export const RUBRIC_COLORS: Record<RubricLevel, string> = { EE: '#22c55e', ME: '#38bdf8', AE: '#f59e0b', BE: '#E40000' };

/** The seven CBC core competencies, in the order the radar draws them. */
export const COMPETENCY_LABELS: Record<CoreCompetency, string> = {
  communication_and_collaboration: 'Communication and collaboration',
  critical_thinking_and_problem_solving: 'Critical thinking and problem solving',
  imagination_and_creativity: 'Imagination and creativity',
  citizenship: 'Citizenship',
  digital_literacy: 'Digital literacy',
  learning_to_learn: 'Learning to learn',
  self_efficacy: 'Self-efficacy',
};

export const CHILD_STATUSES: SponsoredChildStatus[] = ['PENDING_CONSENT', 'ACTIVE', 'PAUSED', 'GRADUATED', 'LEFT', 'REMOVED'];

export const CONSENT_LABELS: Record<ChildConsentStatus, string> = {
  not_requested: 'Consent not requested',
  pending: 'Awaiting guardian',
  given: 'Consent given',
  declined: 'Consent declined',
  revoked: 'Consent withdrawn',
  program_not_active: 'Program not active',
  expired: 'Request expired',
};

export const CONSENT_TONES: Record<ChildConsentStatus, BadgeTone> = {
  not_requested: 'neutral',
  pending: 'warning',
  given: 'success',
  declined: 'danger',
  revoked: 'danger',
  program_not_active: 'neutral',
  expired: 'neutral',
};

export const GOAL_STATUS_LABELS: Record<GoalStatus, string> = {
  achieved: 'Achieved',
  on_track: 'On track',
  at_risk: 'At risk',
  overdue: 'Overdue',
};

export const GOAL_STATUS_TONES: Record<GoalStatus, BadgeTone> = { achieved: 'success', on_track: 'info', at_risk: 'warning', overdue: 'danger' };

export const SEVERITY_TONES: Record<WarningSeverity, BadgeTone> = { low: 'info', medium: 'warning', high: 'danger' };

/** "95 min", "2 h 5 min". */
export function formatMinutes(minutes: number): string {
  if (minutes < 60) return `${Math.round(minutes)} min`;
  const h = Math.floor(minutes / 60);
  const m = Math.round(minutes % 60);
  return m ? `${h} h ${m} min` : `${h} h`;
}

/** "Mon 3 Nov" for a date-only string (taken as a Nairobi calendar date). */
export function formatShortDate(isoDate: string, withWeekday = false): string {
  const date = new Date(`${isoDate.slice(0, 10)}T12:00:00+03:00`);
  if (Number.isNaN(date.getTime())) return isoDate;
  return new Intl.DateTimeFormat('en-KE', {
    day: 'numeric',
    month: 'short',
    ...(withWeekday ? { weekday: 'short' } : {}),
    timeZone: 'Africa/Nairobi',
  }).format(date);
}
