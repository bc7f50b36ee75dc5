import { useEffect, useId, useRef, type KeyboardEvent } from 'react';
import { Link, useLocation } from 'react-router';
import { ChevronDown, PanelLeftClose, PanelLeftOpen, Search, X } from 'lucide-react';
import { cn } from '@/lib/cn';
import { DESKTOP_QUERY, useMediaQuery } from '@/lib/use-media-query';
import { useLogout } from '@/services/auth';
import { usePartnerStore } from '@/store/partnerStore';
import type { RealtimeCounters } from '@/types/partner';
import { ElimuMark } from '@/components/ui/ElimuMark';
import {
  filterPartnerNav,
  findActiveSection,
  isChildActive,
  isItemActive,
  partnerNav,
  type PartnerNavItem,
  type PartnerNavSection,
} from './partner-nav';

export interface PartnerSidebarProps {
  /** Below 768 px the sidebar is a drawer; the layout's menu button opens it. */
  mobileOpen: boolean;
  onMobileClose: () => void;
}

function badgeCount(item: PartnerNavItem, counters: RealtimeCounters): number {
  return item.badge ? counters[item.badge] : 0;
}

/** How a screen reader hears each counter after the item's name, e.g. "Tickets, 2 open". */
const COUNTER_WORDS: Record<keyof RealtimeCounters, string> = {
  activeSponsorships: 'active',
  childAlerts: 'need attention',
  pendingConsents: 'awaiting consent',
  openTickets: 'open',
  pendingPayments: 'pending',
};

function CountBadge({ count, counter, testId }: { count: number; counter: keyof RealtimeCounters; testId: string }) {
  if (count <= 0) return null;
  return (
    <>
      <span
        data-testid={testId}
        aria-hidden="true"
        className="ml-auto inline-flex h-5 min-w-5 items-center justify-center rounded-full bg-brand px-1.5 text-[11px] font-semibold text-white tabular-nums"
      >
        {count > 99 ? '99+' : count}
      </span>
      <span className="sr-only">
        , {count} {COUNTER_WORDS[counter]}
      </span>
    </>
  );
}

/**
 * The partner dashboard's navigation (plan Step 9): 7 sections of links, a search that filters them,
 * live badge counters, a collapsible icon rail (remembered), and a drawer on phones.
 */
