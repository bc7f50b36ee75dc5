import { LEARNING_AREAS } from '@/components/partner/children/child-format';

// What a program goal can measure: the child goal kinds of the platform (Platform/Learning/Insights/GoalRecords.cs:
// rubric_level, weekly_minutes, streak_days, lessons_completed), taken over the program's children. The value is
// stored as the goal's `metric` ("share_me_or_above:MATH"), so the impact reports can read it back.

export interface ProgramGoalMetric {
  value: string;
  label: string;
  /** What the target counts, shown beside it. */
  unit: string;
  /** Percent targets are at most 100. */
  percent?: boolean;
}

export interface ProgramGoalMetricGroup {
  label: string;
  metrics: ProgramGoalMetric[];
}

export const PROGRAM_GOAL_METRIC_GROUPS: ProgramGoalMetricGroup[] = [
  {
    label: 'Children at Meeting Expectations or above (rubric level)',
    metrics: LEARNING_AREAS.map((a) => ({ value: `share_me_or_above:${a.code}`, label: `% at ME or above in ${a.name}`, unit: '% of children', percent: true })),
  },
  {
    label: 'Per child, on average',
    metrics: [
      { value: 'avg_weekly_minutes', label: 'Minutes of learning a week', unit: 'minutes a week' },
      { value: 'avg_streak_days', label: 'Days in a row of learning', unit: 'days in a row' },
      { value: 'avg_lessons_completed', label: 'Lessons completed', unit: 'lessons' },
    ],
  },
];

const ALL = PROGRAM_GOAL_METRIC_GROUPS.flatMap((g) => g.metrics);

export const findProgramGoalMetric = (value: string | null | undefined) => (value ? ALL.find((m) => m.value === value) : undefined);

/** "share_me_or_above:MATH" → "% at ME or above in Mathematics"; an unknown metric (an older free-text one) as written. */
export function programGoalMetricLabel(value: string): string {
  return findProgramGoalMetric(value)?.label ?? value.replace(/_/g, ' ');
}
