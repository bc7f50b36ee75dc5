import { ChevronLeft, ChevronRight, FileSignature, RotateCw } from 'lucide-react';
import { PartnerEmptyState, PartnerLoadingSkeleton, PartnerPageHeader } from '@/components/partner/shared';
import { ConsentRequestList } from '@/components/parent/ConsentRequestList';
import { PendingConsentSummary } from '@/components/parent/PendingConsentSummary';
import { urlParam, useUrlState } from '@/lib/use-url-state';
import { usePendingConsentCount, useParentConsents } from '@/services/parent/consents';

const PAGE_SIZE = 20;
const INBOX_URL = { page: urlParam.page() };

/** `/dashboard/parent/consents`: every consent request for the guardian's children, unanswered first. */
export default function ParentConsentsPage() {
  const [{ page }, setUrl] = useUrlState(INBOX_URL);
  const list = useParentConsents({ page, pageSize: PAGE_SIZE });
  const pending = usePendingConsentCount();

  const items = list.data?.items ?? [];
  const waiting = items.filter((c) => c.status === 'pending');
  const answered = items.filter((c) => c.status !== 'pending');
  const total = list.data?.total ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const goTo = (next: number) => setUrl({ page: next });

  return (
    <>
      <PartnerPageHeader
        title="Consent requests"
        description="Sponsors ask before they can follow your children’s learning. Nothing is shared until you agree."
        breadcrumbs={[{ label: 'Home', to: '/dashboard/parent' }, { label: 'Consent requests' }]}
      />

      <PendingConsentSummary count={pending.data} className="mb-6" />

      {list.isPending && <PartnerLoadingSkeleton variant="lines" count={6} label="Loading your consent requests" />}

      {list.isError && !list.data && (
        <PartnerEmptyState
          testId="consents-error"
          icon={FileSignature}
          title="We could not load your requests"
          description={list.error.message}
          action={
            <button type="button" className="btn-primary min-h-11" onClick={() => void list.refetch()}>
              <RotateCw className="size-4" aria-hidden="true" /> Try again
            </button>
          }
        />
      )}

      {list.data && total === 0 && (
        <PartnerEmptyState
          testId="consents-empty"
          icon={FileSignature}
          title="No consent requests"
          description="When a sponsor asks to follow your child’s learning, the request will appear here."
        />
      )}

      {items.length > 0 && (
        <div className="flex flex-col gap-8" aria-busy={list.isPlaceholderData || undefined}>
          {waiting.length > 0 && (
            <section aria-labelledby="consents-waiting">
              <h2 id="consents-waiting" className="mb-3 text-sm font-semibold uppercase tracking-wider text-fg-subtle">
                Waiting for your answer
              </h2>
              <ConsentRequestList consents={waiting} label="Requests waiting for your answer" />
            </section>
          )}
          {answered.length > 0 && (
            <section aria-labelledby="consents-answered">
              <h2 id="consents-answered" className="mb-3 text-sm font-semibold uppercase tracking-wider text-fg-subtle">
                Answered
              </h2>
              <ConsentRequestList consents={answered} label="Answered requests" />
            </section>
          )}
          {pageCount > 1 && (
            <nav aria-label="Consent request pages" className="flex items-center justify-between gap-3 text-sm text-fg-muted">
              <button type="button" className="btn-secondary min-h-11" onClick={() => goTo(page - 1)} disabled={page <= 1}>
                <ChevronLeft className="size-4" aria-hidden="true" /> Newer
              </button>
              <span>
                Page {page} of {pageCount}
              </span>
              <button type="button" className="btn-secondary min-h-11" onClick={() => goTo(page + 1)} disabled={page >= pageCount}>
                Older <ChevronRight className="size-4" aria-hidden="true" />
              </button>
            </nav>
          )}
        </div>
      )}
    </>
  );
}
