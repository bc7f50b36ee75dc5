import { useEffect, type RefObject } from 'react';
import { useLocation } from 'react-router';
import { usePartnerStore } from '@/store/partnerStore';
import { findActiveSection } from './partner-nav';

/** Follows the route: marks its section active and opens it. */
export function useFollowRouteSection() {
  const location = useLocation();
  const toggleSection = usePartnerStore((s) => s.toggleSidebarSection);
  const setActiveSection = usePartnerStore((s) => s.setActiveSection);

  useEffect(() => {
    const key = findActiveSection(location);
    if (!key) return;
    setActiveSection(key);
    if (!usePartnerStore.getState().openSidebarSections.includes(key)) toggleSection(key);
    // Only when the route changes; the user may close the section afterwards.
  }, [location.pathname, location.search, location.hash]);
}

/** Ctrl/⌘+K expands the sidebar and focuses the search. */
export function useSearchShortcut(searchRef: RefObject<HTMLInputElement | null>) {
  const sidebarCollapsed = usePartnerStore((s) => s.sidebarCollapsed);
  const setSidebarCollapsed = usePartnerStore((s) => s.setSidebarCollapsed);

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
}

/** Escape closes the phone drawer. */
export function useEscapeToClose(open: boolean, onClose: () => void) {
  useEffect(() => {
    if (!open) return;
    const onKey = (e: globalThis.KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open, onClose]);
}
