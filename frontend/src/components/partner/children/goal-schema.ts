import { z } from 'zod';
import type { ChildGoalKind } from '@/types/partner';
import { RUBRIC_LEVELS } from './child-format';

// A child's goals: what a goal can measure and the editor's rules (checked before the server sees them). How a goal
// reads in a sentence is in describe-goal.ts, apart from zod, so the goals list loads without the editor's code.

export const MAX_CHILD_GOALS = 10;

export const GOAL_KINDS: { value: ChildGoalKind; label: string; unit: string }[] = [
  { value: 'rubric_level', label: 'Rubric level in a learning area', unit: '' },
  { value: 'weekly_minutes', label: 'Minutes of learning a week', unit: 'minutes a week' },
  { value: 'streak_days', label: 'Days in a row', unit: 'days in a row' },
  { value: 'lessons_completed', label: 'Lessons completed', unit: 'lessons' },
];

const goalRow = z
  .object({
    id: z.string(),
    kind: z.enum(['rubric_level', 'weekly_minutes', 'streak_days', 'lessons_completed'], { message: 'Choose what the goal measures.' }),
    learningAreaCode: z.string(),
    target: z.string().trim(),
    dueDate: z.string(),
  })
  .superRefine((g, ctx) => {
    if (g.kind === 'rubric_level') {
      if (!g.learningAreaCode) ctx.addIssue({ code: 'custom', path: ['learningAreaCode'], message: 'A rubric goal needs a learning area.' });
      if (!(RUBRIC_LEVELS as string[]).includes(g.target)) ctx.addIssue({ code: 'custom', path: ['target'], message: 'Target must be a rubric level: EE, ME, AE or BE.' });
    } else if (!/^\d+$/.test(g.target) || Number(g.target) <= 0) {
      ctx.addIssue({ code: 'custom', path: ['target'], message: 'Target must be a whole number greater than zero.' });
    }
  });

export const goalsFormSchema = z.object({ goals: z.array(goalRow).max(MAX_CHILD_GOALS, `Set at most ${MAX_CHILD_GOALS} goals per child.`) });
export type GoalsForm = z.input<typeof goalsFormSchema>;
