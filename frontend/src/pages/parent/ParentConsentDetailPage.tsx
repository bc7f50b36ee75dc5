import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ArrowLeft, CheckCircle2, ChevronDown, FileSignature, RotateCw } from 'lucide-react';
import { PartnerEmptyState, PartnerLoadingSkeleton, PartnerPageHeader } from '@/components/partner/shared';
import { ConsentAnswerForm } from '@/components/parent/ConsentAnswerForm';
import { ConsentRecord } from '@/components/parent/ConsentRecord';
import { ConsentRequestSummary } from '@/components/parent/ConsentRequestSummary';
import { ConsentStatusBadge } from '@/components/parent/ConsentStatusBadge';
import { ConsentTextBlock } from '@/components/parent/ConsentTextBlock';
import { NextConsentRequest } from '@/components/parent/NextConsentRequest';
import { namesList } from '@/components/parent/SignTogetherChoice';
import { firstName } from '@/components/parent/consent-display';
import { isApiError } from '@/lib/api';
import { formatDate } from '@/lib/format';
import { SIGN_TOGETHER_MAX, useParentConsent, useWaitingInProgram } from '@/services/parent/consents';
import type { ParentConsent } from '@/types/partner';
import { apiErrorText } from '@/i18n/api-text';
import { useTranslation, type Translation } from '@/i18n/use-translation';

const INBOX = '/dashboard/parent/consents';

function noticeFor(consent: ParentConsent, alsoSigned: ParentConsent[], t: Translation['t']): string {
  const child = firstName(consent.childName);
  const partner = consent.partnerName;
  if (consent.status === 'given' && alsoSigned.length > 0) {
    const names = namesList([consent, ...alsoSigned].map((c) => firstName(c.childName)));
    return t('parent.noticeSignedMany', { count: alsoSigned.length + 1, names, partner, program: consent.programName });
  }
  if (consent.status === 'given') return t('parent.noticeSigned', { partner, child });
  if (consent.status === 'declined') return t('parent.noticeDeclined', { partner, child });
  if (consent.status === 'revoked') return t('parent.noticeWithdrawn', { partner, child });
  return '';
}

