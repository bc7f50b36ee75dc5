import { useState, type ReactNode } from 'react';
import { useFieldArray, useForm, useWatch, type Control, type FieldErrors, type UseFormRegister } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { CalendarClock, Loader2, Pencil, Plus, Sparkles, Target, Trash2 } from 'lucide-react';
import { PartnerBadge, PartnerBentoCard, PartnerEmptyState } from '@/components/partner/shared';
import { applyServerErrors } from '@/components/partner/sponsorships/program-schema';
import { cn } from '@/lib/cn';
import { formatDate, formatNumber } from '@/lib/format';
import { useSetChildGoals } from '@/services/partner/sponsorships';
import { toast } from '@/store/toastStore';
import type { ChildGoalInput, ChildGoalKind, ChildGoalResponse, ChildGoalsResponse } from '@/types/partner';
import { GOAL_STATUS_LABELS, GOAL_STATUS_TONES, LEARNING_AREAS, RUBRIC_LABELS, RUBRIC_LEVELS, learningAreaName } from './child-format';

export const MAX_CHILD_GOALS = 10;

const KINDS: { value: ChildGoalKind; label: string; unit: string }[] = [
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
type GoalsForm = z.input<typeof goalsFormSchema>;

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

/** Goals tab: each goal's computed progress and status, AI milestones, and an editor (add, change, remove). */
export function GoalsView({ childId, data }: { childId: string; data: ChildGoalsResponse }) {
  const [editing, setEditing] = useState(false);
  return (
    <div className="flex flex-col gap-4" data-testid="view-goals">
      {editing ? (
        <GoalsEditor childId={childId} goals={data.goals} onDone={() => setEditing(false)} />
      ) : (
        <PartnerBentoCard
          title="Goals"
          description="Set by you; progress is computed from the child’s learning records"
          icon={Target}
          colSpan={4}
          action={
            <button type="button" className="btn-secondary px-3 py-1.5 text-xs" onClick={() => setEditing(true)} data-testid="edit-goals">
              <Pencil className="size-3.5" aria-hidden="true" />
              {data.goals.length ? 'Edit goals' : 'Set goals'}
            </button>
          }
        >
          {data.goals.length === 0 ? (
            <PartnerEmptyState compact icon={Target} title="No goals yet" description="Set up to ten goals: a rubric level in a learning area, weekly minutes, a streak or lessons completed." />
          ) : (
            <ul className="grid grid-cols-1 gap-3 md:grid-cols-2" data-testid="goal-list">
              {data.goals.map((g) => (
                <GoalCard key={g.progress.goalId} goal={g} />
              ))}
            </ul>
          )}
        </PartnerBentoCard>
      )}

      {data.aiMilestones.length > 0 && (
        <PartnerBentoCard title="Suggested milestones" icon={Sparkles} colSpan={4} testId="ai-milestones">
          <ul className="flex flex-col gap-2 text-sm">
            {data.aiMilestones.map((m, i) => (
              <li key={`${m.title}-${i}`} className="flex items-start justify-between gap-3">
                <div>
                  <p className="text-fg">{m.title}</p>
                  {m.description && <p className="text-xs text-fg-muted">{m.description}</p>}
                </div>
                <div className="shrink-0 text-right text-xs text-fg-subtle">
                  {m.achieved ? <PartnerBadge tone="success">Achieved</PartnerBadge> : m.targetDate ? `By ${formatDate(m.targetDate)}` : null}
                  {m.provider && <p className="mt-0.5">Suggested by {m.provider}</p>}
                </div>
              </li>
            ))}
          </ul>
        </PartnerBentoCard>
      )}
    </div>
  );
}

function GoalCard({ goal }: { goal: ChildGoalResponse }) {
  const p = goal.progress;
  const barTone = p.status === 'achieved' ? 'bg-ok' : p.status === 'on_track' ? 'bg-sky-400' : p.status === 'at_risk' ? 'bg-amber-400' : 'bg-brand';
  const title = describeGoal(p.kind, p.target, p.learningAreaCode);
  return (
    <li className="rounded-lg border border-line bg-elevated/40 p-3" data-testid="goal" data-status={p.status}>
      <div className="flex items-start justify-between gap-2">
        <p className="text-sm font-medium text-fg">{title}</p>
        <PartnerBadge tone={GOAL_STATUS_TONES[p.status]} testId="goal-status">
          {GOAL_STATUS_LABELS[p.status]}
        </PartnerBadge>
      </div>
      <div className="mt-2 h-2 rounded-full bg-elevated" role="progressbar" aria-label={`${title}: ${p.percent}% done`} aria-valuemin={0} aria-valuemax={100} aria-valuenow={p.percent}>
        <div className={cn('h-full rounded-full', barTone)} style={{ width: `${Math.min(100, p.percent)}%` }} />
      </div>
      <div className="mt-1.5 flex flex-wrap justify-between gap-2 text-xs text-fg-muted">
        <span>
          {formatNumber(p.percent)}% · now {p.current ?? '—'} of {p.target}
        </span>
        {p.dueDate && (
          <span className="inline-flex items-center gap-1">
            <CalendarClock className="size-3" aria-hidden="true" />
            Due {formatDate(p.dueDate)}
            {p.daysLeft !== null && p.status !== 'achieved' && (p.daysLeft >= 0 ? ` · ${p.daysLeft} days left` : ` · ${-p.daysLeft} days late`)}
          </span>
        )}
      </div>
    </li>
  );
}

function GoalsEditor({ childId, goals, onDone }: { childId: string; goals: ChildGoalResponse[]; onDone: () => void }) {
  const save = useSetChildGoals(childId);
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const {
    register,
    control,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<GoalsForm>({
    resolver: zodResolver(goalsFormSchema),
    defaultValues: {
      goals: goals.map((g) => ({
        id: g.goal.id ?? g.progress.goalId,
        kind: (g.goal.kind ?? g.progress.kind) as ChildGoalKind,
        learningAreaCode: g.goal.learningAreaCode ?? '',
        target: g.goal.target ?? g.progress.target,
        dueDate: g.goal.dueDate ?? '',
      })),
    },
  });
  const rows = useFieldArray({ control, name: 'goals' });

  const submit = handleSubmit(async (values) => {
    setFormErrors([]);
    const body: ChildGoalInput[] = values.goals.map((g) => ({
      id: g.id || null,
      kind: g.kind,
      learningAreaCode: g.kind === 'rubric_level' ? g.learningAreaCode || null : null,
      target: g.target.trim(),
      dueDate: g.dueDate || null,
    }));
    try {
      await save.mutateAsync(body);
      toast.success('Goals saved.');
      onDone();
    } catch (error) {
      setFormErrors(applyServerErrors(error, setError, (path) => /^goals\.\d+\.(kind|learningAreaCode|target|dueDate)$/.test(path)));
    }
  });

  return (
    <form onSubmit={submit} noValidate className="card flex flex-col gap-4 p-4 sm:p-5" data-testid="goals-editor" aria-label="Edit goals">
      <div className="flex items-start justify-between gap-3">
        <div>
          <h2 className="text-sm font-semibold text-fg">Edit goals</h2>
          <p className="mt-0.5 text-xs text-fg-subtle">Up to {MAX_CHILD_GOALS} goals. Saving replaces the child’s goals with this list.</p>
        </div>
        <span className="text-xs text-fg-muted">
          {rows.fields.length}/{MAX_CHILD_GOALS}
        </span>
      </div>

      {formErrors.length > 0 && (
        <div role="alert" className="rounded-lg border border-brand/40 bg-brand-soft px-3 py-2 text-sm text-fg" data-testid="goals-form-error">
          {formErrors.map((m) => (
            <p key={m}>{m}</p>
          ))}
        </div>
      )}
      {errors.goals?.root?.message && <p className="text-xs text-brand-text">{errors.goals.root.message}</p>}
      {errors.goals?.message && <p className="text-xs text-brand-text">{errors.goals.message}</p>}

      {rows.fields.length === 0 && <p className="text-sm text-fg-subtle">No goals. Add one below, or save to clear them all.</p>}
      <ol className="flex flex-col gap-3">
        {rows.fields.map((f, i) => (
          <GoalRow key={f.id} index={i} control={control} register={register} errors={errors} onRemove={() => rows.remove(i)} />
        ))}
      </ol>

      <div className="flex flex-wrap items-center gap-2">
        <button
          type="button"
          className="btn-ghost px-2 py-1.5 text-xs"
          onClick={() => rows.append({ id: '', kind: 'weekly_minutes', learningAreaCode: '', target: '150', dueDate: '' })}
          disabled={rows.fields.length >= MAX_CHILD_GOALS}
          data-testid="add-goal"
        >
          <Plus className="size-3.5" aria-hidden="true" /> Add a goal
        </button>
        <span className="ml-auto flex gap-2">
          <button type="button" className="btn-secondary" onClick={onDone}>
            Cancel
          </button>
          <button type="submit" className="btn-primary" disabled={save.isPending} data-testid="save-goals">
            {save.isPending && <Loader2 className="size-4 animate-spin" aria-hidden="true" />}
            Save goals
          </button>
        </span>
      </div>
    </form>
  );
}

function GoalRow({
  index,
  control,
  register,
  errors,
  onRemove,
}: {
  index: number;
  control: Control<GoalsForm>;
  register: UseFormRegister<GoalsForm>;
  errors: FieldErrors<GoalsForm>;
  onRemove: () => void;
}) {
  const kind = useWatch({ control, name: `goals.${index}.kind` });
  const e = errors.goals?.[index];
  const id = (name: string) => `goal-${index}-${name}`;
  const err = (name: 'kind' | 'learningAreaCode' | 'target' | 'dueDate') => e?.[name]?.message;
  const unit = KINDS.find((k) => k.value === kind)?.unit;

  return (
    <li className="grid grid-cols-1 gap-2 rounded-lg border border-line bg-elevated/40 p-3 sm:grid-cols-[1.4fr_1.2fr_1fr_1fr_auto] sm:items-start" data-testid={`goal-editor-row-${index}`}>
      <EditorField id={id('kind')} label={`Goal ${index + 1}: measures`} error={err('kind')}>
        <select id={id('kind')} className="input" aria-invalid={!!err('kind')} aria-describedby={err('kind') ? `${id('kind')}-error` : undefined} {...register(`goals.${index}.kind`)}>
          {KINDS.map((k) => (
            <option key={k.value} value={k.value}>
              {k.label}
            </option>
          ))}
        </select>
      </EditorField>
      {kind === 'rubric_level' ? (
        <EditorField id={id('area')} label="Learning area" error={err('learningAreaCode')}>
          <select
            id={id('area')}
            className="input"
            aria-invalid={!!err('learningAreaCode')}
            aria-describedby={err('learningAreaCode') ? `${id('area')}-error` : undefined}
            {...register(`goals.${index}.learningAreaCode`)}
          >
            <option value="">Choose…</option>
            {LEARNING_AREAS.map((a) => (
              <option key={a.code} value={a.code}>
                {a.name}
              </option>
            ))}
          </select>
        </EditorField>
      ) : (
        <div className="hidden sm:block" aria-hidden="true" />
      )}
      <EditorField id={id('target')} label={kind === 'rubric_level' ? 'Target level' : `Target (${unit})`} error={err('target')}>
        {kind === 'rubric_level' ? (
          <select id={id('target')} className="input" aria-invalid={!!err('target')} aria-describedby={err('target') ? `${id('target')}-error` : undefined} {...register(`goals.${index}.target`)}>
            <option value="">Choose…</option>
            {RUBRIC_LEVELS.map((l) => (
              <option key={l} value={l}>
                {l} · {RUBRIC_LABELS[l].split(' ')[0]}
              </option>
            ))}
          </select>
        ) : (
          <input id={id('target')} className="input" inputMode="numeric" aria-invalid={!!err('target')} aria-describedby={err('target') ? `${id('target')}-error` : undefined} {...register(`goals.${index}.target`)} />
        )}
      </EditorField>
      <EditorField id={id('due')} label="Due date (optional)" error={err('dueDate')}>
        <input id={id('due')} type="date" className="input" {...register(`goals.${index}.dueDate`)} />
      </EditorField>
      <button type="button" className="btn-ghost justify-self-end p-2 text-xs sm:mt-6 sm:self-start" onClick={onRemove} aria-label={`Remove goal ${index + 1}`}>
        <Trash2 className="size-4" aria-hidden="true" />
        <span className="sm:hidden" aria-hidden="true">
          Remove
        </span>
      </button>
    </li>
  );
}

function EditorField({ id, label, error, children }: { id: string; label: string; error?: string; children: ReactNode }) {
  return (
    <div className="flex min-w-0 flex-col gap-1">
      <label htmlFor={id} className="text-xs font-medium text-fg-muted">
        {label}
      </label>
      {children}
      {error && (
        <p id={`${id}-error`} className="text-xs text-brand-text">
          {error}
        </p>
      )}
    </div>
  );
}
