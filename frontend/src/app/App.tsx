import { useMemo } from 'react';
import { BrowserRouter, matchRoutes, useLocation, useRoutes } from 'react-router';
import { preloadMatches } from './lazy-page';
import { AppProvider } from './provider';
import { routes } from './routes';

function AppRoutes() {
  const { pathname } = useLocation();
  // Suspense would load a lazy layout, render it, and only then ask for its page: ask for both at once.
  useMemo(() => preloadMatches(matchRoutes(routes, pathname)), [pathname]);
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
