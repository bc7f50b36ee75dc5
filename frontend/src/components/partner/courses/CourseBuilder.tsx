import { useState } from 'react';
import { ArrowDown, ArrowUp, Save, Trash2, X } from 'lucide-react';
import { isApiError } from '@/lib/api';
import { useAiResourceOptions } from '@/services/partner/ai-resources';
import { useSaveCourse } from '@/services/partner/courses';
import { usePrograms } from '@/services/partner/programs';
import type { SponsoredCourse } from '@/types/partner';
import { LessonPicker, ResourcePicker } from './CoursePickers';
import { move, requestOf, type CourseDraft } from './course-draft';

interface CourseBuilderProps {
  initial: CourseDraft;
  onSaved: (course: SponsoredCourse) => void;
  onCancel: () => void;
}

/** Programs whose children no longer learn: not offered (the API refuses them too). */
const ENDED = ['COMPLETED', 'CANCELLED'];

/** Title, grade and area; the ordered items, picked from platform lessons and approved resources; the programs. Shows the API's 400/422 messages where they belong. */
export function CourseBuilder({ initial, onSaved, onCancel }: CourseBuilderProps) {
  const [draft, setDraft] = useState<CourseDraft>(initial);
  const options = useAiResourceOptions();
  const programs = usePrograms({ pageSize: 100 });
  const save = useSaveCourse();
  const problem = isApiError(save.error) ? save.error : null;
  const field = (name: string) => problem?.fieldErrors(name)[0];
  const set = (next: Partial<CourseDraft>) => setDraft({ ...draft, ...next });

  const onSave = async () => {
    const saved = await save.mutateAsync({ id: draft.id, body: requestOf(draft) }).catch(() => null);
    if (saved) onSaved(saved);
  };

  return (
    <section className="card flex flex-col gap-4 p-4" aria-label="Course builder" data-testid="course-builder">
      <div className="flex items-center justify-between gap-2">
        <h2 className="font-semibold">{draft.id ? 'Edit course' : 'New course'}</h2>
        <button type="button" className="btn btn-ghost" onClick={onCancel} aria-label="Close the builder"><X className="size-4" aria-hidden /></button>
      </div>
      <div className="grid grid-cols-1 gap-3 md:grid-cols-2">
        <label className="flex flex-col text-sm md:col-span-2">
          Title
          <input className="input" value={draft.title} onChange={(e) => set({ title: e.target.value })} aria-label="Course title" />
          {field('title') && <span className="text-brand-text">{field('title')}</span>}
        </label>
        <label className="flex flex-col text-sm md:col-span-2">
          Description
          <textarea className="input min-h-16" value={draft.description} onChange={(e) => set({ description: e.target.value })} aria-label="Course description" />
        </label>
        <label className="flex flex-col text-sm">
          Grade
          <select className="input" value={draft.grade} onChange={(e) => set({ grade: e.target.value })} aria-label="Course grade">
            {options.data?.grades.map((g) => <option key={g.value} value={g.value}>{g.label}</option>)}
          </select>
          {field('grade') && <span className="text-brand-text">{field('grade')}</span>}
        </label>
        <label className="flex flex-col text-sm">
          Learning area
          <select className="input" value={draft.learningArea} onChange={(e) => set({ learningArea: e.target.value })} aria-label="Course learning area">
            {options.data?.learningAreas.map((a) => <option key={a.code} value={a.code}>{a.name}</option>)}
          </select>
          {field('learningArea') && <span className="text-brand-text">{field('learningArea')}</span>}
        </label>
      </div>

      <fieldset className="flex flex-col gap-2 text-sm">
        <legend className="font-medium">Programs taking the course</legend>
        {programs.data?.items.filter((p) => !ENDED.includes(p.status)).map((p) => {
          const index = draft.programs.indexOf(p.id);
          return (
            <label key={p.id} className="flex flex-wrap items-center gap-2">
              <input type="checkbox" checked={index >= 0}
                onChange={() => set({ programs: index >= 0 ? draft.programs.filter((id) => id !== p.id) : [...draft.programs, p.id] })} />
              {p.name}
              {index >= 0 && field(`targetPrograms[${index}]`) && <span className="text-brand-text">{field(`targetPrograms[${index}]`)}</span>}
            </label>
          );
        })}
        {field('targetPrograms') && <span className="text-brand-text">{field('targetPrograms')}</span>}
      </fieldset>

      <div className="flex flex-col gap-2">
        <h3 className="font-medium">Items, in the order children take them</h3>
        {draft.items.length === 0 ? (
          <p className="text-sm text-fg-muted" data-testid="course-items-empty">No items yet: add lessons and resources below.</p>
        ) : (
          <ol className="flex flex-col gap-2" data-testid="course-items">
            {draft.items.map((item, i) => (
              <li key={`${item.kind}-${item.refId}`} className="rounded-md border border-line px-3 py-2 text-sm">
                <div className="flex items-center gap-2">
                  <span className="w-6 shrink-0 tabular-nums text-fg-muted">{i + 1}.</span>
                  <span className="min-w-0 flex-1">
                    <span className="block truncate font-medium">{item.title}</span>
                    <span className="block truncate text-fg-muted">{item.kind === 'lesson' ? 'Lesson' : 'Resource'} · {item.detail}</span>
                  </span>
                  <button type="button" className="btn btn-ghost px-1.5" aria-label={`Move ${item.title} up`} disabled={i === 0} onClick={() => set({ items: move(draft.items, i, -1) })}>
                    <ArrowUp className="size-4" aria-hidden />
                  </button>
                  <button type="button" className="btn btn-ghost px-1.5" aria-label={`Move ${item.title} down`} disabled={i === draft.items.length - 1}
                    onClick={() => set({ items: move(draft.items, i, 1) })}>
                    <ArrowDown className="size-4" aria-hidden />
                  </button>
                  <button type="button" className="btn btn-ghost px-1.5" aria-label={`Remove ${item.title}`} onClick={() => set({ items: draft.items.filter((_, j) => j !== i) })}>
                    <Trash2 className="size-4" aria-hidden />
                  </button>
                </div>
                {field(`items[${i}]`) && <p className="mt-1 text-brand-text" data-testid={`item-error-${i}`}>{field(`items[${i}]`)}</p>}
              </li>
            ))}
          </ol>
        )}
        {field('items') && <p className="text-sm text-brand-text">{field('items')}</p>}
      </div>

      <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
        <LessonPicker added={draft.items} onAdd={(item) => set({ items: [...draft.items, item] })} options={options.data} grade={draft.grade} learningArea={draft.learningArea} />
        <ResourcePicker added={draft.items} onAdd={(item) => set({ items: [...draft.items, item] })} />
      </div>

      {problem && !problem.errors && <p className="text-sm text-brand-text" role="alert">{problem.message}</p>}
      {problem?.errors && <p className="text-sm text-brand-text" role="alert">Some items or programs cannot be used: see the messages above.</p>}
      <div className="flex flex-wrap gap-2">
        <button type="button" className="btn btn-primary" onClick={() => void onSave()} disabled={save.isPending} data-testid="save-course">
          <Save className="size-4" aria-hidden /> {draft.id ? 'Save changes' : 'Save draft'}
        </button>
        <button type="button" className="btn btn-secondary" onClick={onCancel}>Cancel</button>
      </div>
    </section>
  );
}