export function PartnerSidebar({ mobileOpen, onMobileClose }: PartnerSidebarProps) {
  const location = useLocation();
  const isDesktop = useMediaQuery(DESKTOP_QUERY);
  const searchRef = useRef<HTMLInputElement>(null);
  const searchId = useId();

  const sidebarCollapsed = usePartnerStore((s) => s.sidebarCollapsed);
  const toggleSidebar = usePartnerStore((s) => s.toggleSidebar);
  const setSidebarCollapsed = usePartnerStore((s) => s.setSidebarCollapsed);
  const globalSearch = usePartnerStore((s) => s.globalSearch);
  const setGlobalSearch = usePartnerStore((s) => s.setGlobalSearch);
  const openSections = usePartnerStore((s) => s.openSidebarSections);
  const toggleSection = usePartnerStore((s) => s.toggleSidebarSection);
  const activeSection = usePartnerStore((s) => s.activeSection);
  const setActiveSection = usePartnerStore((s) => s.setActiveSection);
  const counters = usePartnerStore((s) => s.counters);
  const logout = useLogout();

  // The rail is a desktop thing: the phone drawer always shows labels.
  const collapsed = sidebarCollapsed && isDesktop;
  const searching = globalSearch.trim().length > 0;
  const sections = filterPartnerNav(globalSearch);

  // Follow the route: mark its section active and open it.
  useEffect(() => {
    const key = findActiveSection(location);
    if (!key) return;
    setActiveSection(key);
    if (!usePartnerStore.getState().openSidebarSections.includes(key)) toggleSection(key);
    // Only when the route changes; the user may close the section afterwards.
  }, [location.pathname, location.search, location.hash]);

  // Ctrl/⌘+K focuses the search.
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'k') {
        e.preventDefault();
        if (sidebarCollapsed) setSidebarCollapsed(false);
        requestAnimationFrame(() => searchRef.current?.focus());
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [sidebarCollapsed, setSidebarCollapsed]);

  // Escape closes the phone drawer.
  useEffect(() => {
    if (!mobileOpen) return;
    const onKey = (e: globalThis.KeyboardEvent) => e.key === 'Escape' && onMobileClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [mobileOpen, onMobileClose]);

  const onSearchKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Escape' && globalSearch) {
      e.stopPropagation();
      setGlobalSearch('');
    }
  };

  const openFromRail = (section: PartnerNavSection) => {
    setSidebarCollapsed(false);
    if (!openSections.includes(section.key)) toggleSection(section.key);
  };

  const sectionBadgeTotal = (section: PartnerNavSection) => section.items.reduce((sum, item) => sum + badgeCount(item, counters), 0);

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
          'fixed inset-y-0 left-0 z-40 flex w-72 flex-col border-r border-line bg-[#0e0e13] transition-[transform,width] duration-200 ease-out',
          'md:sticky md:top-0 md:z-auto md:h-dvh md:translate-x-0',
          mobileOpen ? 'translate-x-0 shadow-2xl shadow-black/70' : '-translate-x-full',
          collapsed ? 'md:w-[4.25rem]' : 'md:w-72',
        )}
      >
        {/* Brand and collapse control */}
        <div className={cn('flex h-16 shrink-0 items-center gap-2 border-b border-line px-4', collapsed && 'justify-center px-2')}>
          <Link to="/dashboard/partner" className="flex min-w-0 items-center gap-2.5 rounded-lg" aria-label="Elimu partner dashboard home">
            <ElimuMark className="size-8 shrink-0" />
            {!collapsed && (
              <span className="min-w-0 leading-tight">
                <span className="block text-sm font-semibold text-fg">Elimu</span>
                <span className="block text-[11px] font-medium uppercase tracking-wider text-fg-subtle">Partner</span>
              </span>
            )}
          </Link>
          {!isDesktop ? (
            <button type="button" className="btn-ghost ml-auto p-1.5" onClick={onMobileClose} aria-label="Close navigation" data-testid="sidebar-close">
              <X className="size-5" aria-hidden="true" />
            </button>
          ) : (
            !collapsed && (
              <button
                type="button"
                className="btn-ghost ml-auto p-1.5"
                onClick={toggleSidebar}
                aria-label="Collapse sidebar"
                aria-expanded={true}
                data-testid="sidebar-collapse"
              >
                <PanelLeftClose className="size-4" aria-hidden="true" />
              </button>
            )
          )}
        </div>

        {collapsed ? (
          <nav aria-label="Partner navigation" className="flex flex-1 flex-col items-center gap-1 overflow-y-auto py-3">
            <button
              type="button"
              className="btn-ghost mb-2 p-2"
              onClick={toggleSidebar}
              aria-label="Expand sidebar"
              aria-expanded={false}
              data-testid="sidebar-collapse"
            >
              <PanelLeftOpen className="size-4" aria-hidden="true" />
            </button>
            {partnerNav.map((section) => {
              const total = sectionBadgeTotal(section);
              const isActive = activeSection === section.key;
              return (
                <button
                  key={section.key}
                  type="button"
                  title={section.label}
                  aria-label={`${section.label}${total > 0 ? ', has updates' : ''}`}
                  data-testid={`sidebar-rail-${section.key}`}
                  onClick={() => openFromRail(section)}
                  className={cn(
                    'relative grid size-10 place-items-center rounded-lg text-fg-muted transition-colors hover:bg-elevated hover:text-fg',
                    isActive && 'bg-brand-soft text-fg',
                  )}
                >
                  {isActive && <span className="absolute inset-y-2 left-0 w-0.5 rounded-full bg-brand" aria-hidden="true" />}
                  <section.icon className="size-[18px]" aria-hidden="true" />
                  {total > 0 && <span className="absolute right-1.5 top-1.5 size-2 rounded-full bg-brand ring-2 ring-[#0e0e13]" aria-hidden="true" />}
                </button>
              );
            })}
          </nav>
        ) : (
          <>
            {/* Search */}
            <div className="shrink-0 px-3 pt-3">
              <label htmlFor={searchId} className="sr-only">
                Search navigation
              </label>
              <div className="relative">
                <Search className="pointer-events-none absolute left-3 top-1/2 size-4 -translate-y-1/2 text-fg-subtle" aria-hidden="true" />
                <input
                  ref={searchRef}
                  id={searchId}
                  type="search"
                  data-testid="sidebar-search"
                  placeholder="Search menu…"
                  autoComplete="off"
                  value={globalSearch}
                  onChange={(e) => setGlobalSearch(e.target.value)}
                  onKeyDown={onSearchKeyDown}
                  className="input h-9 bg-card pl-9 pr-12"
                />
                <kbd className="pointer-events-none absolute right-2 top-1/2 hidden -translate-y-1/2 rounded border border-line px-1.5 text-[10px] text-fg-subtle md:block">
                  Ctrl K
                </kbd>
              </div>
            </div>

            <nav aria-label="Partner navigation" className="flex-1 overflow-y-auto px-3 py-3">
              {sections.length === 0 ? (
                <p data-testid="sidebar-no-matches" role="status" className="px-2 py-6 text-center text-sm text-fg-muted">
                  No matches for “{globalSearch.trim()}”
                </p>
              ) : (
                <ul className="flex flex-col gap-1">
                  {sections.map((section) => {
                    const expanded = searching || openSections.includes(section.key);
                    const listId = `sidebar-section-${section.key}-items`;
                    const total = sectionBadgeTotal(section);
                    return (
                      <li key={section.key} data-testid={`sidebar-section-${section.key}`}>
                        <button
                          type="button"
                          data-testid={`sidebar-section-toggle-${section.key}`}
                          aria-expanded={expanded}
                          aria-controls={listId}
                          onClick={() => toggleSection(section.key)}
                          disabled={searching}
                          className={cn(
                            'group flex w-full items-center gap-2 rounded-md px-2 py-2 text-[11px] font-semibold uppercase tracking-[0.08em] transition-colors',
                            activeSection === section.key ? 'text-fg' : 'text-fg-subtle hover:text-fg-muted',
                            'disabled:cursor-default',
                          )}
                        >
                          <section.icon className="size-3.5" aria-hidden="true" />
                          <span>{section.label}</span>
                          {!expanded && total > 0 && (
                            <>
                              <span className="ml-auto size-1.5 rounded-full bg-brand" aria-hidden="true" />
                              <span className="sr-only">, has updates</span>
                            </>
                          )}
                          <ChevronDown
                            className={cn('size-3.5 transition-transform', !expanded && total > 0 ? 'ml-1.5' : 'ml-auto', !expanded && '-rotate-90')}
                            aria-hidden="true"
                          />
                        </button>
                        {expanded && (
                          <ul id={listId} className="mb-2 mt-0.5 flex flex-col gap-0.5">
                            {section.items.map((item) => (
                              <NavItem
                                key={item.key}
                                item={item}
                                siblings={section.items}
                                count={badgeCount(item, counters)}
                                onLogout={() => logout.mutate()}
                                logoutPending={logout.isPending}
                              />
                            ))}
                          </ul>
                        )}
                      </li>
                    );
                  })}
                </ul>
              )}
            </nav>
          </>
        )}
      </aside>
    </>
  );
}

