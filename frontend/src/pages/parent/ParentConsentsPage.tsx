import { ChevronLeft, ChevronRight, FileSignature, RotateCw } from 'lucide-react';
import { PartnerEmptyState, PartnerLoadingSkeleton, PartnerPageHeader } from '@/components/partner/shared';
import { ConsentRequestList } from '@/components/parent/ConsentRequestList';
import { PendingConsentSummary } from '@/components/parent/PendingConsentSummary';
import { urlParam, useUrlState } from '@/lib/use-url-state';
import { usePendingConsentCount, useParentConsents } from '@/services/parent/consents';
import { apiErrorText } from '@/i18n/api-text';
import { useTranslation } from '@/i18n/use-translation';

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
  const translation = useTranslation();
  const { t } = translation;

  return (
    <>
      <PartnerPageHeader
        title={t('parent.consentRequests')}
        description={t('parent.inboxIntro')}
        breadcrumbs={[{ label: t('common.home'), to: '/dashboard/parent' }, { label: t('parent.consentRequests') }]}
      />

      <PendingConsentSummary count={pending.data} className="mb-6" />

      {list.isPending && <PartnerLoadingSkeleton variant="lines" count={6} label={t('parent.loadingRequests')} />}

      {list.isError && !list.data && (
        <PartnerEmptyState
          testId="consents-error"
          icon={FileSignature}
          title={t('parent.couldNotLoadRequests')}
          description={apiErrorText(list.error, translation)}
          action={
            <button type="button" className="btn-primary min-h-11" onClick={() => void list.refetch()}>
              <RotateCw className="size-4" aria-hidden="true" /> {t('common.tryAgain')}
            </button>
          }
        />
      )}

      {list.data && total === 0 && (
        <PartnerEmptyState
          testId="consents-empty"
          icon={FileSignature}
          title={t('parent.noRequests')}
          description={t('parent.noRequestsText')}
        />
      )}

      {items.length > 0 && (
        <div className="flex flex-col gap-8" aria-busy={list.isPlaceholderData || undefined}>
          {waiting.length > 0 && (
            <section aria-labelledby="consents-waiting">
              <h2 id="consents-waiting" className="mb-3 text-sm font-semibold uppercase tracking-wider text-fg-subtle">
                {t('parent.waitingHeading')}
              </h2>
              <ConsentRequestList consents={waiting} label={t('parent.waitingList')} />
            </section>
          )}
          {answered.length > 0 && (
            <section aria-labelledby="consents-answered">
              <h2 id="consents-answered" className="mb-3 text-sm font-semibold uppercase tracking-wider text-fg-subtle">
                {t('parent.answeredHeading')}
              </h2>
              <ConsentRequestList consents={answered} label={t('parent.answeredList')} />
            </section>
          )}
          {pageCount > 1 && (
            <nav aria-label={t('parent.requestPages')} className="flex items-center justify-between gap-3 text-sm text-fg-muted">
              <button type="button" className="btn-secondary min-h-11" onClick={() => goTo(page - 1)} disabled={page <= 1}>
                <ChevronLeft className="size-4" aria-hidden="true" /> {t('parent.newer')}
              </button>
              <span>{t('common.pageOf', { page, pages: pageCount })}</span>
              <button type="button" className="btn-secondary min-h-11" onClick={() => goTo(page + 1)} disabled={page >= pageCount}>
                {t('parent.older')} <ChevronRight className="size-4" aria-hidden="true" />
              </button>
            </nav>
          )}
        </div>
      )}
    </>
  );
}
