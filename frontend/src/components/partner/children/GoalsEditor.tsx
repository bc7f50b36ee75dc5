import { useState } from 'react';
import { useFieldArray, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { Loader2, Plus } from 'lucide-react';
import { applyServerErrors } from '@/components/partner/sponsorships/program-schema';
import { useSetChildGoals } from '@/services/partner/children';
import { toast } from '@/store/toastStore';
import type { ChildGoalInput, ChildGoalKind, ChildGoalResponse } from '@/types/partner';
import { goalsFormSchema, MAX_CHILD_GOALS, type GoalsForm } from './goal-schema';
import { GoalRow } from './GoalRow';

export interface GoalsEditorProps {
  childId: string;
  goals: ChildGoalResponse[];
  /** After saving, or on Cancel. */
  onDone: () => void;
}

/** Edits a child's goals as one list: saving replaces them all; the server's field errors land under the fields. */
export function GoalsEditor({ childId, goals, onDone }: GoalsEditorProps) {
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
    // A field is checked once left (or on save), never while the partner has not touched it yet.
    mode: 'onTouched',
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
          <p className="mt-0.5 text-xs text-fg-subtle">
            Up to {MAX_CHILD_GOALS} goals. Saving replaces the child’s goals with this list. Fields marked <span className="text-brand-text">*</span> are required.
          </p>
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
