import { isApiError } from '@/lib/api';
import type { Translation } from './use-translation';

/**
 * The API writes its messages in English. In English they show as written (they can be more precise, e.g. naming the
 * account holder); in another language a known `code` or field has its translation (locales: errors.code.*,
 * errors.field.*), and anything else falls back to the server's words.
 */
export function apiErrorText(error: unknown, { t, has, language }: Pick<Translation, 't' | 'has' | 'language'>): string {
  if (!isApiError(error)) return error instanceof Error ? error.message : t('common.somethingWrong');
  const server = error.detail || error.message;
  if (language === 'en') return server;
  if (error.code && has(`errors.code.${error.code}`)) return t(`errors.code.${error.code}`);
  if (error.status === 404) return t('errors.code.not_found');
  const field = Object.keys(error.errors ?? {}).find((key) => has(`errors.field.${key}`));
  return field ? t(`errors.field.${field}`) : server;
}

/** The message for one field of a 400, in the reader's language (see apiErrorText); undefined when the field is fine. */
export function apiFieldText(error: unknown, field: string, { t, has, language }: Pick<Translation, 't' | 'has' | 'language'>): string | undefined {
  if (!isApiError(error)) return undefined;
  const [message] = error.fieldErrors(field);
  if (!message) return undefined;
  return language !== 'en' && has(`errors.field.${field}`) ? t(`errors.field.${field}`) : message;
}
