import { RUBRIC_LABELS, learningAreaName } from './child-format';

/** "Reach ME in Mathematics", "150 minutes a week", … */
export function describeGoal(kind: string, target: string, learningAreaCode: string | null | undefined): string {
  switch (kind) {
    case 'rubric_level':
      return `Reach ${target} (${RUBRIC_LABELS[target as keyof typeof RUBRIC_LABELS] ?? target}) in ${learningAreaName(learningAreaCode) || 'a learning area'}`;
    case 'weekly_minutes':
      return `${target} minutes of learning a week`;
    case 'streak_days':
      return `A ${target}-day learning streak`;
    case 'lessons_completed':
      return `${target} lessons completed`;
    default:
      return `${kind}: ${target}`;
  }
}