/** `/dashboard/parent/consents/:id`: one request, read in full, answered with an e-signature; later, withdrawn. */
export default function ParentConsentDetailPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const translation = useTranslation();
  const { t, language } = translation;
  const query = useParentConsent(id);
  // Shown on the record it is about (an answer may open a new record); `answered` also shows what to answer next.
  const [notice, setNotice] = useState<{ on: string; text: string; answered: string[] | null } | null>(null);
  const consent = query.data;
  const pending = consent?.status === 'pending';
  const waiting = useWaitingInProgram(consent?.programId ?? '', pending);
  // The other children waiting in this program, as many as one signature may cover; any beyond come up as "next".
  const siblings = pending
    ? (waiting.data?.items ?? []).filter((c) => c.id !== consent.id && c.status === 'pending').slice(0, SIGN_TOGETHER_MAX - 1)
    : [];

  const announce = (updated: ParentConsent, alsoSigned: ParentConsent[] = [], answered = true) => {
    setNotice({ on: updated.id, text: noticeFor(updated, alsoSigned, t), answered: answered ? [updated, ...alsoSigned].map((c) => c.id) : null });
    window.scrollTo({ top: 0, behavior: 'smooth' });
  };

  const crumbs = (last: string) => [{ label: t('common.home'), to: '/dashboard/parent' }, { label: t('parent.consentRequests'), to: INBOX }, { label: last }];

  if (query.isPending) {
    return (
      <>
        <PartnerPageHeader title={t('parent.consentRequest')} breadcrumbs={crumbs(t('parent.request'))} />
        <PartnerLoadingSkeleton variant="lines" count={8} label={t('parent.loadingRequest')} />
      </>
    );
  }

  if (!consent) {
    const notFound = isApiError(query.error) && (query.error.status === 404 || query.error.status === 400);
    return (
      <>
        <PartnerPageHeader title={t('parent.consentRequest')} breadcrumbs={crumbs(t('parent.request'))} />
        <PartnerEmptyState
          testId={notFound ? 'consent-not-found' : 'consent-error'}
          icon={FileSignature}
          title={notFound ? t('parent.notFoundTitle') : t('parent.loadFailedTitle')}
          description={notFound ? t('parent.notFoundText') : apiErrorText(query.error, translation)}
          action={
            notFound ? (
              <Link to={INBOX} className="btn-primary min-h-11">
                {t('parent.seeAllRequests')}
              </Link>
            ) : (
              <button type="button" className="btn-primary min-h-11" onClick={() => void query.refetch()}>
                <RotateCw className="size-4" aria-hidden="true" /> {t('common.tryAgain')}
              </button>
            )
          }
        />
      </>
    );
  }

  const child = firstName(consent.childName);
  const shownNotice = notice?.on === consent.id ? notice : null;

  return (
    <>
      <PartnerPageHeader
        title={consent.childName}
        description={t('parent.asksToFollow', { partner: consent.partnerName, child })}
        breadcrumbs={crumbs(consent.childName)}
        actions={<ConsentStatusBadge status={consent.status} className="px-3 py-1 text-xs" />}
      />

      <div className="mx-auto flex max-w-2xl flex-col gap-4" data-testid="consent-detail" data-status={consent.status}>
        {shownNotice && (
          <div role="status" className="flex flex-col gap-3 rounded-xl border border-ok/40 bg-ok/10 px-4 py-3" data-testid="consent-after-answer">
            <p className="flex items-start gap-2.5 text-[15px] text-fg" data-testid="consent-notice">
              <CheckCircle2 className="mt-0.5 size-5 shrink-0 text-ok" aria-hidden="true" />
              {shownNotice.text}
            </p>
            {shownNotice.answered && <NextConsentRequest answeredIds={shownNotice.answered} />}
          </div>
        )}

        {consent.status === 'expired' ? (
          <section aria-labelledby="consent-expired-title" className="card p-4 sm:p-5" data-testid="consent-expired">
            <h2 id="consent-expired-title" className="text-base font-semibold text-fg">
              {t('parent.expiredTitle')}
            </h2>
            <p className="mt-1 text-sm text-fg-muted">
              {t('parent.expiredText', { date: consent.expiresAt ? formatDate(consent.expiresAt) : '', partner: consent.partnerName })}
            </p>
          </section>
        ) : (
          !pending && <ConsentRecord consent={consent} onWithdrawn={(updated) => announce(updated, [], false)} />
        )}
        {pending && consent.expiresAt && (
          <p className="text-sm text-fg-muted" data-testid="consent-expires">
            {t('parent.expiresOn', { date: formatDate(consent.expiresAt) })}
          </p>
        )}

        <ConsentRequestSummary consent={consent} />

        <section aria-labelledby="consent-text-title" className="card p-4 sm:p-5">
          {pending ? (
            <>
              <h2 id="consent-text-title" className="mb-3 text-base font-semibold text-fg">
                {t('parent.askedToAgree')}
              </h2>
              <ConsentTextBlock text={consent.consentText} version={consent.consentTextVersion} language={consent.consentTextLanguage} />
              {language !== consent.consentTextLanguage && (
                <p className="mt-2 text-xs text-fg-subtle" data-testid="consent-only-english">
                  {t('consent.onlyEnglish')}
                </p>
              )}
            </>
          ) : (
            <details className="group">
              <summary id="consent-text-title" className="flex min-h-11 cursor-pointer list-none items-center justify-between gap-3 text-base font-semibold text-fg [&::-webkit-details-marker]:hidden">
                {consent.status === 'declined' ? t('parent.textYouWereAsked') : t('parent.textYouSigned')}
                <ChevronDown className="size-5 shrink-0 text-fg-subtle transition-transform group-open:rotate-180" aria-hidden="true" />
              </summary>
              <div className="mt-3">
                {consent.signedLanguage && consent.signedLanguage !== language && (
                  <p className="mb-2 text-xs text-fg-subtle">{t('consent.signedIn', { language: t(`languages.${consent.signedLanguage}`) })}</p>
                )}
                <ConsentTextBlock text={consent.consentText} version={consent.consentTextVersion} language={consent.consentTextLanguage} />
              </div>
            </details>
          )}
        </section>

        {pending && (
          <ConsentAnswerForm
            key={consent.id}
            consent={consent}
            siblings={siblings}
            onReload={() => {
              void query.refetch();
              void waiting.refetch();
            }}
            onAnswered={announce}
          />
        )}

        {consent.canChangeToConsent && (
          <section aria-labelledby="consent-change-title" className="flex flex-col gap-3" data-testid="consent-change">
            <h2 id="consent-change-title" className="text-base font-semibold text-fg">
              {t('parent.changedMind')}
            </h2>
            <p className="text-sm text-fg-muted">{t('parent.changedMindText')}</p>
            <ConsentAnswerForm
              key={consent.id}
              consent={consent}
              agreeOnly
              onReload={() => void query.refetch()}
              onAnswered={(updated) => {
                announce(updated);
                // A change of mind is a new record: show that one.
                if (updated.id !== consent.id) navigate(`${INBOX}/${updated.id}`, { replace: true });
              }}
            />
          </section>
        )}

        <Link to={INBOX} className="btn-ghost min-h-11 self-start">
          <ArrowLeft className="size-4" aria-hidden="true" /> {t('parent.allRequests')}
        </Link>
      </div>
    </>
  );
}
