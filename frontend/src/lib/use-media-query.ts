import { useSyncExternalStore } from 'react';

/** True while the media query matches. Without `matchMedia` (old browsers, some tests) it answers `fallback`. */
export function useMediaQuery(query: string, fallback = true): boolean {
  return useSyncExternalStore(
    (onChange) => {
      if (typeof window === 'undefined' || !window.matchMedia) return () => undefined;
      const list = window.matchMedia(query);
      list.addEventListener('change', onChange);
      return () => list.removeEventListener('change', onChange);
    },
    () => (typeof window !== 'undefined' && window.matchMedia ? window.matchMedia(query).matches : fallback),
    () => fallback,
  );
}

/** The sidebar becomes an overlay drawer below this width. */
export const DESKTOP_QUERY = '(min-width: 768px)';
