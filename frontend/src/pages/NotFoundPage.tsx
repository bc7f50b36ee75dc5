import { Link } from 'react-router';
import { Compass } from 'lucide-react';
import { PartnerEmptyState, PartnerPageHeader } from '@/components/partner/shared';

/** Unknown routes, shown inside the current layout. */
export default function NotFoundPage() {
  return (
    <>
      <PartnerPageHeader title="Page not found" breadcrumbs={[{ label: 'Home', to: '/' }, { label: 'Not found' }]} />
      <PartnerEmptyState
        testId="not-found"
        icon={Compass}
        title="We couldn’t find that page"
        description="The address may be mistyped, or the page may have moved. Use the navigation to find what you need."
        action={
          <Link to="/" className="btn-primary">
            Go to my dashboard
          </Link>
        }
      />
    </>
  );
}

export { NotFoundPage };
