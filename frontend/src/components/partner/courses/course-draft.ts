import type { CourseItemKind, SaveCourseRequest, SponsoredCourse } from '@/types/partner';

/** One step of the course being built, with what the builder shows of it. */
export interface DraftItem {
  kind: CourseItemKind;
  refId: string;
  title: string;
  detail: string;
}

/** The builder's copy of a course until it is saved. */
export interface CourseDraft {
  id: string | null;
  title: string;
  description: string;
  grade: string;
  learningArea: string;
  items: DraftItem[];
  programs: string[];
}

export const EMPTY_DRAFT: CourseDraft = { id: null, title: '', description: '', grade: 'Grade5', learningArea: 'MATH', items: [], programs: [] };

export const draftOf = (c: SponsoredCourse): CourseDraft => ({
  id: c.id,
  title: c.title,
  description: c.description ?? '',
  grade: c.grade,
  learningArea: c.learningArea,
  items: c.items.map((i) => ({ kind: i.kind, refId: (i.kind === 'lesson' ? i.lessonId : i.resourceId) ?? '', title: i.title, detail: i.detail })),
  programs: c.targetPrograms.map((p) => p.id),
});

export const requestOf = (d: CourseDraft): SaveCourseRequest => ({
  title: d.title,
  description: d.description || null,
  grade: d.grade as SaveCourseRequest['grade'],
  learningArea: d.learningArea,
  items: d.items.map((i) => (i.kind === 'lesson' ? { kind: 'lesson', lessonId: i.refId, resourceId: null } : { kind: 'resource', lessonId: null, resourceId: i.refId })),
  targetPrograms: d.programs,
});

/** The item moved one place up (-1) or down (+1); the list unchanged at either end. */
export function move<T>(list: T[], index: number, by: -1 | 1): T[] {
  const to = index + by;
  if (to < 0 || to >= list.length) return list;
  const next = [...list];
  [next[index], next[to]] = [next[to]!, next[index]!];
  return next;
}
