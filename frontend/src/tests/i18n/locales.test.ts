import { describe, expect, it } from 'vitest';
import { en } from '@/i18n/locales/en';
import { sw } from '@/i18n/locales/sw';
import { shellEn, shellSw } from '@/i18n/locales/shell';
import { addTranslations, translate, setLanguage } from '@/i18n/i18n';

/** Every leaf of a locale as "a.b.c" → text. */
function leaves(tree: object, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of leaves(value as object, path)) out.set(k, v);
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

describe('locales', () => {
  const english = leaves({ ...en, ...shellEn });
  const kiswahili = leaves({ ...sw, ...shellSw });

  it('has every English key in Kiswahili and every Kiswahili key in English', () => {
    expect([...english.keys()].filter((key) => !kiswahili.has(key))).toEqual([]);
    expect([...kiswahili.keys()].filter((key) => !english.has(key))).toEqual([]);
  });

  it('has no empty string, and the same {{placeholders}} in both languages', () => {
    for (const [key, text] of english) {
      expect(text.trim(), key).not.toBe('');
      expect(kiswahili.get(key)?.trim(), key).not.toBe('');
      expect(placeholders(kiswahili.get(key) ?? ''), key).toEqual(placeholders(text));
    }
  });

  it('fills placeholders, picks the plural form by count, and falls back to the key when a string is missing', async () => {
    expect(translate('common.pageOf', { page: 2, pages: 5 })).toBe('Page 2 of 5');
    expect(translate('parent.landingSome', { count: 1 })).toMatch(/^1 request waits/);
    expect(translate('parent.landingSome', { count: 3 })).toMatch(/^3 requests wait/);
    expect(translate('no.such.key')).toBe('no.such.key');
    await setLanguage('sw');
    expect(translate('common.pageOf', { page: 2, pages: 5 })).toBe('Ukurasa 2 kati ya 5');
    expect(translate('parent.landingSome', { count: 1 })).toMatch(/^Ombi 1 linasubiri/);
    expect(translate('parent.landingSome', { count: 4 })).toMatch(/^Maombi 4 yanasubiri/);
    expect(document.documentElement.lang).toBe('sw');
    expect(localStorage.getItem('elimu.language')).toBe('sw');
  });
});

describe('strings of a page that loads on its own', () => {
  it('are added under their own namespace and read like the others, in each language', async () => {
    addTranslations('en', { pageOfItsOwn: { title: 'Settings', saved_one: '{{count}} change saved', saved_other: '{{count}} changes saved' } });
    addTranslations('sw', { pageOfItsOwn: { title: 'Mipangilio', saved_one: 'Badiliko {{count}} limehifadhiwa', saved_other: 'Mabadiliko {{count}} yamehifadhiwa' } });
    expect(translate('pageOfItsOwn.title')).toBe('Settings');
    expect(translate('pageOfItsOwn.saved', { count: 2 })).toBe('2 changes saved');
    await setLanguage('sw');
    expect(translate('pageOfItsOwn.title')).toBe('Mipangilio');
    expect(translate('pageOfItsOwn.saved', { count: 1 })).toBe('Badiliko 1 limehifadhiwa');
    // The app's own strings are still there beside them.
    expect(translate('common.language')).toBe('Lugha');
  });
});
