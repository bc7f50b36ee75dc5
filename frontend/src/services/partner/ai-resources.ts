import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api';
import { toQuery } from '@/lib/query-string';
import type { AiResourceOptions, AiResourceView, GenerateLessonRequest, GeneratedLesson, PagedAiResources } from '@/types/partner';

// Partner · Content · AI-generated resources (/api/v1/partner/content/ai-generate, /ai-resources): plan Step 11's
// generateContent(), the partner's drafts, their edits and their submission for review.

export const CONTENT_BASE = '/api/v1/partner/content';
const RESOURCES = `${CONTENT_BASE}/ai-resources`;

export const aiResourceKeys = {
  all: ['partner', 'ai-resources'] as const,
  options: () => [...aiResourceKeys.all, 'options'] as const,
  lists: () => [...aiResourceKeys.all, 'list'] as const,
  list: (page: number) => [...aiResourceKeys.lists(), page] as const,
  detail: (id: string) => [...aiResourceKeys.all, 'detail', id] as const,
};

export const getAiResourceOptions = (signal?: AbortSignal) => api.get<AiResourceOptions>(`${RESOURCES}/options`, { signal });
export const getAiResources = (page: number, pageSize: number, signal?: AbortSignal) =>
  api.get<PagedAiResources>(`${RESOURCES}${toQuery({ page, pageSize })}`, { signal });
export const getAiResource = (id: string, signal?: AbortSignal) => api.get<AiResourceView>(`${RESOURCES}/${id}`, { signal });
export const generateLesson = (body: GenerateLessonRequest) => api.post<AiResourceView>(`${CONTENT_BASE}/ai-generate`, body);
export const updateAiResource = (id: string, lesson: GeneratedLesson) => api.put<AiResourceView>(`${RESOURCES}/${id}`, { lesson });
export const submitAiResource = (id: string) => api.post<AiResourceView>(`${RESOURCES}/${id}/submit`);

export const aiResourceOptionsQuery = () =>
  queryOptions({ queryKey: aiResourceKeys.options(), queryFn: ({ signal }) => getAiResourceOptions(signal), staleTime: Infinity });

export const useAiResourceOptions = () => useQuery(aiResourceOptionsQuery());

export const useAiResources = (page: number, pageSize: number) =>
  useQuery({ queryKey: aiResourceKeys.list(page), queryFn: ({ signal }) => getAiResources(page, pageSize, signal) });

export const useAiResource = (id: string) =>
  useQuery({ queryKey: aiResourceKeys.detail(id), queryFn: ({ signal }) => getAiResource(id, signal), enabled: id !== '' });

/** After a write: the resource as the API now has it, and the drafts list refetched. */
function useSaved() {
  const client = useQueryClient();
  return (resource: AiResourceView) => {
    client.setQueryData(aiResourceKeys.detail(resource.id), resource);
    void client.invalidateQueries({ queryKey: aiResourceKeys.lists() });
  };
}

export function useGenerateLesson() {
  const saved = useSaved();
  return useMutation({ mutationFn: generateLesson, onSuccess: saved });
}

export function useUpdateAiResource(id: string) {
  const saved = useSaved();
  return useMutation({ mutationFn: (lesson: GeneratedLesson) => updateAiResource(id, lesson), onSuccess: saved });
}

export function useSubmitAiResource(id: string) {
  const saved = useSaved();
  return useMutation({ mutationFn: () => submitAiResource(id), onSuccess: saved });
}
