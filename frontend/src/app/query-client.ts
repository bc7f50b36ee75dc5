import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from '@/lib/api';
import { authKeys } from '@/services/auth';
import { toast } from '@/store/toastStore';

/** Per-query/mutation switches read by the global error handler. */
export interface AppMeta extends Record<string, unknown> {
  /** The UI shows this error itself; no toast. */
  silentError?: boolean;
  /** A 401 here is an answer (wrong password, no session yet), not an expired session. */
  skipAuthRedirect?: boolean;
}

declare module '@tanstack/react-query' {
  interface Register {
    queryMeta: AppMeta;
    mutationMeta: AppMeta;
  }
}

export const SESSION_ENDED_MESSAGE = 'Your session has ended. Please sign in again.';

function isAbort(error: unknown) {
  return error instanceof DOMException && error.name === 'AbortError';
}

/**
 * The one global error handler: a 401 ends the client session (ProtectedRoute then sends the user
 * to /login); any other error's ProblemDetails message is shown in a toast.
 */
export function handleGlobalError(queryClient: QueryClient, error: unknown, meta: AppMeta | undefined) {
  if (isAbort(error)) return;
  if (isApiError(error) && error.status === 401 && !meta?.skipAuthRedirect) {
    queryClient.setQueryData(authKeys.me, null);
    toast.info(SESSION_ENDED_MESSAGE);
    return;
  }
  if (meta?.silentError) return;
  toast.error(error instanceof Error ? error.message : 'Something went wrong.');
}

export function createQueryClient(): QueryClient {
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => handleGlobalError(queryClient, error, query.meta),
    }),
    mutationCache: new MutationCache({
      onError: (error, _variables, _context, mutation) => handleGlobalError(queryClient, error, mutation.meta),
    }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        // Client errors (4xx) will not change on retry.
        retry: (failureCount, error) =>
          !(isApiError(error) && error.status >= 400 && error.status < 500) && failureCount < 2,
      },
    },
  });
  return queryClient;
}
