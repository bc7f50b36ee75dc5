import { useCallback, useSyncExternalStore } from 'react';
import { currentLocale, getLanguage, hasTranslation, subscribe, translate, type Language, type TranslateParams } from './i18n';

export interface Translation {
  /** The string for a key (see ./locales/en.ts), with {{placeholders}} filled; `count` picks key_one / key_other. */
  t: (key: string, params?: TranslateParams) => string;
  /** Whether a key exists (in this language or in English). */
  has: (key: string) => boolean;
  language: Language;
  /** "en-KE" or "sw-KE", for Intl formatting. */
  locale: string;
}

/** The current language's strings; the component renders again when the language changes. Mirrors react-i18next's hook. */
export function useTranslation(): Translation {
  const language = useSyncExternalStore(subscribe, getLanguage, getLanguage);
  // A new function per language, so memoised children that take `t` render again too.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const t = useCallback((key: string, params?: TranslateParams) => translate(key, params), [language]);
  return { t, has: hasTranslation, language, locale: currentLocale() };
}
