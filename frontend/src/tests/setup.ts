import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach, beforeEach, vi } from 'vitest';
import { initialPartnerState, usePartnerStore } from '@/store/partnerStore';
import { useToastStore } from '@/store/toastStore';
import { setLanguage } from '@/i18n/i18n';

// Lazy pages load in a second on an idle machine and in several on a busy 2-core CI runner; a findBy that gives up
// after the default 1 s fails for the machine's load, not for the page.
configure({ asyncUtilTimeout: 5000 });

// matchMedia answers from window.innerWidth, so a test can be a phone by setting the width.
function evaluate(query: string): boolean {
  const width = window.innerWidth;
  const min = /\(min-width:\s*(\d+)px\)/.exec(query);
  const max = /\(max-width:\s*(\d+)px\)/.exec(query);
  if (min && width < Number(min[1])) return false;
  if (max && width > Number(max[1])) return false;
  return !!(min || max);
}

Object.defineProperty(window, 'matchMedia', {
  writable: true,
  configurable: true,
  value: (query: string): MediaQueryList => {
    const listeners = new Set<(e: MediaQueryListEvent) => void>();
    const onResize = () => listeners.forEach((l) => l({ matches: evaluate(query), media: query } as MediaQueryListEvent));
    return {
      get matches() {
        return evaluate(query);
      },
      media: query,
      onchange: null,
      addEventListener: (_: string, l: (e: MediaQueryListEvent) => void) => {
        if (listeners.size === 0) window.addEventListener('resize', onResize);
        listeners.add(l);
      },
      removeEventListener: (_: string, l: (e: MediaQueryListEvent) => void) => {
        listeners.delete(l);
        if (listeners.size === 0) window.removeEventListener('resize', onResize);
      },
      addListener: () => undefined,
      removeListener: () => undefined,
      dispatchEvent: () => false,
    } as unknown as MediaQueryList;
  },
});

// jsdom has no 2D canvas (it logs "not implemented" for each chart): the charts skip drawing and their tables stay.
HTMLCanvasElement.prototype.getContext = (() => null) as typeof HTMLCanvasElement.prototype.getContext;

Element.prototype.scrollIntoView ??= function scrollIntoView() {};
// jsdom does not scroll; ScrollRestoration calls this on navigation.
window.scrollTo = () => undefined;

beforeEach(async () => {
  window.innerWidth = 1280;
  localStorage.clear();
  // English unless a test switches (the language is app-wide state, like the stores below).
  await setLanguage('en');
  localStorage.clear();
  document.cookie.split(';').forEach((c) => {
    const name = c.split('=')[0]?.trim();
    if (name) document.cookie = `${name}=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/`;
  });
  usePartnerStore.setState({ ...initialPartnerState });
  useToastStore.setState({ toasts: [] });
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});
