import { Link } from 'react-router';
import { ArrowRight, FileSignature } from 'lucide-react';
import { PartnerBadge, PartnerPageHeader } from '@/components/partner/shared';
import { useCurrentUser } from '@/services/auth';
import { usePendingConsentCount } from '@/services/parent/consents';
import { useTranslation } from '@/i18n/use-translation';

/** `/dashboard/parent`: the parent's landing page; consent requests are answered from here. */
export default function ParentDashboardPage() {
  const { data: user } = useCurrentUser();
  const pending = usePendingConsentCount();
  const count = pending.data;
  const { t } = useTranslation();
  return (
    <>
      <PartnerPageHeader
        title={user ? t('parent.welcome', { name: user.displayName }) : t('parent.welcomeAnonymous')}
        description={t('parent.landingIntro')}
      />
      <section aria-labelledby="consents-title" className="card flex flex-col gap-4 p-5 sm:flex-row sm:items-center">
        <span className="grid size-11 shrink-0 place-items-center rounded-xl bg-brand-soft text-brand-text" aria-hidden="true">
          <FileSignature className="size-5" />
        </span>
        <div className="min-w-0 flex-1">
          <h2 id="consents-title" className="flex flex-wrap items-center gap-2 text-base font-semibold">
            {t('parent.consentRequests')}
            {count !== undefined && count > 0 && (
              <PartnerBadge tone="brand" testId="parent-pending-count" aria-label={t('parent.waitingCount', { count })}>
                {count}
              </PartnerBadge>
            )}
          </h2>
          <p className="mt-1 text-sm text-fg-muted" data-testid="parent-pending-text">
            {count === undefined ? t('parent.landingUnknown') : count === 0 ? t('parent.landingNone') : t('parent.landingSome', { count })}
          </p>
        </div>
        <Link to="/dashboard/parent/consents" className="btn-primary min-h-12 shrink-0 text-base" data-testid="parent-consents-link">
          {count ? t('parent.reviewRequests') : t('parent.seeRequests')} <ArrowRight className="size-4" aria-hidden="true" />
        </Link>
      </section>
    </>
  );
}
