import { useId, useState, type FormEvent } from 'react';
import { Loader2, WandSparkles } from 'lucide-react';
import { isApiError } from '@/lib/api';
import { useAiResourceOptions, useGenerateLesson } from '@/services/partner/ai-resources';
import type { AiResourceView, CbcGrade } from '@/types/partner';

export const PROMPT_MIN = 3;
export const PROMPT_MAX = 1000;

interface Values {
  prompt: string;
  grade: CbcGrade | '';
  learningArea: string;
  resourceType: 'lesson' | 'material';
}

const EMPTY: Values = { prompt: '', grade: '', learningArea: '', resourceType: 'lesson' };

/**
 * The prompt form: what to teach, for which grade and learning area. The areas offered are those taught in the chosen
 * grade; generating takes a few seconds with a provider, so the button says so and the form waits.
 */
export function GenerateLessonForm({ onGenerated }: { onGenerated: (resource: AiResourceView) => void }) {
  const id = useId();
  const options = useAiResourceOptions();
  const generate = useGenerateLesson();
  const [values, setValues] = useState<Values>(EMPTY);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set = <K extends keyof Values>(key: K, value: Values[K]) => setValues((v) => ({ ...v, [key]: value }));

  const areas = (options.data?.learningAreas ?? []).filter((a) => values.grade === '' || a.grades.includes(values.grade));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const prompt = values.prompt.trim();
    const problems: Record<string, string> = {};
    if (prompt.length < PROMPT_MIN) problems.prompt = 'Describe what the lesson should teach.';
    if (prompt.length > PROMPT_MAX) problems.prompt = `Keep the request under ${PROMPT_MAX} characters.`;
    if (values.grade === '') problems.grade = 'Choose a grade.';
    if (values.learningArea === '') problems.learningArea = 'Choose a learning area.';
    setErrors(problems);
    if (Object.keys(problems).length > 0) return;
    try {
      const resource = await generate.mutateAsync({ prompt, grade: values.grade as CbcGrade, learningArea: values.learningArea, resourceType: values.resourceType });
      onGenerated(resource);
    } catch (err) {
      if (!isApiError(err)) throw err;
      const byField: Record<string, string> = {};
      for (const [k, msgs] of Object.entries(err.errors ?? {})) byField[k] = msgs.join(' ');
      if (Object.keys(byField).length === 0) byField.form = err.detail ?? err.message;
      setErrors(byField);
    }
  };

  const field = (name: string) => `${id}-${name}`;
  const aria = (name: string) => ({ 'aria-invalid': !!errors[name], 'aria-describedby': errors[name] ? `${field(name)}-error` : undefined });
  const ErrorText = ({ name }: { name: string }) =>
    errors[name] ? <p id={`${field(name)}-error`} className="text-xs text-brand-text">{errors[name]}</p> : null;
  const busy = generate.isPending;

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-3" data-testid="generate-form" aria-label="Generate a lesson" aria-busy={busy}>
      <div className="flex flex-col gap-1.5">
        <label htmlFor={field('prompt')} className="text-xs font-medium text-fg-muted">What should the lesson teach?</label>
        <textarea id={field('prompt')} className="input min-h-24" maxLength={PROMPT_MAX} value={values.prompt} disabled={busy}
          placeholder="e.g. Fractions with halves and quarters, using fruit from the market"
          onChange={(e) => set('prompt', e.target.value)} {...aria('prompt')} aria-required data-testid="prompt" />
        <ErrorText name="prompt" />
      </div>
      <div className="grid grid-cols-2 gap-3">
        <div className="flex flex-col gap-1.5">
          <label htmlFor={field('grade')} className="text-xs font-medium text-fg-muted">Grade</label>
          <select id={field('grade')} className="input" value={values.grade} disabled={busy} {...aria('grade')} aria-required data-testid="grade"
            onChange={(e) => {
              const grade = e.target.value as CbcGrade | '';
              const stillTaught = options.data?.learningAreas.find((a) => a.code === values.learningArea)?.grades.includes(grade as CbcGrade);
              setValues((v) => ({ ...v, grade, learningArea: stillTaught ? v.learningArea : '' }));
            }}>
            <option value="">Choose a grade</option>
            {(options.data?.grades ?? []).map((g) => <option key={g.value} value={g.value}>{g.label}</option>)}
          </select>
          <ErrorText name="grade" />
        </div>
        <div className="order-last col-span-2 flex flex-col gap-1.5">
          <label htmlFor={field('learningArea')} className="text-xs font-medium text-fg-muted">Learning area</label>
          <select id={field('learningArea')} className="input" value={values.learningArea} disabled={busy} {...aria('learningArea')} aria-required
            data-testid="learning-area" onChange={(e) => set('learningArea', e.target.value)}>
            <option value="">Choose a learning area</option>
            {areas.map((a) => <option key={a.code} value={a.code}>{a.name}</option>)}
          </select>
          <ErrorText name="learningArea" />
        </div>
        <div className="flex flex-col gap-1.5">
          <label htmlFor={field('resourceType')} className="text-xs font-medium text-fg-muted">Kind</label>
          <select id={field('resourceType')} className="input" value={values.resourceType} disabled={busy} {...aria('resourceType')}
            onChange={(e) => set('resourceType', e.target.value as Values['resourceType'])}>
            <option value="lesson">Lesson plan</option>
            <option value="material">Learning material</option>
          </select>
          <ErrorText name="resourceType" />
        </div>
      </div>
      {errors.form && <p role="alert" className="text-sm text-brand-text">{errors.form}</p>}
      <div className="flex justify-end">
        <button type="submit" className="btn-primary" disabled={busy} data-testid="generate">
          {busy ? <Loader2 className="size-4 animate-spin" aria-hidden="true" /> : <WandSparkles className="size-4" aria-hidden="true" />}
          {busy ? 'Generating…' : 'Generate lesson'}
        </button>
      </div>
      <p role="status" aria-live="polite" className="sr-only">{busy ? 'Generating the lesson, this can take a few seconds.' : ''}</p>
    </form>
  );
}
