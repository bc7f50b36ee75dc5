import { useRef } from 'react';
import { useFieldArray, useFormState, useWatch, type Control, type FieldErrors, type UseFormRegister } from 'react-hook-form';
import { Plus, Trash2 } from 'lucide-react';
import { FormField, fieldIds } from './FormField';
import { findProgramGoalMetric, programGoalMetricLabel, PROGRAM_GOAL_METRIC_GROUPS } from './program-goal-metrics';
import { MAX_GOALS, type ProgramFormValues } from './program-schema';

export interface ProgramGoalsFieldsetProps {
  /** The form's id prefix, so each goal's fields get unique ids. */
  idPrefix: string;
  control: Control<ProgramFormValues>;
  register: UseFormRegister<ProgramFormValues>;
  errors: FieldErrors<ProgramFormValues>;
}

/** The program's sponsorship goals (optional, up to {@link MAX_GOALS}): a title, a metric and a target each. */
export function ProgramGoalsFieldset({ idPrefix, control, register, errors }: ProgramGoalsFieldsetProps) {
  const goals = useFieldArray({ control, name: 'goals' });
  const { field, described } = fieldIds(idPrefix);
  const metrics = useWatch({ control, name: 'goals' })?.map((g) => g?.metric ?? '') ?? [];
  // react-hook-form validates the whole list when a row is appended, so a new, empty row would show "needs a title"
  // before the partner typed anything. A row's errors show once its field was left, or after the next submit.
  const { touchedFields, submitCount } = useFormState({ control });
  const addedAt = useRef<Map<string, number> | null>(null);
  addedAt.current ??= new Map(goals.fields.map((row) => [row.id, -1]));
  const adding = useRef(false);
  // Rows the partner adds (not those the program already had) remember the submit count they were added at.
  if (adding.current) {
    for (const row of goals.fields) if (!addedAt.current.has(row.id)) addedAt.current.set(row.id, submitCount);
    adding.current = false;
  }
  const shown = (rowId: string, i: number, name: 'title' | 'metric' | 'target') => {
    const error = errors.goals?.[i]?.[name];
    const touched = touchedFields.goals?.[i]?.[name];
    return touched || submitCount > (addedAt.current?.get(rowId) ?? -1) ? error : undefined;
  };

  return (
    <fieldset className="flex flex-col gap-3 rounded-lg border border-line p-3">
      <legend className="px-1 text-xs font-medium text-fg-muted">Sponsorship goals ({goals.fields.length}/{MAX_GOALS})</legend>
      {goals.fields.length === 0 && <p className="text-xs text-fg-subtle">Optional: what this sponsorship aims for, e.g. “80% of children meeting expectations in Mathematics”.</p>}
      {goals.fields.map((g, i) => {
        const e = { title: shown(g.id, i, 'title'), metric: shown(g.id, i, 'metric'), target: shown(g.id, i, 'target') };
        return (
          <div key={g.id} className="grid grid-cols-1 gap-2 sm:grid-cols-[2fr_1.6fr_1fr_auto] sm:items-start" data-testid={`goal-row-${i}`}>
            <FormField label={`Goal ${i + 1} title`} htmlFor={field(`goal-${i}-title`)} error={e?.title} errorId={`${field(`goal-${i}-title`)}-error`} required>
              <input id={field(`goal-${i}-title`)} className="input" aria-invalid={!!e?.title} aria-describedby={described(`goal-${i}-title`, e?.title)} {...register(`goals.${i}.title`)} />
            </FormField>
            <FormField label="Measured by" htmlFor={field(`goal-${i}-metric`)} error={e?.metric} errorId={`${field(`goal-${i}-metric`)}-error`}>
              <select
                id={field(`goal-${i}-metric`)}
                className="input"
                aria-invalid={!!e?.metric}
                aria-describedby={described(`goal-${i}-metric`, e?.metric)}
                {...register(`goals.${i}.metric`)}
              >
                <option value="">Not measured</option>
                {PROGRAM_GOAL_METRIC_GROUPS.map((group) => (
                  <optgroup key={group.label} label={group.label}>
                    {group.metrics.map((m) => (
                      <option key={m.value} value={m.value}>
                        {m.label}
                      </option>
                    ))}
                  </optgroup>
                ))}
                {/* A metric typed before the list existed stays selectable, so editing never loses it. */}
                {metrics[i] && !findProgramGoalMetric(metrics[i]) && <option value={metrics[i]}>{programGoalMetricLabel(metrics[i])}</option>}
              </select>
            </FormField>
            <FormField
              label={findProgramGoalMetric(metrics[i]) ? `Target (${findProgramGoalMetric(metrics[i])!.unit})` : 'Target'}
              htmlFor={field(`goal-${i}-target`)}
              error={e?.target}
              errorId={`${field(`goal-${i}-target`)}-error`}
              required={!!metrics[i]}
            >
              <input id={field(`goal-${i}-target`)} className="input" inputMode="decimal" aria-invalid={!!e?.target} aria-describedby={described(`goal-${i}-target`, e?.target)} {...register(`goals.${i}.target`)} />
            </FormField>
            <button type="button" className="btn-ghost justify-self-end p-2 sm:mt-6 sm:self-start" onClick={() => goals.remove(i)} aria-label={`Remove goal ${i + 1}`}>
              <Trash2 className="size-4" aria-hidden="true" />
            </button>
          </div>
        );
      })}
      {errors.goals?.message && <p className="text-xs text-brand-text">{errors.goals.message}</p>}
      <button
        type="button"
        className="btn-ghost self-start px-2 py-1.5 text-xs"
        onClick={() => {
          adding.current = true;
          goals.append({ title: '', metric: '', target: '' }, { shouldFocus: true });
        }}
        disabled={goals.fields.length >= MAX_GOALS}
      >
        <Plus className="size-3.5" aria-hidden="true" /> Add a goal
      </button>
    </fieldset>
  );
}
