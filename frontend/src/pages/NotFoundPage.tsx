import { Link } from 'react-router';
import { Compass } from 'lucide-react';
import { PartnerEmptyState, PartnerPageHeader } from '@/components/partner/shared';
import { useCurrentUser } from '@/services/auth';

/** Unknown routes, shown inside the current layout. */
export default function NotFoundPage() {
  // A visitor who is not signed in has no dashboard to go to yet.
  const { data: user } = useCurrentUser();
  return (
    <>
      <PartnerPageHeader title="Page not found" breadcrumbs={[{ label: 'Home', to: '/' }, { label: 'Not found' }]} />
      <PartnerEmptyState
        testId="not-found"
        icon={Compass}
        title="We couldn’t find that page"
        description="The address may be mistyped, or the page may have moved. Use the navigation to find what you need."
        action={
          <Link to={user ? '/' : '/login'} className="btn-primary">
            {user ? 'Go to my dashboard' : 'Go to sign in'}
          </Link>
        }
      />
    </>
  );
}

export { NotFoundPage };
