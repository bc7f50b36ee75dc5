import { Outlet, ScrollRestoration } from 'react-router';

/** The root of every route: the page, and scroll restored on back/forward and reset on new pages. */
export function RootLayout() {
  return (
    <>
      <Outlet />
      <ScrollRestoration />
    </>
  );
}
