import type { QueryClient } from '@tanstack/react-query';

/** What a route of src/app/routes.tsx may carry in its `handle`. */
export interface RouteHandle {
  /** Starts the page's first request as the app starts on it, without waiting for its layout and the session check. */
  prefetch?: (queryClient: QueryClient) => void;
}

/** Starts the first request of every route a path renders that declares one. */
export function prefetchMatches(matches: { route: { handle?: unknown } }[] | null, queryClient: QueryClient) {
  for (const { route } of matches ?? []) (route.handle as RouteHandle | undefined)?.prefetch?.(queryClient);
}
