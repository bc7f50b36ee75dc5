import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api';
import { toQuery } from '@/lib/query-string';
import type { components } from '@/types/api';

// Admin · Audit (GET /api/v1/admin/audit): the audit log searched by child, partner, actor, action and time.

export type AuditEntry = components['schemas']['AuditEntryResponse'];
export type AuditPage = components['schemas']['PagedOfAuditEntryResponse'];

/** What the API filters on; `from`/`to` are ISO instants (`to` exclusive). */
export interface AuditSearch {
  studentId?: string;
  partnerId?: string;
  actorId?: string;
  /** An exact action (`child.read.list`) or a prefix ending in a dot (`consent.`). */
  action?: string;
  from?: string;
  to?: string;
  page?: number;
  pageSize?: number;
}

export const adminAuditKeys = {
  all: ['admin', 'audit'] as const,
  lists: () => [...adminAuditKeys.all, 'list'] as const,
  list: (search: AuditSearch) => [...adminAuditKeys.lists(), search] as const,
};

const BASE = '/api/v1/admin/audit';

export function getAuditLog(search: AuditSearch, signal?: AbortSignal): Promise<AuditPage> {
  return api.get<AuditPage>(`${BASE}${toQuery({ ...search })}`, { signal });
}

export const auditLogQueryOptions = (search: AuditSearch) =>
  queryOptions({
    queryKey: adminAuditKeys.list(search),
    queryFn: ({ signal }) => getAuditLog(search, signal),
    placeholderData: keepPreviousData,
    // The page shows the error (a 403, a refused filter) in place of the table.
    meta: { silentError: true },
  });

/** `search` is null while the filters are invalid: nothing is asked. */
export function useAuditLog(search: AuditSearch | null) {
  return useQuery({ ...auditLogQueryOptions(search ?? {}), enabled: search !== null });
}
