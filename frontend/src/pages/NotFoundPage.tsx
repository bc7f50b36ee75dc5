import { Link } from 'react-router';
import { Compass } from 'lucide-react';
import { PartnerEmptyState, PartnerPageHeader } from '@/components/partner/shared';
import { useCurrentUser } from '@/services/auth';
import { useTranslation } from '@/i18n/use-translation';

/** Unknown routes, shown inside the current layout. */
export default function NotFoundPage() {
  // A visitor who is not signed in has no dashboard to go to yet.
  const { data: user } = useCurrentUser();
  const { t } = useTranslation();
  return (
    <>
      <PartnerPageHeader title={t('common.notFoundTitle')} breadcrumbs={[{ label: t('common.home'), to: '/' }, { label: t('common.notFound') }]} />
      <PartnerEmptyState
        testId="not-found"
        icon={Compass}
        title={t('common.notFoundHeading')}
        description={t('common.notFoundText')}
        action={
          <Link to={user ? '/' : '/login'} className="btn-primary">
            {user ? t('common.goToDashboard') : t('common.goToSignIn')}
          </Link>
        }
      />
    </>
  );
}

export { NotFoundPage };
