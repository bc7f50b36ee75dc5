import { Navigate } from 'react-router';
import { FullPageSpinner } from '@/components/ui/FullPageSpinner';
import { homePathFor, useCurrentUser } from '@/services/auth';
import { NotAllowedPage } from '@/pages/NotAllowedPage';
import { ServerUnavailable } from './ServerUnavailable';

/** `/`: each role to its dashboard (partner, parent, admin/staff); no session → /login. */
export function HomeRedirect() {
  const { data: user, isPending, isError, error, refetch } = useCurrentUser();
  if (isPending) return <FullPageSpinner />;
  if (isError) return <ServerUnavailable error={error} onRetry={() => void refetch()} />;
  if (!user) return <Navigate to="/login" replace />;
  const home = homePathFor(user);
  return home ? <Navigate to={home} replace /> : <NotAllowedPage user={user} />;
}
