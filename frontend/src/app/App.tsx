import { BrowserRouter, useRoutes } from 'react-router';
import { AppProvider } from './provider';
import { routes } from './routes';

function AppRoutes() {
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
