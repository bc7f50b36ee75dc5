import { useEffect, useLayoutEffect } from 'react';
import { useLocation, useNavigationType } from 'react-router';

const STORAGE_KEY = 'elimu.scroll';

function saved(): Record<string, number> {
  try {
    return JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? '{}') as Record<string, number>;
  } catch {
    return {};
  }
}

/**
 * Back and forward return to where the user was on that page; any other navigation starts at the top (or at the
 * #hash). Positions are kept per history entry in sessionStorage, so they survive a reload.
 */
export function ScrollRestorer() {
  const location = useLocation();
  const navigationType = useNavigationType();

  useEffect(() => {
    if ('scrollRestoration' in window.history) window.history.scrollRestoration = 'manual';
  }, []);

  // Remember the position of the entry being left.
  useEffect(() => {
    const key = location.key;
    return () => {
      const positions = saved();
      positions[key] = window.scrollY;
      try {
        sessionStorage.setItem(STORAGE_KEY, JSON.stringify(positions));
      } catch {
        // Storage full or blocked: scrolling back to the top is acceptable.
      }
    };
  }, [location.key]);

  useLayoutEffect(() => {
    if (navigationType === 'POP') {
      const y = saved()[location.key];
      if (y !== undefined) {
        window.scrollTo(0, y);
        return;
      }
    }
    if (location.hash) return; // the page scrolls its #target into view itself
    window.scrollTo(0, 0);
  }, [location.key, location.hash, navigationType]);

  return null;
}
