import { useId, useState, type FormEvent } from 'react';
import { Loader2 } from 'lucide-react';
import { RUBRIC_LABELS } from '@/components/partner/children/child-format';
import { isApiError } from '@/lib/api';
import type { GeneratedLesson } from '@/types/partner';

/** A list edited as one item a line. */
const lines = (text: string) => text.split('\n').map((l) => l.trim()).filter((l) => l.length > 0);

interface Draft {
  title: string;
  summary: string;
  keyInquiryQuestion: string;
  learningOutcomes: string;
  resourcesNeeded: string;
  activities: { title: string; durationMinutes: string; steps: string }[];
  rubric: string[];
}

const toDraft = (l: GeneratedLesson): Draft => ({
  title: l.title,
  summary: l.summary,
  keyInquiryQuestion: l.keyInquiryQuestion,
  learningOutcomes: l.learningOutcomes.join('\n'),
  resourcesNeeded: l.resourcesNeeded.join('\n'),
  activities: l.activities.map((a) => ({ title: a.title, durationMinutes: String(a.durationMinutes), steps: a.steps.join('\n') })),
  rubric: l.rubric.map((r) => r.descriptor),
});

const toLesson = (d: Draft, original: GeneratedLesson): GeneratedLesson => ({
  ...original,
  title: d.title.trim(),
  summary: d.summary.trim(),
  keyInquiryQuestion: d.keyInquiryQuestion.trim(),
  learningOutcomes: lines(d.learningOutcomes),
  resourcesNeeded: lines(d.resourcesNeeded),
  activities: d.activities.map((a) => ({ title: a.title.trim(), durationMinutes: Number(a.durationMinutes), steps: lines(a.steps) })),
  rubric: original.rubric.map((r, i) => ({ level: r.level, descriptor: (d.rubric[i] ?? '').trim() })),
});

/** What the editor checks before sending (the API checks the same and answers per field, as `lesson.activities[1].steps`). */
function problemsOf(lesson: GeneratedLesson): Record<string, string> {
  const p: Record<string, string> = {};
  if (!lesson.title) p['lesson.title'] = 'Give the lesson a title.';
  if (!lesson.summary) p['lesson.summary'] = 'Say in a sentence what the lesson is.';
  if (!lesson.keyInquiryQuestion) p['lesson.keyInquiryQuestion'] = 'Write the key inquiry question.';
  if (lesson.learningOutcomes.length === 0) p['lesson.learningOutcomes'] = 'Write at least one learning outcome, one a line.';
  lesson.activities.forEach((a, i) => {
    if (!a.title) p[`lesson.activities[${i}].title`] = 'Name the activity.';
    if (!Number.isInteger(a.durationMinutes) || a.durationMinutes < 1 || a.durationMinutes > 180)
      p[`lesson.activities[${i}].durationMinutes`] = 'From 1 to 180 minutes.';
    if (a.steps.length === 0) p[`lesson.activities[${i}].steps`] = 'Write at least one step, one a line.';
  });
  lesson.rubric.forEach((r, i) => {
    if (!r.descriptor) p[`lesson.rubric[${i}].descriptor`] = 'Describe this level.';
  });
  return p;
}

