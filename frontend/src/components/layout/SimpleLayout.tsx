import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { LogOut, Settings } from 'lucide-react';
import { ElimuMark } from '@/components/ui/ElimuMark';
import { PageOutlet } from '@/components/ui/PageBoundary';
import { homePathFor, useCurrentUser, useLogout } from '@/services/auth';
import { LanguageSwitcher } from '@/components/ui/LanguageSwitcher';
import { useTranslation } from '@/i18n/use-translation';
import { UserAvatar } from './UserAvatar';

/** The parent and admin shell: a top bar with the user and a logout button, then the page. */
export function SimpleLayout({ children, title }: { children?: ReactNode; title?: string }) {
  const { data: user } = useCurrentUser();
  const logout = useLogout();
  const { t, has } = useTranslation();
  // The layout's own titles (Parent, Admin) are in the locales; any other shows as given.
  const shown = title && has(`common.${title.toLowerCase()}`) ? t(`common.${title.toLowerCase()}`) : title;
  return (
    <div className="flex min-h-dvh flex-col">
      <a href="#main" className="sr-only focus:not-sr-only focus:fixed focus:left-3 focus:top-3 focus:z-50 focus:rounded-lg focus:bg-brand focus:px-3 focus:py-2 focus:text-white">
        {t('common.skipToContent')}
      </a>
      <header className="sticky top-0 z-20 border-b border-line bg-app/85 backdrop-blur">
        <div className="mx-auto flex h-16 max-w-5xl items-center gap-3 px-4 sm:px-6">
          <Link to="/" className="flex items-center gap-2.5 rounded-lg" aria-label={shown ? t('common.elimuHomeOf', { title: shown }) : t('common.elimuHome')}>
            <ElimuMark className="size-8" />
            <span className="text-sm font-semibold">Elimu</span>
            {shown && <span className="hidden text-sm text-fg-subtle min-[420px]:inline">· {shown}</span>}
          </Link>
          <div className="ml-auto flex items-center gap-2 sm:gap-3">
            <LanguageSwitcher />
            {user && (
              <>
                <UserAvatar name={user.displayName} />
                <span className="hidden max-w-[12rem] truncate text-sm text-fg-muted sm:block">{user.displayName}</span>
                {homePathFor(user) && (
                  <Link to={`${homePathFor(user)}/settings`} className="btn-ghost px-2.5 py-1.5" aria-label={t('common.settings')} data-testid="settings-link">
                    <Settings className="size-4" aria-hidden="true" />
                  </Link>
                )}
                <button type="button" className="btn-secondary px-2.5 py-1.5 sm:px-3" onClick={() => logout.mutate()} disabled={logout.isPending} data-testid="logout-button">
                  <LogOut className="size-4" aria-hidden="true" />
                  <span className="hidden min-[420px]:inline">{logout.isPending ? t('common.signingOut') : t('common.logOut')}</span>
                  <span className="sr-only min-[420px]:hidden">{t('common.logOut')}</span>
                </button>
              </>
            )}
            {!user && (
              <Link to="/login" className="btn-primary px-3 py-1.5">
                {t('common.signIn')}
              </Link>
            )}
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto w-full max-w-5xl flex-1 px-4 py-6 sm:px-6 sm:py-8">
        {children ?? <PageOutlet />}
      </main>
    </div>
  );
}
