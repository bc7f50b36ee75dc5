import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api';
import { toQuery } from '@/lib/query-string';
import type { CourseView, PagedCourses, PagedWebinars, TeamTrainingProgress, WebinarView } from '@/types/partner';

// Partner · Support · Training (/api/v1/partner/support/training/*): webinars and seats, courses and completions.

export const TRAINING_BASE = '/api/v1/partner/support/training';

export type WebinarWhen = 'upcoming' | 'past';

export const trainingKeys = {
  all: ['partner', 'training'] as const,
  webinars: (when: WebinarWhen) => [...trainingKeys.all, 'webinars', when] as const,
  courses: () => [...trainingKeys.all, 'courses'] as const,
  course: (slug: string) => [...trainingKeys.all, 'course', slug] as const,
  team: () => [...trainingKeys.all, 'team'] as const,
};

export const webinarsQueryOptions = (when: WebinarWhen) =>
  queryOptions({
    queryKey: trainingKeys.webinars(when),
    queryFn: ({ signal }) => api.get<PagedWebinars>(`${TRAINING_BASE}/webinars${toQuery({ when, pageSize: 50 })}`, { signal }),
  });

export const coursesQueryOptions = () =>
  queryOptions({
    queryKey: trainingKeys.courses(),
    queryFn: ({ signal }) => api.get<PagedCourses>(`${TRAINING_BASE}/courses${toQuery({ pageSize: 100 })}`, { signal }),
  });

export const courseQueryOptions = (slug: string) =>
  queryOptions({
    queryKey: trainingKeys.course(slug),
    queryFn: ({ signal }) => api.get<CourseView>(`${TRAINING_BASE}/courses/${encodeURIComponent(slug)}`, { signal }),
  });

export const teamTrainingQueryOptions = () =>
  queryOptions({
    queryKey: trainingKeys.team(),
    queryFn: ({ signal }) => api.get<TeamTrainingProgress>(`${TRAINING_BASE}/team-progress`, { signal }),
  });

export const useWebinars = (when: WebinarWhen) => useQuery(webinarsQueryOptions(when));
export const useCourses = () => useQuery(coursesQueryOptions());
export const useCourse = (slug: string) => useQuery({ ...courseQueryOptions(slug), enabled: slug !== '' });
export const useTeamTraining = (enabled: boolean) => useQuery({ ...teamTrainingQueryOptions(), enabled });

const seat = (id: string) => `${TRAINING_BASE}/webinars/${id}/registration`;

/** Take or give back the member's seat; the answer is the webinar as it now stands, put straight into the list. */
export function useWebinarSeat() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ webinar, register }: { webinar: WebinarView; register: boolean }) =>
      register ? api.put<WebinarView>(seat(webinar.id), {}) : api.delete<WebinarView>(seat(webinar.id)),
    onSuccess: (updated) => {
      queryClient.setQueryData<PagedWebinars>(trainingKeys.webinars('upcoming'), (page) =>
        page ? { ...page, items: page.items.map((w) => (w.id === updated.id ? updated : w)) } : page,
      );
    },
    onError: () => void queryClient.invalidateQueries({ queryKey: trainingKeys.webinars('upcoming') }), // a seat may have gone meanwhile
  });
}

/** Mark a module finished or not; the course, the course list and the owner's table follow. */
export function useModuleCompletion(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ module, done }: { module: string; done: boolean }) => {
      const url = `${TRAINING_BASE}/courses/${encodeURIComponent(slug)}/modules/${encodeURIComponent(module)}/completion`;
      return done ? api.put<CourseView>(url, {}) : api.delete<CourseView>(url);
    },
    onSuccess: (course) => {
      queryClient.setQueryData(trainingKeys.course(slug), course);
      void queryClient.invalidateQueries({ queryKey: trainingKeys.courses() });
      void queryClient.invalidateQueries({ queryKey: trainingKeys.team() });
    },
  });
}
