import { cloneElement, isValidElement, type ReactNode } from 'react';
import { useWatch, type Control, type FieldErrors, type UseFormRegister } from 'react-hook-form';
import { Trash2 } from 'lucide-react';
import { REQUIRED_MARK } from '@/components/partner/sponsorships/FormField';
import { cn } from '@/lib/cn';
import { LEARNING_AREAS, RUBRIC_LABELS, RUBRIC_LEVELS } from './child-format';
import { GOAL_KINDS, type GoalsForm } from './goal-schema';

export interface GoalRowProps {
  index: number;
  control: Control<GoalsForm>;
  register: UseFormRegister<GoalsForm>;
  errors: FieldErrors<GoalsForm>;
  onRemove: () => void;
}

/** One goal in the editor: what it measures, the learning area (rubric goals only), the target and a due date. */
export function GoalRow({ index, control, register, errors, onRemove }: GoalRowProps) {
  const kind = useWatch({ control, name: `goals.${index}.kind` });
  const e = errors.goals?.[index];
  const id = (name: string) => `goal-${index}-${name}`;
  const err = (name: 'kind' | 'learningAreaCode' | 'target' | 'dueDate') => e?.[name]?.message;
  const unit = GOAL_KINDS.find((k) => k.value === kind)?.unit;

  return (
    <li className="grid grid-cols-1 gap-2 rounded-lg border border-line bg-elevated/40 p-3 sm:grid-cols-[1.4fr_1.2fr_1fr_1fr_auto] sm:items-start" data-testid={`goal-editor-row-${index}`}>
      <EditorField id={id('kind')} label={`Goal ${index + 1}: measures`} error={err('kind')} required>
        <select id={id('kind')} className="input" aria-invalid={!!err('kind')} aria-describedby={err('kind') ? `${id('kind')}-error` : undefined} {...register(`goals.${index}.kind`)}>
          {GOAL_KINDS.map((k) => (
            <option key={k.value} value={k.value}>
              {k.label}
            </option>
          ))}
        </select>
      </EditorField>
      {kind === 'rubric_level' ? (
        <EditorField id={id('area')} label="Learning area" error={err('learningAreaCode')} required>
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
      <EditorField id={id('target')} label={kind === 'rubric_level' ? 'Target level' : `Target (${unit})`} error={err('target')} required>
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

/** A label (with an asterisk, and `aria-required` on the control, when required), the control and its error. */
function EditorField({ id, label, error, required, children }: { id: string; label: string; error?: string; required?: boolean; children: ReactNode }) {
  return (
    <div className="flex min-w-0 flex-col gap-1">
      <label htmlFor={id} className={cn('text-xs font-medium text-fg-muted', required && REQUIRED_MARK)} data-required={required ? 'true' : undefined}>
        {label}
      </label>
      {required && isValidElement<{ 'aria-required'?: boolean }>(children) ? cloneElement(children, { 'aria-required': true }) : children}
      {error && (
        <p id={`${id}-error`} className="text-xs text-brand-text">
          {error}
        </p>
      )}
    </div>
  );
}
