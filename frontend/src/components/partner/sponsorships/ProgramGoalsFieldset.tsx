import { useFieldArray, type Control, type FieldErrors, type UseFormRegister } from 'react-hook-form';
import { Plus, Trash2 } from 'lucide-react';
import { FormField, fieldIds } from './FormField';
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

  return (
    <fieldset className="flex flex-col gap-3 rounded-lg border border-line p-3">
      <legend className="px-1 text-xs font-medium text-fg-muted">Sponsorship goals ({goals.fields.length}/{MAX_GOALS})</legend>
      {goals.fields.length === 0 && <p className="text-xs text-fg-subtle">Optional: what this sponsorship aims for, e.g. “80% of children meeting expectations in Mathematics”.</p>}
      {goals.fields.map((g, i) => {
        const e = errors.goals?.[i];
        return (
          <div key={g.id} className="grid grid-cols-1 gap-2 sm:grid-cols-[2fr_1fr_1fr_auto] sm:items-start" data-testid={`goal-row-${i}`}>
            <FormField label={`Goal ${i + 1} title`} htmlFor={field(`goal-${i}-title`)} error={e?.title} errorId={`${field(`goal-${i}-title`)}-error`}>
              <input id={field(`goal-${i}-title`)} className="input" aria-invalid={!!e?.title} aria-describedby={described(`goal-${i}-title`, e?.title)} {...register(`goals.${i}.title`)} />
            </FormField>
            <FormField label="Metric" htmlFor={field(`goal-${i}-metric`)} error={e?.metric} errorId={`${field(`goal-${i}-metric`)}-error`}>
              <input id={field(`goal-${i}-metric`)} className="input" placeholder="e.g. percent ME+" {...register(`goals.${i}.metric`)} />
            </FormField>
            <FormField label="Target" htmlFor={field(`goal-${i}-target`)} error={e?.target} errorId={`${field(`goal-${i}-target`)}-error`}>
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
        onClick={() => goals.append({ title: '', metric: '', target: '' })}
        disabled={goals.fields.length >= MAX_GOALS}
      >
        <Plus className="size-3.5" aria-hidden="true" /> Add a goal
      </button>
    </fieldset>
  );
}
