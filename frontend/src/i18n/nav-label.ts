import './shell-strings';
import type { Translation } from './use-translation';

/** A sidebar entry's label in the reader's language (locales: nav.<key>); an entry without one shows its English label. */
export function navLabel({ t, has }: Pick<Translation, 't' | 'has'>, entry: { key: string; label: string }): string {
  return has(`nav.${entry.key}`) ? t(`nav.${entry.key}`) : entry.label;
}
