import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { TriangleAlert } from 'lucide-react';

/** When a route fails to render or its code fails to load (e.g. after a new release). */
export function RouteError() {
  const error = useRouteError();
  const message = isRouteErrorResponse(error)
    ? `${error.status} ${error.statusText}`
    : error instanceof Error
      ? error.message
      : 'Something went wrong while showing this page.';
  return (
    <main className="grid min-h-dvh place-items-center bg-app p-6">
      <div role="alert" className="card flex max-w-md flex-col items-center gap-4 p-8 text-center">
        <TriangleAlert className="size-8 text-brand-text" aria-hidden="true" />
        <div>
          <h1 className="text-lg font-semibold">This page could not be shown</h1>
          <p className="mt-1 text-sm text-fg-muted">{message}</p>
        </div>
        <div className="flex gap-2">
          <button type="button" className="btn-primary" onClick={() => window.location.reload()}>
            Reload
          </button>
          <Link to="/" className="btn-secondary">
            Go home
          </Link>
        </div>
      </div>
    </main>
  );
}
