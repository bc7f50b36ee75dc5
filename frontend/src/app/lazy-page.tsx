import { lazy, type ComponentType } from 'react';

// A page whose code failed to load (offline, or a chunk of an older release gone) must be able to try again without
// reloading the app: React.lazy keeps a failed import for good, so each page can swap in a fresh lazy component.
const failed = new Set<() => void>();

/** A lazily loaded component that can start loading before it renders. */
export type LazyPage<P extends object> = ComponentType<P> & { preload: () => void };

/** A page loaded on first render (or on `preload()`); pass it props like any component. */
export function lazyPage<P extends object>(load: () => Promise<{ default: ComponentType<P> }>): LazyPage<P> {
  // One import per attempt, shared by preload() and React.lazy; a failed one is dropped by the next attempt.
  let pending: Promise<{ default: ComponentType<P> }> | null = null;
  const start = () =>
    (pending ??= load().catch((error: unknown) => {
      failed.add(reset);
      throw error;
    }));
  let Current = attempt();
  function attempt() {
    pending = null;
    return lazy(start);
  }
  function reset() {
    Current = attempt();
  }
  function LazyPage(props: P) {
    return <Current {...props} />;
  }
  // A layout and its page load side by side, not the page only once the layout has rendered.
  LazyPage.preload = () => void start().catch(() => undefined);
  return LazyPage;
}

/** Starts loading every lazy page a path renders (layout and page) at once. */
export function preloadMatches(matches: { route: { element?: unknown } }[] | null) {
  for (const { route } of matches ?? []) {
    const type = (route.element as { type?: { preload?: () => void } } | undefined)?.type;
    type?.preload?.();
  }
}

/** Lets every page whose code failed to load import it again on its next render. */
export function retryFailedPages() {
  for (const reset of failed) reset();
  failed.clear();
}

/** An import that failed to fetch (Chrome, Firefox and Safari word it differently), as opposed to a page that threw. */
export function isChunkLoadError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  return /dynamically imported module|module script failed|importing a module script failed|error loading dynamically imported|Unable to preload CSS/i.test(
    error.message,
  );
}
