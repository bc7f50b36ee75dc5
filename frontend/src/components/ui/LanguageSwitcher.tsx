import { useId } from 'react';
import { Languages } from 'lucide-react';
import { LANGUAGE_NAMES, LANGUAGES, isLanguage } from '@/i18n/i18n';
import { useTranslation } from '@/i18n/use-translation';
import { useChooseLanguage } from '@/services/auth';
import { cn } from '@/lib/cn';

/**
 * English or Kiswahili, each named in its own language. Signed in, the choice is saved on the account; signed out (the
 * sign-in page), on this browser, and carried to the account at the next sign-in.
 */
export function LanguageSwitcher({ className }: { className?: string }) {
  const id = useId();
  const { t, language } = useTranslation();
  const choose = useChooseLanguage();
  return (
    <div className={cn('flex items-center gap-1.5 rounded-lg border border-line bg-card px-2 text-sm text-fg-muted', className)}>
      <Languages className="size-4 shrink-0" aria-hidden="true" />
      <label htmlFor={id} className="sr-only">
        {t('common.language')}
      </label>
      <select
        id={id}
        value={language}
        onChange={(e) => isLanguage(e.target.value) && choose.mutate(e.target.value)}
        className="h-8 cursor-pointer bg-transparent pr-1 text-sm text-fg outline-none"
        data-testid="language-switcher"
      >
        {LANGUAGES.map((code) => (
          <option key={code} value={code} lang={code} className="bg-card text-fg">
            {LANGUAGE_NAMES[code]}
          </option>
        ))}
      </select>
    </div>
  );
}
