import { lazy, type ComponentType } from 'react';

// A page whose code failed to load (offline, or a chunk of an older release gone) must be able to try again without
// reloading the app: React.lazy keeps a failed import for good, so each page can swap in a fresh lazy component.
const failed = new Set<() => void>();

/** A page loaded on first render; pass it props like any component. */
export function lazyPage<P extends object>(load: () => Promise<{ default: ComponentType<P> }>): ComponentType<P> {
  const attempt = () =>
    lazy(() =>
      load().catch((error: unknown) => {
        failed.add(reset);
        throw error;
      }),
    );
  let Current = attempt();
  function reset() {
    Current = attempt();
  }
  function LazyPage(props: P) {
    return <Current {...props} />;
  }
  return LazyPage;
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
