import { Link } from 'react-router';
import { ArrowRight, FileSignature } from 'lucide-react';
import { PartnerBadge, PartnerPageHeader } from '@/components/partner/shared';
import { useCurrentUser } from '@/services/auth';
import { usePendingConsentCount } from '@/services/parent/consents';

/** `/dashboard/parent`: the parent's landing page; consent requests are answered from here. */
export default function ParentDashboardPage() {
  const { data: user } = useCurrentUser();
  const pending = usePendingConsentCount();
  const count = pending.data;
  return (
    <>
      <PartnerPageHeader
        title={user ? `Karibu, ${user.displayName}` : 'Karibu'}
        description="Your children’s sponsorships and the requests that need your answer."
      />
      <section aria-labelledby="consents-title" className="card flex flex-col gap-4 p-5 sm:flex-row sm:items-center">
        <span className="grid size-11 shrink-0 place-items-center rounded-xl bg-brand-soft text-brand-text" aria-hidden="true">
          <FileSignature className="size-5" />
        </span>
        <div className="min-w-0 flex-1">
          <h2 id="consents-title" className="flex flex-wrap items-center gap-2 text-base font-semibold">
            Consent requests
            {count !== undefined && count > 0 && (
              <PartnerBadge tone="brand" testId="parent-pending-count" aria-label={`${count} waiting for your answer`}>
                {count}
              </PartnerBadge>
            )}
          </h2>
          <p className="mt-1 text-sm text-fg-muted" data-testid="parent-pending-text">
            {count === undefined
              ? 'When a sponsor asks to follow your child’s learning, you read the request and sign it, or decline, here.'
              : count === 0
                ? 'No requests wait for your answer. Nothing is shared with a sponsor until you agree, and you can withdraw consent at any time.'
                : `${count === 1 ? '1 request waits' : `${count} requests wait`} for your answer. Nothing is shared with a sponsor until you agree, and you can withdraw consent at any time.`}
          </p>
        </div>
        <Link to="/dashboard/parent/consents" className="btn-primary min-h-12 shrink-0 text-base" data-testid="parent-consents-link">
          {count ? 'Review requests' : 'See requests'} <ArrowRight className="size-4" aria-hidden="true" />
        </Link>
      </section>
    </>
  );
}
