import { useState } from 'react';
import { Archive, BarChart3, BookOpen, Pencil, Plus, Send } from 'lucide-react';
import { ListPager, PartnerBadge, PartnerEmptyState, PartnerLoadingSkeleton, PartnerPageHeader, preloadPartnerChart } from '@/components/partner/shared';
import { CourseBuilder } from '@/components/partner/courses/CourseBuilder';
import { CourseMonitoringPanel } from '@/components/partner/courses/CourseMonitoringPanel';
import { EMPTY_DRAFT, draftOf, type CourseDraft } from '@/components/partner/courses/course-draft';
import { isApiError } from '@/lib/api';
import { getCourse, useChangeCourseStatus, useCourses, type CourseListParams } from '@/services/partner/courses';
import { usePrograms } from '@/services/partner/programs';
import type { SponsoredCourseSummary } from '@/types/partner';

void preloadPartnerChart();

type Mode = { kind: 'list' } | { kind: 'build'; draft: CourseDraft } | { kind: 'monitor'; id: string };

const PAGE_SIZE = 10;

/** Sponsored Courses: the partner's courses with their status, the builder, and each course's monitoring. */
export default function SponsoredCoursesPage() {
  const [filters, setFilters] = useState<CourseListParams>({ status: '', programId: '', search: '', page: 1, pageSize: PAGE_SIZE });
  const [mode, setMode] = useState<Mode>({ kind: 'list' });
  const courses = useCourses(filters);
  const programs = usePrograms({ pageSize: 100 });
  const status = useChangeCourseStatus();
  const [opening, setOpening] = useState<string | null>(null);
  const set = (next: Partial<CourseListParams>) => setFilters({ ...filters, page: 1, ...next });

  const edit = async (id: string) => {
    setOpening(id);
    try {
      setMode({ kind: 'build', draft: draftOf(await getCourse(id)) });
    } finally {
      setOpening(null);
    }
  };

  return (
    <div data-testid="sponsored-courses-page">
      <PartnerPageHeader
        title="Sponsored Courses"
        description="Courses you assemble from platform lessons and your approved resources, offered to your programs, and how consented children take them."
        breadcrumbs={[{ label: 'Content' }, { label: 'Sponsored Courses' }]}
        actions={
          <button type="button" className="btn btn-primary" onClick={() => setMode({ kind: 'build', draft: EMPTY_DRAFT })} data-testid="new-course">
            <Plus className="size-4" aria-hidden /> New course
          </button>
        }
      />
      {mode.kind === 'build' && (
        <div className="mb-6">
          <CourseBuilder key={mode.draft.id ?? 'new'} initial={mode.draft} onCancel={() => setMode({ kind: 'list' })} onSaved={() => setMode({ kind: 'list' })} />
        </div>
      )}
      {mode.kind === 'monitor' && (
        <div className="mb-6">
          <CourseMonitoringPanel courseId={mode.id} onClose={() => setMode({ kind: 'list' })} />
        </div>
      )}

      <section className="card flex flex-col gap-3 p-4" aria-label="Courses">
        <div className="grid grid-cols-1 gap-2 sm:grid-cols-3">
          <select className="input" aria-label="Status" value={filters.status} onChange={(e) => set({ status: e.target.value as CourseListParams['status'] })}>
            <option value="">All statuses</option>
            <option value="draft">Draft</option>
            <option value="published">Published</option>
            <option value="archived">Archived</option>
          </select>
          <select className="input" aria-label="Program" value={filters.programId} onChange={(e) => set({ programId: e.target.value })}>
            <option value="">All programs</option>
            {programs.data?.items.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
          </select>
          <input className="input" type="search" aria-label="Search courses" placeholder="Search by title" value={filters.search} onChange={(e) => set({ search: e.target.value })} />
        </div>
        {status.error && <p className="text-sm text-brand-text" role="alert">{statusMessage(status.error)}</p>}
        {courses.isPending ? (
          <PartnerLoadingSkeleton variant="table" count={3} />
        ) : courses.isError ? (
          <PartnerEmptyState title="Courses could not be loaded" description={courses.error.message} testId="courses-error" />
        ) : courses.data.items.length === 0 ? (
          <PartnerEmptyState
            icon={BookOpen}
            title={filters.status || filters.programId || filters.search ? 'No course matches these filters' : 'No sponsored courses yet'}
            description="Build one from platform lessons and the resources Elimu approved, then publish it to your programs."
            testId="courses-empty"
          />
        ) : (
          <ul className="divide-y divide-line" data-testid="course-list">
            {courses.data.items.map((c) => (
              <CourseRow key={c.id} course={c} busy={status.isPending || opening === c.id}
                onEdit={() => void edit(c.id)} onMonitor={() => setMode({ kind: 'monitor', id: c.id })}
                onStatus={(action) => status.mutate({ id: c.id, action })} />
            ))}
          </ul>
        )}
        {courses.data && (
          <ListPager page={filters.page ?? 1} pages={Math.ceil(courses.data.total / PAGE_SIZE)} total={courses.data.total} noun="courses"
            onPage={(page) => setFilters({ ...filters, page })} />
        )}
      </section>
    </div>
  );
}

function statusMessage(error: unknown) {
  if (!isApiError(error)) return 'The course could not be changed.';
  const first = error.errors && Object.values(error.errors)[0]?.[0];
  return first ?? error.message;
}

interface CourseRowProps {
  course: SponsoredCourseSummary;
  busy: boolean;
  onEdit: () => void;
  onMonitor: () => void;
  onStatus: (action: 'publish' | 'archive') => void;
}

function CourseRow({ course: c, busy, onEdit, onMonitor, onStatus }: CourseRowProps) {
  return (
    <li className="flex flex-col gap-2 py-3 sm:flex-row sm:items-center sm:justify-between" data-testid="course-row">
      <div className="min-w-0">
        <div className="flex flex-wrap items-center gap-2">
          <span className="font-medium">{c.title}</span>
          <PartnerBadge status={c.status} />
        </div>
        <p className="text-sm text-fg-muted">
          {c.grade.replace('Grade', 'Grade ')} · {c.learningAreaName} · {c.lessons} {c.lessons === 1 ? 'lesson' : 'lessons'}, {c.resources}{' '}
          {c.resources === 1 ? 'resource' : 'resources'}
        </p>
        <p className="text-sm text-fg-muted">{c.targetPrograms.length === 0 ? 'No program chosen yet' : c.targetPrograms.map((p) => p.name).join(', ')}</p>
      </div>
      <div className="flex flex-wrap gap-1">
        {c.status !== 'draft' && (
          <button type="button" className="btn btn-secondary" onClick={onMonitor} aria-label={`Monitor ${c.title}`}>
            <BarChart3 className="size-4" aria-hidden /> Monitor
          </button>
        )}
        {c.status !== 'archived' && (
          <button type="button" className="btn btn-secondary" onClick={onEdit} disabled={busy} aria-label={`Edit ${c.title}`}>
            <Pencil className="size-4" aria-hidden /> Edit
          </button>
        )}
        {c.status !== 'published' && (
          <button type="button" className="btn btn-primary" onClick={() => onStatus('publish')} disabled={busy} aria-label={`Publish ${c.title}`}>
            <Send className="size-4" aria-hidden /> Publish
          </button>
        )}
        {c.status !== 'archived' && (
          <button type="button" className="btn btn-ghost" onClick={() => onStatus('archive')} disabled={busy} aria-label={`Archive ${c.title}`}>
            <Archive className="size-4" aria-hidden /> Archive
          </button>
        )}
      </div>
    </li>
  );
}
