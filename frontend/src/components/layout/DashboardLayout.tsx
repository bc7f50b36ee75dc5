import '@/i18n/shell-strings';
import { useCallback, useEffect, useState } from 'react';
import { useLocation } from 'react-router';
import { Menu } from 'lucide-react';
import { NotificationBell } from '@/components/partner/notifications/NotificationBell';
import { PartnerSidebar } from '@/components/partner/sidebar/PartnerSidebar';
import { useCurrentUser } from '@/services/auth';
import { useRealtimeCounters, type RealtimeStatus } from '@/services/partner/realtime';
import { cn } from '@/lib/cn';
import { useTranslation } from '@/i18n/use-translation';
import { LanguageSwitcher } from '@/components/ui/LanguageSwitcher';
import { PageOutlet } from '@/components/ui/PageBoundary';
import { UserAvatar } from './UserAvatar';

/** The partner shell: sidebar (drawer on phones), top bar with live status and user, then the page. */
export function DashboardLayout() {
  const { data: user } = useCurrentUser();
  const location = useLocation();
  const [mobileOpen, setMobileOpen] = useState(false);
  const realtime = useRealtimeCounters(true);
  const closeMobile = useCallback(() => setMobileOpen(false), []);
  const { t } = useTranslation();

  // A tap on a link in the drawer navigates; the drawer then closes.
  useEffect(() => {
    setMobileOpen(false);
  }, [location.pathname, location.search, location.hash]);

  // Quick Links (#quick-links) and other hash links scroll to their card once it is there.
  useEffect(() => {
    if (!location.hash) return;
    const id = decodeURIComponent(location.hash.slice(1));
    const timer = window.setTimeout(() => document.getElementById(id)?.scrollIntoView?.({ behavior: 'smooth', block: 'start' }), 50);
    return () => window.clearTimeout(timer);
  }, [location.hash, location.pathname]);

  return (
    <div className="flex min-h-dvh">
      <a href="#main" className="sr-only focus:not-sr-only focus:fixed focus:left-3 focus:top-3 focus:z-50 focus:rounded-lg focus:bg-brand focus:px-3 focus:py-2 focus:text-white">
        {t('common.skipToContent')}
      </a>
      <PartnerSidebar mobileOpen={mobileOpen} onMobileClose={closeMobile} />
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="sticky top-0 z-20 flex h-16 items-center gap-3 border-b border-line bg-app/85 px-4 backdrop-blur md:px-6 lg:px-8">
          <button
            type="button"
            className="btn-ghost -ml-1 p-2 md:hidden"
            onClick={() => setMobileOpen(true)}
            aria-label={t('shell.openNavigation')}
            aria-expanded={mobileOpen}
            data-testid="mobile-menu-button"
          >
            <Menu className="size-5" aria-hidden="true" />
          </button>
          <span className="text-sm font-medium text-fg-muted md:hidden">{t('shell.elimuPartner')}</span>
          <div className="ml-auto flex items-center gap-3">
            <span
              data-testid="realtime-status"
              data-status={realtime}
              className="hidden items-center gap-1.5 rounded-full border border-line px-2.5 py-1 text-xs text-fg-muted sm:inline-flex"
              title={t('shell.liveTitle')}
            >
              <span
                className={cn(
                  'size-1.5 rounded-full',
                  realtime === 'connected' ? 'bg-ok' : realtime === 'offline' ? 'bg-fg-subtle' : 'animate-pulse bg-warn',
                )}
                aria-hidden="true"
              />
              {t(`shell.realtime.${realtime satisfies RealtimeStatus}`)}
            </span>
            <LanguageSwitcher />
            <NotificationBell />
            {user && (
              <div className="flex items-center gap-2.5">
                <div className="hidden text-right leading-tight sm:block">
                  <p className="max-w-[14rem] truncate text-sm font-medium text-fg">{user.displayName}</p>
                  <p className="max-w-[14rem] truncate text-xs text-fg-subtle">{user.email}</p>
                </div>
                <UserAvatar name={user.displayName} />
              </div>
            )}
          </div>
        </header>
        <main id="main" tabIndex={-1} className="flex-1 px-4 py-6 outline-none md:px-6 lg:px-8 lg:py-8">
          <div className="mx-auto w-full max-w-[1400px]">
            <PageOutlet />
          </div>
        </main>
      </div>
    </div>
  );
}
