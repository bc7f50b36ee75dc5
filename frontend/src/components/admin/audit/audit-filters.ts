import { nairobiDayStart } from '@/lib/format';
import { urlParam } from '@/lib/use-url-state';
import type { AuditSearch } from '@/services/admin/audit';

/** The filters as the admin types them and as the URL keeps them (dates are Nairobi days, "2026-11-30"). */
export interface AuditFilterValues {
  studentId: string;
  partnerId: string;
  actorId: string;
  action: string;
  from: string;
  to: string;
}

export type AuditFilterErrors = Partial<Record<keyof AuditFilterValues, string>>;

export const AUDIT_FILTER_KEYS = ['studentId', 'partnerId', 'actorId', 'action', 'from', 'to'] as const satisfies readonly (keyof AuditFilterValues)[];

export const EMPTY_AUDIT_FILTER: AuditFilterValues = { studentId: '', partnerId: '', actorId: '', action: '', from: '', to: '' };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ID_LABELS = { studentId: 'child', partnerId: 'partner', actorId: 'actor' } as const;
/** The server refuses longer actions (AuditSearch.cs). */
export const MAX_ACTION_LENGTH = 80;

/**
 * The log's state in the URL. Filters are kept as written, even when invalid: the form explains what is wrong with a
 * shared link instead of silently dropping it.
 */
export const AUDIT_URL = {
  studentId: urlParam.string(),
  partnerId: urlParam.string(),
  actorId: urlParam.string(),
  action: urlParam.string(),
  from: urlParam.string(),
  to: urlParam.string(),
  page: urlParam.page(),
};

/**
 * Checks the filters before anything is sent: ids must be whole UUIDs (the API would answer a bare
 * 400 for "abc"), dates real days, and the range must not end before it starts.
 */
export function validateAuditFilter(values: AuditFilterValues): AuditFilterErrors {
  const errors: AuditFilterErrors = {};
  for (const key of ['studentId', 'partnerId', 'actorId'] as const) {
    const value = values[key].trim();
    if (value && !UUID.test(value))
      errors[key] = `Enter the ${ID_LABELS[key]}’s full ID: 32 hexadecimal digits in groups of 8-4-4-4-12, such as 0b7c5a2e-4d1f-4c3a-9e8b-2f6d1a0c9e77.`;
  }
  if (values.action.trim().length > MAX_ACTION_LENGTH) errors.action = `An action is at most ${MAX_ACTION_LENGTH} characters.`;
  const from = values.from ? nairobiDayStart(values.from) : undefined;
  const to = values.to ? nairobiDayStart(values.to) : undefined;
  if (from === null) errors.from = 'Enter a real date.';
  if (to === null) errors.to = 'Enter a real date.';
  if (from && to && to < from) errors.to = 'The end date must be on or after the start date.';
  return errors;
}

export function hasErrors(errors: AuditFilterErrors): boolean {
  return Object.keys(errors).length > 0;
}

/** What the API is asked: ids as typed, the "to" day included (the API's end is exclusive). */
export function toAuditSearch(values: AuditFilterValues, page: number, pageSize: number): AuditSearch {
  return {
    studentId: values.studentId.trim() || undefined,
    partnerId: values.partnerId.trim() || undefined,
    actorId: values.actorId.trim() || undefined,
    action: values.action.trim() || undefined,
    from: values.from ? (nairobiDayStart(values.from) ?? undefined) : undefined,
    to: values.to ? (nairobiDayStart(values.to, 1) ?? undefined) : undefined,
    page,
    pageSize,
  };
}
