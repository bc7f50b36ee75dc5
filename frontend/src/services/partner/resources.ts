import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api, readCookie, XSRF_COOKIE, XSRF_HEADER } from '@/lib/api';
import { toQuery } from '@/lib/query-string';
import type { PagedResources, ProblemDetails, ResourceStatus, ResourceType, ResourceView, UpdateResourceRequest } from '@/types/partner';
import { aiResourceKeys, CONTENT_BASE } from './ai-resources';

// Partner · Content · Resource contributions (/api/v1/partner/content/resources): upload with progress, the list with
// its review status, changes, deletion and the file itself.

const BASE = `${CONTENT_BASE}/resources`;

export interface ResourceListParams {
  status?: ResourceStatus | '';
  type?: ResourceType | '';
  programId?: string;
  search?: string;
  page?: number;
  pageSize?: number;
}

export const resourceKeys = {
  all: ['partner', 'resources'] as const,
  lists: () => [...resourceKeys.all, 'list'] as const,
  list: (params: ResourceListParams) => [...resourceKeys.lists(), params] as const,
};

export const fileUrl = (id: string, inline = false) => `${BASE}/${encodeURIComponent(id)}/file${inline ? '?inline=true' : ''}`;

export const getResources = (params: ResourceListParams, signal?: AbortSignal) =>
  api.get<PagedResources>(`${BASE}${toQuery({ ...params })}`, { signal });

export const useResources = (params: ResourceListParams) =>
  useQuery({ queryKey: resourceKeys.list(params), queryFn: ({ signal }) => getResources(params, signal), placeholderData: keepPreviousData });

/** The server's limits and accepted kinds, checked here too so a wrong file gets the same answer before a byte is sent. */
export const RESOURCE_RULES = {
  maxBytes: 50 * 1024 * 1024,
  allowed: 'PDF, Word (DOCX), PowerPoint (PPTX), Excel (XLSX), MP4 video, MP3 audio, PNG or JPEG',
  accept: '.pdf,.docx,.pptx,.xlsx,.mp4,.mp3,.png,.jpg,.jpeg',
};

const startsWith = (head: Uint8Array, bytes: number[], at = 0) => bytes.every((b, i) => head[at + i] === b);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

async function readHead(file: Blob): Promise<Uint8Array> {
  const slice = file.slice(0, 16);
  if (typeof slice.arrayBuffer === 'function') return new Uint8Array(await slice.arrayBuffer());
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(slice);
  });
}

/**
 * Why the server would refuse this file, or null: the size, then the kind read from its first bytes as the server reads
 * it (ResourceFormats.cs). A zip passes here; only the server opens it to see whether it is a Word, PowerPoint or Excel file.
 */
export async function resourceFileProblem(file: File): Promise<string | null> {
  if (file.size === 0) return 'The file is empty.';
  if (file.size > RESOURCE_RULES.maxBytes) return 'The file is larger than 50 MB. Upload a smaller file (compress a video, or split a document).';
  const head = await readHead(file);
  const known =
    startsWith(head, ascii('%PDF-')) ||
    startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) ||
    startsWith(head, [0xff, 0xd8, 0xff]) ||
    startsWith(head, ascii('ftyp'), 4) ||
    startsWith(head, ascii('ID3')) ||
    (head[0] === 0xff && ((head[1] ?? 0) & 0xe0) === 0xe0 && ((head[1] ?? 0) & 0x06) === 0x02) ||
    startsWith(head, [0x50, 0x4b, 0x03, 0x04]);
  if (known) return null;
  if (startsWith(head, ascii('MZ')) || startsWith(head, [0x7f, 0x45, 0x4c, 0x46]))
    return `${file.name} is a program, whatever its name says. Programs cannot be uploaded; upload a ${RESOURCE_RULES.allowed} file.`;
  return `${file.name} is not a file type Elimu accepts. Upload a ${RESOURCE_RULES.allowed} file.`;
}

export interface ResourceUploadFields {
  title: string;
  description: string;
  resourceType: ResourceType | '';
  targetPrograms: string[];
  brandingApplied: boolean;
}

/**
 * Sends the file and its fields as multipart form data with XMLHttpRequest, so the upload reports progress (0–1, or
 * null when the browser cannot measure it). Errors become {@link ApiError}, with the server's field messages.
 */
export function uploadResource(file: File, fields: ResourceUploadFields, onProgress?: (fraction: number | null) => void): Promise<ResourceView> {
  const form = new FormData();
  form.append('title', fields.title);
  form.append('description', fields.description);
  if (fields.resourceType) form.append('resourceType', fields.resourceType);
  for (const id of fields.targetPrograms) form.append('targetPrograms', id);
  form.append('brandingApplied', String(fields.brandingApplied));
  form.append('file', file, file.name);
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', BASE);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json');
    const token = readCookie(XSRF_COOKIE);
    if (token) xhr.setRequestHeader(XSRF_HEADER, token);
    xhr.upload.onprogress = (e) => onProgress?.(e.lengthComputable && e.total > 0 ? e.loaded / e.total : null);
    xhr.onerror = () => reject(new ApiError({ status: 0, title: 'Cannot reach the Elimu server. Check your connection and try again.' }));
    xhr.onload = () => {
      let body: unknown;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : undefined;
      } catch {
        body = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) return resolve(body as ResourceView);
      const problem = (body && typeof body === 'object' ? body : {}) as ProblemDetails;
      reject(new ApiError({ ...problem, status: problem.status ?? xhr.status, title: problem.title ?? `Upload failed (${xhr.status})` }));
    };
    xhr.send(form);
  });
}

function useRefreshLists() {
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({ queryKey: resourceKeys.lists() });
    // Generated drafts are resources too: their own page lists them.
    void client.invalidateQueries({ queryKey: aiResourceKeys.lists() });
  };
}

export function useUploadResource(onProgress?: (fraction: number | null) => void) {
  const refresh = useRefreshLists();
  return useMutation({
    mutationFn: ({ file, fields }: { file: File; fields: ResourceUploadFields }) => uploadResource(file, fields, onProgress),
    meta: { silentError: true },
    onSuccess: refresh,
  });
}

export function useUpdateResource() {
  const refresh = useRefreshLists();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateResourceRequest }) => api.put<ResourceView>(`${BASE}/${encodeURIComponent(id)}`, body),
    meta: { silentError: true },
    onSuccess: refresh,
  });
}

export function useDeleteResource() {
  const refresh = useRefreshLists();
  return useMutation({
    mutationFn: (id: string) => api.delete<void>(`${BASE}/${encodeURIComponent(id)}`),
    onSuccess: refresh,
  });
}
