import '@/i18n/shell-strings';
import { useRef } from 'react';
import { cn } from '@/lib/cn';
import { DESKTOP_QUERY, useMediaQuery } from '@/lib/use-media-query';
import { useLogout } from '@/services/auth';
import { usePartnerStore } from '@/store/partnerStore';
import { filterPartnerNav, type PartnerNavSection } from './partner-nav';
import { SidebarBrand } from './SidebarBrand';
import { SidebarRail } from './SidebarRail';
import { SidebarSearch } from './SidebarSearch';
import { SidebarSection } from './SidebarSection';
import { useEscapeToClose, useFollowRouteSection, useSearchShortcut } from './use-sidebar-effects';
import { useTranslation } from '@/i18n/use-translation';

export interface PartnerSidebarProps {
  /** Below 768 px the sidebar is a drawer; the layout's menu button opens it. */
  mobileOpen: boolean;
  onMobileClose: () => void;
}

/**
 * The partner dashboard's navigation (plan Step 9): 7 sections of links, a search that filters them,
 * live badge counters, a collapsible icon rail (remembered), and a drawer on phones.
 */
export function PartnerSidebar({ mobileOpen, onMobileClose }: PartnerSidebarProps) {
  const { t } = useTranslation();
  const isDesktop = useMediaQuery(DESKTOP_QUERY);
  const searchRef = useRef<HTMLInputElement>(null);

  const sidebarCollapsed = usePartnerStore((s) => s.sidebarCollapsed);
  const toggleSidebar = usePartnerStore((s) => s.toggleSidebar);
  const setSidebarCollapsed = usePartnerStore((s) => s.setSidebarCollapsed);
  const globalSearch = usePartnerStore((s) => s.globalSearch);
  const setGlobalSearch = usePartnerStore((s) => s.setGlobalSearch);
  const openSections = usePartnerStore((s) => s.openSidebarSections);
  const toggleSection = usePartnerStore((s) => s.toggleSidebarSection);
  const activeSection = usePartnerStore((s) => s.activeSection);
  const counters = usePartnerStore((s) => s.counters);
  const logout = useLogout();

  // The rail is a desktop thing: the phone drawer always shows labels.
  const collapsed = sidebarCollapsed && isDesktop;
  const searching = globalSearch.trim().length > 0;
  const sections = filterPartnerNav(globalSearch);

  useFollowRouteSection();
  useSearchShortcut(searchRef);
  useEscapeToClose(mobileOpen, onMobileClose);

  const openFromRail = (section: PartnerNavSection) => {
    setSidebarCollapsed(false);
    if (!openSections.includes(section.key)) toggleSection(section.key);
  };

  return (
    <>
      {mobileOpen && !isDesktop && (
        <div data-testid="sidebar-overlay" className="fixed inset-0 z-30 animate-fade-in bg-black/60 md:hidden" onClick={onMobileClose} aria-hidden="true" />
      )}
      <aside
        data-testid="partner-sidebar"
        data-collapsed={collapsed ? 'true' : 'false'}
        data-mobile-open={mobileOpen ? 'true' : 'false'}
        inert={!isDesktop && !mobileOpen ? true : undefined}
        className={cn(
          'fixed inset-y-0 left-0 z-40 flex w-72 flex-col border-r border-line bg-sidebar transition-[transform,width] duration-200 ease-out',
          'md:sticky md:top-0 md:z-auto md:h-dvh md:translate-x-0',
          mobileOpen ? 'translate-x-0 shadow-2xl shadow-black/70' : '-translate-x-full',
          collapsed ? 'md:w-[4.25rem]' : 'md:w-72',
        )}
      >
        <SidebarBrand collapsed={collapsed} isDesktop={isDesktop} onMobileClose={onMobileClose} onCollapse={toggleSidebar} />

        {collapsed ? (
          <SidebarRail activeSection={activeSection} counters={counters} onExpand={toggleSidebar} onOpenSection={openFromRail} />
        ) : (
          <>
            <SidebarSearch inputRef={searchRef} value={globalSearch} onChange={setGlobalSearch} />

            <nav aria-label={t('shell.partnerNavigation')} className="flex-1 overflow-y-auto px-3 py-3">
              {sections.length === 0 ? (
                <p data-testid="sidebar-no-matches" role="status" className="px-2 py-6 text-center text-sm text-fg-muted">
                  {t('shell.noMatches', { query: globalSearch.trim() })}
                </p>
              ) : (
                <ul className="flex flex-col gap-1">
                  {sections.map((section) => (
                    <SidebarSection
                      key={section.key}
                      section={section}
                      expanded={searching || openSections.includes(section.key)}
                      searching={searching}
                      active={activeSection === section.key}
                      counters={counters}
                      onToggle={() => toggleSection(section.key)}
                      onLogout={() => logout.mutate()}
                      logoutPending={logout.isPending}
                    />
                  ))}
                </ul>
              )}
            </nav>
          </>
        )}
      </aside>
    </>
  );
}
