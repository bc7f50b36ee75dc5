import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api';
import { toQuery } from '@/lib/query-string';
import type {
  CourseMonitoring,
  PagedCatalogLessons,
  PagedCatalogResources,
  PagedSponsoredCourses,
  SaveCourseRequest,
  SponsoredCourse,
  SponsoredCourseStatus,
} from '@/types/partner';

// Partner · Content · Sponsored courses (/api/v1/partner/content/courses): plan Step 11's getCourses(), the builder's
// pickers, the course's states and its monitoring.

const COURSES = '/api/v1/partner/content/courses';

export interface CourseListParams {
  status?: SponsoredCourseStatus | '';
  programId?: string;
  search?: string;
  page?: number;
  pageSize?: number;
}

export interface LessonPickerParams {
  grade?: string;
  learningArea?: string;
  search?: string;
  page?: number;
}

export const courseKeys = {
  all: ['partner', 'courses'] as const,
  lists: () => [...courseKeys.all, 'list'] as const,
  list: (params: CourseListParams) => [...courseKeys.lists(), params] as const,
  detail: (id: string) => [...courseKeys.all, 'detail', id] as const,
  monitoring: (id: string) => [...courseKeys.all, 'monitoring', id] as const,
  lessons: (params: LessonPickerParams) => [...courseKeys.all, 'catalog-lessons', params] as const,
  resources: (search: string, page: number) => [...courseKeys.all, 'catalog-resources', search, page] as const,
};

export const getCourses = (params: CourseListParams, signal?: AbortSignal) =>
  api.get<PagedSponsoredCourses>(`${COURSES}${toQuery({ ...params })}`, { signal });
export const getCourse = (id: string, signal?: AbortSignal) => api.get<SponsoredCourse>(`${COURSES}/${id}`, { signal });
export const getCourseMonitoring = (id: string, signal?: AbortSignal) => api.get<CourseMonitoring>(`${COURSES}/${id}/monitoring`, { signal });
export const getCatalogLessons = (params: LessonPickerParams, signal?: AbortSignal) =>
  api.get<PagedCatalogLessons>(`${COURSES}/catalog/lessons${toQuery({ ...params, pageSize: 10 })}`, { signal });
export const getCatalogResources = (search: string, page: number, signal?: AbortSignal) =>
  api.get<PagedCatalogResources>(`${COURSES}/catalog/resources${toQuery({ search, page, pageSize: 10 })}`, { signal });
export const saveCourse = (id: string | null, body: SaveCourseRequest) =>
  id ? api.put<SponsoredCourse>(`${COURSES}/${id}`, body) : api.post<SponsoredCourse>(COURSES, body);
export const changeCourseStatus = (id: string, action: 'publish' | 'archive') => api.post<SponsoredCourse>(`${COURSES}/${id}/${action}`);

export const coursesQuery = (params: CourseListParams) =>
  queryOptions({ queryKey: courseKeys.list(params), queryFn: ({ signal }) => getCourses(params, signal), placeholderData: keepPreviousData });

export const useCourses = (params: CourseListParams) => useQuery(coursesQuery(params));

export const useCourse = (id: string | null) =>
  useQuery({ queryKey: courseKeys.detail(id ?? ''), queryFn: ({ signal }) => getCourse(id!, signal), enabled: !!id });

export const useCourseMonitoring = (id: string) =>
  useQuery({ queryKey: courseKeys.monitoring(id), queryFn: ({ signal }) => getCourseMonitoring(id, signal) });

export const useCatalogLessons = (params: LessonPickerParams) =>
  useQuery({ queryKey: courseKeys.lessons(params), queryFn: ({ signal }) => getCatalogLessons(params, signal), placeholderData: keepPreviousData });

export const useCatalogResources = (search: string, page: number) =>
  useQuery({ queryKey: courseKeys.resources(search, page), queryFn: ({ signal }) => getCatalogResources(search, page, signal), placeholderData: keepPreviousData });

/** After a write: the course as the API now has it, the lists and its figures refetched. */
function useSaved() {
  const client = useQueryClient();
  return (course: SponsoredCourse) => {
    client.setQueryData(courseKeys.detail(course.id), course);
    void client.invalidateQueries({ queryKey: courseKeys.lists() });
    void client.invalidateQueries({ queryKey: courseKeys.monitoring(course.id) });
  };
}

export function useSaveCourse() {
  const saved = useSaved();
  return useMutation({ mutationFn: ({ id, body }: { id: string | null; body: SaveCourseRequest }) => saveCourse(id, body), onSuccess: saved });
}

export function useChangeCourseStatus() {
  const saved = useSaved();
  return useMutation({ mutationFn: ({ id, action }: { id: string; action: 'publish' | 'archive' }) => changeCourseStatus(id, action), onSuccess: saved });
}
