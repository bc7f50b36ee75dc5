import type { ReactNode } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { FullPageSpinner } from '@/components/ui/FullPageSpinner';
import { hasRole, signedOutOnPurpose, useCurrentUser } from '@/services/auth';
import type { Role } from '@/types/partner';
import { NotAllowedPage } from '@/pages/NotAllowedPage';
import { ServerUnavailable } from './ServerUnavailable';

export interface ProtectedRouteProps {
  /** Roles that may enter; any signed-in user when absent. */
  allowedRoles?: Role[];
  children?: ReactNode;
}

/**
 * Guards a branch of routes: without a session → /login (remembering where the user was going, unless they signed out);
 * signed in with another role → the "not allowed" page.
 */
export function ProtectedRoute({ allowedRoles, children }: ProtectedRouteProps) {
  const { data: user, isPending, isError, error, refetch } = useCurrentUser();
  const location = useLocation();

  if (isPending) return <FullPageSpinner label="Checking your session" />;
  if (isError) return <ServerUnavailable error={error} onRetry={() => void refetch()} />;
  if (!user) {
    const from = signedOutOnPurpose() ? undefined : { from: `${location.pathname}${location.search}${location.hash}` };
    return <Navigate to="/login" replace state={from} />;
  }
  if (allowedRoles && !hasRole(user, allowedRoles)) return <NotAllowedPage user={user} />;
  return <>{children ?? <Outlet />}</>;
}
