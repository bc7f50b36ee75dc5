import { useState } from 'react';
import { Plus } from 'lucide-react';
import { ListPager, PartnerEmptyState, PartnerLoadingSkeleton } from '@/components/partner/shared';
import { useCatalogLessons, useCatalogResources } from '@/services/partner/courses';
import type { AiResourceOptions } from '@/types/partner';
import type { DraftItem } from './course-draft';

interface PickerProps {
  added: DraftItem[];
  onAdd: (item: DraftItem) => void;
}

const has = (added: DraftItem[], kind: string, id: string) => added.some((i) => i.kind === kind && i.refId === id);

/** Platform lessons by grade, learning area and title, ten at a time. */
export function LessonPicker({ added, onAdd, options, grade, learningArea }: PickerProps & { options?: AiResourceOptions; grade: string; learningArea: string }) {
  const [filters, setFilters] = useState({ grade, learningArea, search: '' });
  const [page, setPage] = useState(1);
  const lessons = useCatalogLessons({ ...filters, page });
  const set = (next: Partial<typeof filters>) => { setFilters({ ...filters, ...next }); setPage(1); };
  return (
    <section className="flex flex-col gap-2" aria-label="Platform lessons" data-testid="lesson-picker">
      <h3 className="font-medium">Platform lessons</h3>
      <div className="grid grid-cols-1 gap-2 sm:grid-cols-3">
        <select className="input" aria-label="Lesson grade" value={filters.grade} onChange={(e) => set({ grade: e.target.value })}>
          <option value="">All grades</option>
          {options?.grades.map((g) => <option key={g.value} value={g.value}>{g.label}</option>)}
        </select>
        <select className="input" aria-label="Lesson learning area" value={filters.learningArea} onChange={(e) => set({ learningArea: e.target.value })}>
          <option value="">All areas</option>
          {options?.learningAreas.map((a) => <option key={a.code} value={a.code}>{a.name}</option>)}
        </select>
        <input className="input" type="search" aria-label="Search lessons" placeholder="Search lessons" value={filters.search} onChange={(e) => set({ search: e.target.value })} />
      </div>
      {lessons.isPending ? (
        <PartnerLoadingSkeleton variant="table" count={3} />
      ) : lessons.isError ? (
        <PartnerEmptyState compact title="Lessons could not be loaded" description={lessons.error.message} />
      ) : lessons.data.items.length === 0 ? (
        <PartnerEmptyState compact title="No lesson matches" description="Try another grade, area or word." />
      ) : (
        <ul className="divide-y divide-line rounded-md border border-line">
          {lessons.data.items.map((l) => (
            <li key={l.id} className="flex items-center justify-between gap-2 px-3 py-2 text-sm">
              <span className="min-w-0">
                <span className="block truncate font-medium">{l.title}</span>
                <span className="block truncate text-fg-muted">{l.courseTitle} · lesson {l.sequence} · {l.durationMinutes} min</span>
              </span>
              <button type="button" className="btn btn-secondary shrink-0" aria-label={`Add ${l.title}`} disabled={has(added, 'lesson', l.id)}
                onClick={() => onAdd({ kind: 'lesson', refId: l.id, title: l.title, detail: `${l.courseTitle} · lesson ${l.sequence}` })}>
                <Plus className="size-4" aria-hidden /> Add
              </button>
            </li>
          ))}
        </ul>
      )}
      {lessons.data && (
        <ListPager page={page} pages={Math.ceil(lessons.data.total / lessons.data.pageSize)} total={lessons.data.total} noun="lessons" onPage={setPage} />
      )}
    </section>
  );
}

/** The partner's resources Elimu approved. */
export function ResourcePicker({ added, onAdd }: PickerProps) {
  const [page, setPage] = useState(1);
  const resources = useCatalogResources('', page);
  return (
    <section className="flex flex-col gap-2" aria-label="Approved resources" data-testid="resource-picker">
      <h3 className="font-medium">Your approved resources</h3>
      {resources.isPending ? (
        <PartnerLoadingSkeleton variant="table" count={2} />
      ) : resources.isError ? (
        <PartnerEmptyState compact title="Resources could not be loaded" description={resources.error.message} />
      ) : resources.data.items.length === 0 ? (
        <PartnerEmptyState compact title="No approved resources yet" description="Resources you contribute can be added once Elimu approves them." />
      ) : (
        <ul className="divide-y divide-line rounded-md border border-line">
          {resources.data.items.map((r) => (
            <li key={r.id} className="flex items-center justify-between gap-2 px-3 py-2 text-sm">
              <span className="min-w-0">
                <span className="block truncate font-medium">{r.title}</span>
                <span className="block truncate text-fg-muted">{r.resourceType}</span>
              </span>
              <button type="button" className="btn btn-secondary shrink-0" aria-label={`Add ${r.title}`} disabled={has(added, 'resource', r.id)}
                onClick={() => onAdd({ kind: 'resource', refId: r.id, title: r.title, detail: r.resourceType })}>
                <Plus className="size-4" aria-hidden /> Add
              </button>
            </li>
          ))}
        </ul>
      )}
      {resources.data && (
        <ListPager page={page} pages={Math.ceil(resources.data.total / resources.data.pageSize)} total={resources.data.total} noun="resources" onPage={setPage} />
      )}
    </section>
  );
}