interface NavItemProps {
  item: PartnerNavItem;
  siblings: PartnerNavItem[];
  count: number;
  onLogout: () => void;
  logoutPending: boolean;
}

const itemClass = (active: boolean) =>
  cn(
    'relative flex w-full items-center gap-2.5 rounded-lg px-2.5 py-2 text-sm transition-colors',
    active ? 'bg-brand-soft font-medium text-fg' : 'text-fg-muted hover:bg-elevated hover:text-fg',
  );

function ActiveBar() {
  return <span className="absolute inset-y-1.5 left-0 w-[3px] rounded-full bg-brand" aria-hidden="true" data-role="active-indicator" />;
}

function NavItem({ item, siblings, count, onLogout, logoutPending }: NavItemProps) {
  const location = useLocation();

  if (item.action === 'logout') {
    return (
      <li>
        <button type="button" data-testid={`sidebar-item-${item.key}`} className={itemClass(false)} onClick={onLogout} disabled={logoutPending}>
          <item.icon className="size-4 shrink-0" aria-hidden="true" />
          <span>{logoutPending ? 'Signing out…' : item.label}</span>
        </button>
      </li>
    );
  }

  const active = isItemActive(item, location, siblings);
  const showChildren = !!item.children?.length;

  return (
    <li>
      <Link
        to={item.to!}
        data-testid={`sidebar-item-${item.key}`}
        aria-current={active && !(showChildren && item.children?.some((c) => isChildActive(c, location))) ? 'page' : undefined}
        data-active={active ? 'true' : 'false'}
        className={itemClass(active)}
      >
        {active && <ActiveBar />}
        <item.icon className={cn('size-4 shrink-0', active && 'text-brand-text')} aria-hidden="true" />
        <span className="truncate">{item.label}</span>
        {item.badge && <CountBadge count={count} counter={item.badge} testId={`sidebar-badge-${item.key}`} />}
      </Link>
      {showChildren && (
        <ul className="ml-[1.15rem] mt-0.5 flex flex-col gap-0.5 border-l border-line pl-2" aria-label={`${item.label} views`}>
          {item.children!.map((child) => {
            const childActive = isChildActive(child, location);
            return (
              <li key={child.key}>
                <Link
                  to={child.to}
                  data-testid={`sidebar-item-${child.key}`}
                  aria-current={childActive ? 'page' : undefined}
                  data-active={childActive ? 'true' : 'false'}
                  className={cn(
                    'flex items-center gap-2 rounded-md px-2 py-1.5 text-[13px] transition-colors',
                    childActive ? 'font-medium text-brand-text' : 'text-fg-subtle hover:bg-elevated hover:text-fg',
                  )}
                >
                  <child.icon className="size-3.5 shrink-0" aria-hidden="true" />
                  <span className="truncate">{child.label}</span>
                </Link>
              </li>
            );
          })}
        </ul>
      )}
    </li>
  );
}
