import { useMemo } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { BrowserRouter, matchRoutes, useLocation, useRoutes } from 'react-router';
import { preloadMatches } from './lazy-page';
import { prefetchMatches } from './route-prefetch';
import { AppProvider } from './provider';
import { routes } from './routes';

function AppRoutes() {
  const { pathname } = useLocation();
  const queryClient = useQueryClient();
  // Suspense would load a lazy layout, render it, and only then ask for its page: ask for both at once, and for the
  // page's first data beside them.
  useMemo(() => {
    const matches = matchRoutes(routes, pathname);
    preloadMatches(matches);
    prefetchMatches(matches, queryClient);
  }, [pathname, queryClient]);
  return useRoutes(routes);
}

// BrowserRouter rather than a data router: the app loads no data through the router, and the data router's code would
// cost every first load (the sign-in page included) about 17 kB of JavaScript gzip (scripts/bundle-budget.mjs).
export function App() {
  return (
    <AppProvider>
      <BrowserRouter>
        <AppRoutes />
      </BrowserRouter>
    </AppProvider>
  );
}
