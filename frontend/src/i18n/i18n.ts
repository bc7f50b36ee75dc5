import rosetta from 'rosetta';
import { en, type Messages } from './locales/en';

/**
 * The SPA's languages: English (bundled, the default) and Kiswahili (its strings load on first use, so the sign-in page
 * and the parent's inbox carry only English: scripts/bundle-budget.mjs). Strings live in ./locales/<lang>.ts, one
 * object per language with the same keys (a test fails when one lacks a key); components read them with useTranslation().
 *
 * Why not i18next: i18next with react-i18next is 18 kB of JavaScript gzip, and the parent's inbox had 7 kB left of its
 * 120 kB budget; rosetta (0.3 kB) looks keys up and fills {{placeholders}} in the same resource format, and the few
 * lines below add i18next's plural keys (key_one / key_other, chosen by Intl.PluralRules).
 */
export const LANGUAGES = ['en', 'sw'] as const;
export type Language = (typeof LANGUAGES)[number];
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', sw: 'Kiswahili' };
/** The locale dates and numbers are written in: Kenyan English or Kenyan Kiswahili. */
export const LOCALES: Record<Language, string> = { en: 'en-KE', sw: 'sw-KE' };
export const STORAGE_KEY = 'elimu.language';

export type TranslateParams = Record<string, string | number | null | undefined> & { count?: number };

const dictionary = rosetta<Messages>({ en });
dictionary.locale('en');
let current: Language = 'en';
const listeners = new Set<() => void>();
const loaded = new Set<Language>(['en']);

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

async function load(language: Language): Promise<void> {
  if (loaded.has(language)) return;
  const { sw } = await import('./locales/sw');
  dictionary.set('sw', sw);
  loaded.add('sw');
}

export function getLanguage(): Language {
  return current;
}

export function currentLocale(): string {
  return LOCALES[current];
}

export function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Switches the whole app: loads the language's strings if needed, then <html lang>, the saved choice, and every reader. */
export async function setLanguage(language: Language): Promise<void> {
  await load(language);
  current = language;
  dictionary.locale(language);
  if (typeof document !== 'undefined') document.documentElement.lang = language;
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Storage blocked: the choice lasts until the page reloads, and a signed-in user's is kept on the server.
  }
  listeners.forEach((listener) => listener());
}

/** The language chosen on this browser before (signed-out pages: the login page, a link opened from a text message). */
export function savedLanguage(): Language {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    return isLanguage(saved) ? saved : 'en';
  } catch {
    return 'en';
  }
}

function lookup(key: string, params: TranslateParams | undefined, language: Language): string {
  if (params && typeof params.count === 'number') {
    const form = new Intl.PluralRules(LOCALES[language]).select(params.count);
    const plural = dictionary.t(`${key}_${form}`, params, language) || dictionary.t(`${key}_other`, params, language);
    if (plural) return plural;
  }
  const value = dictionary.t(key, params, language);
  return typeof value === 'string' ? value : '';
}

/** The string for `key` in the current language, then in English, then the key itself (a missing string shows, never blank). */
export function translate(key: string, params?: TranslateParams): string {
  return lookup(key, params, current) || (current === 'en' ? '' : lookup(key, params, 'en')) || key;
}

/**
 * Strings of a page that loads on its own (a partner section's page): its chunk calls this at the top, once per
 * language, under a namespace of its own, so its strings load with it and not with every page (the sign-in page and
 * the parent's inbox have a 120 kB budget). Example: addTranslations('en', { settings: {...} }).
 */
export function addTranslations(language: Language, strings: Record<string, unknown>): void {
  dictionary.set(language, strings as Messages);
}

/** Whether the language has a string for `key` (for optional strings, such as an API code's message). */
export function hasTranslation(key: string): boolean {
  return lookup(key, undefined, current) !== '' || lookup(key, undefined, 'en') !== '';
}

/** Before the first render: the saved language's strings, so a Kiswahili reader never sees English flash first. */
export function startLanguage(): Promise<void> {
  const language = savedLanguage();
  if (typeof document !== 'undefined') document.documentElement.lang = language;
  return language === 'en' ? Promise.resolve() : setLanguage(language).catch(() => undefined);
}
