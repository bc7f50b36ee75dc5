import { LEARNING_AREAS, learningAreaName } from '@/components/partner/children/child-format';

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

/**
 * "share_me_or_above:MATH" → "% at ME or above in Mathematics". A metric from before the list (free text, or a key such
 * as "score_change:ENG") is put into words the same way: "Score change in English", never its raw key.
 */
export function programGoalMetricLabel(value: string): string {
  const known = findProgramGoalMetric(value);
  if (known) return known.label;
  const [kind, subject] = value.split(':', 2);
  const words = (text: string) => text.replace(/_/g, ' ').replace(/\bavg\b/gi, 'average').trim();
  const label = words(kind ?? '') + (subject ? ` in ${learningAreaName(subject) === subject ? words(subject) : learningAreaName(subject)}` : '');
  return label.charAt(0).toUpperCase() + label.slice(1);
}

/** A goal's measure and target in words: "% at ME or above in Mathematics · target 80%", "Lessons completed · target 20". */
export function programGoalTargetText(metric: string | null | undefined, target: number | null | undefined, format: (n: number) => string): string {
  const hasTarget = target !== null && target !== undefined;
  const shownTarget = hasTarget ? `${format(target)}${findProgramGoalMetric(metric)?.percent ? '%' : ''}` : '';
  if (!metric) return hasTarget ? `Target\u00a0${shownTarget}` : '';
  // A no-break space keeps "target 150" together when the line wraps.
  return hasTarget ? `${programGoalMetricLabel(metric)} · target\u00a0${shownTarget}` : programGoalMetricLabel(metric);
}
