import { Link } from 'react-router';
import { ShieldX } from 'lucide-react';
import { PartnerEmptyState } from '@/components/partner/shared/PartnerEmptyState';
import { PartnerPageHeader } from '@/components/partner/shared/PartnerPageHeader';
import { SimpleLayout } from '@/components/layout/SimpleLayout';
import { homePathFor } from '@/services/auth';
import type { CurrentUser } from '@/types/partner';

/** A signed-in user opened a part of Elimu meant for another role. */
export function NotAllowedPage({ user }: { user: CurrentUser }) {
  const home = homePathFor(user);
  return (
    <SimpleLayout>
      <PartnerPageHeader title="Not allowed" />
      <PartnerEmptyState
        testId="not-allowed"
        icon={ShieldX}
        title="This area isn’t available to your account"
        description={`You are signed in as ${user.email}. This part of Elimu is for a different kind of account.`}
        action={
          home ? (
            <Link to={home} className="btn-primary">
              Go to my dashboard
            </Link>
          ) : undefined
        }
      />
    </SimpleLayout>
  );
}

export default NotAllowedPage;