/** Edits a draft's lesson field by field; lists are one item a line. */
export function LessonEditor({ lesson, saving, onSave, onCancel }: {
  lesson: GeneratedLesson;
  saving: boolean;
  onSave: (lesson: GeneratedLesson) => Promise<unknown>;
  onCancel: () => void;
}) {
  const id = useId();
  const [draft, setDraft] = useState<Draft>(() => toDraft(lesson));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const edited = toLesson(draft, lesson);
    const problems = problemsOf(edited);
    setErrors(problems);
    if (Object.keys(problems).length > 0) return;
    try {
      await onSave(edited);
    } catch (err) {
      if (!isApiError(err)) throw err;
      const byField: Record<string, string> = {};
      for (const [k, msgs] of Object.entries(err.errors ?? {})) byField[k.replace(/\[(\d+)\]\.steps\[\d+\]$/, '[$1].steps').replace(/^lesson\.(learningOutcomes|resourcesNeeded)\[\d+\]$/, 'lesson.$1')] = msgs.join(' ');
      if (Object.keys(byField).length === 0) byField.form = err.detail ?? err.message;
      setErrors(byField);
    }
  };

  const fid = (name: string) => `${id}-${name.replace(/[^a-z0-9]/gi, '-')}`;
  const Error = ({ name }: { name: string }) =>
    errors[name] ? <p id={`${fid(name)}-error`} className="text-xs text-brand-text">{errors[name]}</p> : null;
  const aria = (name: string) => ({ 'aria-invalid': !!errors[name], 'aria-describedby': errors[name] ? `${fid(name)}-error` : undefined });
  const Label = ({ name, children }: { name: string; children: string }) => (
    <label htmlFor={fid(name)} className="text-xs font-medium text-fg-muted">{children}</label>
  );

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-4" data-testid="lesson-editor" aria-label="Edit the lesson">
      <div className="flex flex-col gap-1.5">
        <Label name="lesson.title">Title</Label>
        <input id={fid('lesson.title')} className="input" maxLength={200} value={draft.title} onChange={(e) => set('title', e.target.value)}
          {...aria('lesson.title')} data-testid="edit-title" />
        <Error name="lesson.title" />
      </div>
      <div className="flex flex-col gap-1.5">
        <Label name="lesson.summary">Summary</Label>
        <textarea id={fid('lesson.summary')} className="input min-h-16" maxLength={600} value={draft.summary} onChange={(e) => set('summary', e.target.value)}
          {...aria('lesson.summary')} />
        <Error name="lesson.summary" />
      </div>
      <div className="flex flex-col gap-1.5">
        <Label name="lesson.keyInquiryQuestion">Key inquiry question</Label>
        <input id={fid('lesson.keyInquiryQuestion')} className="input" maxLength={600} value={draft.keyInquiryQuestion}
          onChange={(e) => set('keyInquiryQuestion', e.target.value)} {...aria('lesson.keyInquiryQuestion')} />
        <Error name="lesson.keyInquiryQuestion" />
      </div>
      <div className="flex flex-col gap-1.5">
        <Label name="lesson.learningOutcomes">Learning outcomes (one a line)</Label>
        <textarea id={fid('lesson.learningOutcomes')} className="input min-h-24" value={draft.learningOutcomes}
          onChange={(e) => set('learningOutcomes', e.target.value)} {...aria('lesson.learningOutcomes')} data-testid="edit-outcomes" />
        <Error name="lesson.learningOutcomes" />
      </div>

      <fieldset className="flex flex-col gap-3">
        <legend className="text-sm font-semibold text-fg">Activities</legend>
        {draft.activities.map((a, i) => {
          const at = `lesson.activities[${i}]`;
          const change = (patch: Partial<Draft['activities'][number]>) =>
            set('activities', draft.activities.map((x, j) => (j === i ? { ...x, ...patch } : x)));
          return (
            <div key={i} className="grid gap-2 rounded-lg border border-line p-3 sm:grid-cols-[1fr_8rem]">
              <div className="flex flex-col gap-1.5">
                <Label name={`${at}.title`}>{`Activity ${i + 1}`}</Label>
                <input id={fid(`${at}.title`)} className="input" value={a.title} onChange={(e) => change({ title: e.target.value })} {...aria(`${at}.title`)} />
                <Error name={`${at}.title`} />
              </div>
              <div className="flex flex-col gap-1.5">
                <Label name={`${at}.durationMinutes`}>Minutes</Label>
                <input id={fid(`${at}.durationMinutes`)} className="input" type="number" min={1} max={180} inputMode="numeric" value={a.durationMinutes}
                  onChange={(e) => change({ durationMinutes: e.target.value })} {...aria(`${at}.durationMinutes`)} data-testid={`edit-minutes-${i}`} />
                <Error name={`${at}.durationMinutes`} />
              </div>
              <div className="flex flex-col gap-1.5 sm:col-span-2">
                <Label name={`${at}.steps`}>Steps (one a line)</Label>
                <textarea id={fid(`${at}.steps`)} className="input min-h-20" value={a.steps} onChange={(e) => change({ steps: e.target.value })} {...aria(`${at}.steps`)} />
                <Error name={`${at}.steps`} />
              </div>
            </div>
          );
        })}
      </fieldset>

      <fieldset className="grid gap-3 sm:grid-cols-2">
        <legend className="mb-1 text-sm font-semibold text-fg">Assessment rubric</legend>
        {lesson.rubric.map((r, i) => {
          const at = `lesson.rubric[${i}].descriptor`;
          return (
            <div key={r.level} className="flex flex-col gap-1.5">
              <Label name={at}>{RUBRIC_LABELS[r.level]}</Label>
              <textarea id={fid(at)} className="input min-h-16" value={draft.rubric[i]} {...aria(at)}
                onChange={(e) => set('rubric', draft.rubric.map((x, j) => (j === i ? e.target.value : x)))} />
              <Error name={at} />
            </div>
          );
        })}
      </fieldset>

      <div className="flex flex-col gap-1.5">
        <Label name="lesson.resourcesNeeded">Resources needed (one a line)</Label>
        <textarea id={fid('lesson.resourcesNeeded')} className="input min-h-20" value={draft.resourcesNeeded}
          onChange={(e) => set('resourcesNeeded', e.target.value)} {...aria('lesson.resourcesNeeded')} />
        <Error name="lesson.resourcesNeeded" />
      </div>

      {errors.form && <p role="alert" className="text-sm text-brand-text">{errors.form}</p>}
      {Object.keys(errors).length > 0 && !errors.form && <p role="alert" className="text-sm text-brand-text">Some fields need attention.</p>}
      <div className="flex flex-wrap justify-end gap-2">
        <button type="button" className="btn-secondary" onClick={onCancel} disabled={saving}>Cancel</button>
        <button type="submit" className="btn-primary" disabled={saving} data-testid="save-draft">
          {saving && <Loader2 className="size-4 animate-spin" aria-hidden="true" />}
          {saving ? 'Saving…' : 'Save draft'}
        </button>
      </div>
    </form>
  );
}
