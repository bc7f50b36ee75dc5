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
import { SIGN_TOGETHER_MAX, useParentConsent, useWaitingInProgram } from '@/services/parent/consents';
import type { ParentConsent } from '@/types/partner';

const INBOX = '/dashboard/parent/consents';

function noticeFor(consent: ParentConsent, alsoSigned: ParentConsent[]): string {
  const child = firstName(consent.childName);
  if (consent.status === 'given' && alsoSigned.length > 0) {
    const names = namesList([consent, ...alsoSigned].map((c) => firstName(c.childName)));
    return `Thank you. You signed ${alsoSigned.length + 1} consents, one each for ${names}: ${consent.partnerName} can now follow their learning in ${consent.programName}.`;
  }
  if (consent.status === 'given') return `Thank you. Your consent is signed: ${consent.partnerName} can now follow ${child}’s learning.`;
  if (consent.status === 'declined') return `You declined. ${consent.partnerName} will not see ${child}’s learning.`;
  if (consent.status === 'revoked') return `Consent withdrawn. ${consent.partnerName} no longer sees ${child}’s learning.`;
  return '';
}

/** `/dashboard/parent/consents/:id`: one request, read in full, answered with an e-signature; later, withdrawn. */
export default function ParentConsentDetailPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
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
    setNotice({ on: updated.id, text: noticeFor(updated, alsoSigned), answered: answered ? [updated, ...alsoSigned].map((c) => c.id) : null });
    window.scrollTo({ top: 0, behavior: 'smooth' });
  };

  if (query.isPending) {
    return (
      <>
        <PartnerPageHeader title="Consent request" breadcrumbs={[{ label: 'Home', to: '/dashboard/parent' }, { label: 'Consent requests', to: INBOX }, { label: 'Request' }]} />
        <PartnerLoadingSkeleton variant="lines" count={8} label="Loading the request" />
      </>
    );
  }

  if (!consent) {
    const notFound = isApiError(query.error) && (query.error.status === 404 || query.error.status === 400);
    return (
      <>
        <PartnerPageHeader title="Consent request" breadcrumbs={[{ label: 'Home', to: '/dashboard/parent' }, { label: 'Consent requests', to: INBOX }, { label: 'Request' }]} />
        <PartnerEmptyState
          testId={notFound ? 'consent-not-found' : 'consent-error'}
          icon={FileSignature}
          title={notFound ? 'We could not find this request' : 'We could not load this request'}
          description={notFound ? 'It may have been sent to another guardian, or the link may be mistyped.' : query.error?.message}
          action={
            notFound ? (
              <Link to={INBOX} className="btn-primary min-h-11">
                See all requests
              </Link>
            ) : (
              <button type="button" className="btn-primary min-h-11" onClick={() => void query.refetch()}>
                <RotateCw className="size-4" aria-hidden="true" /> Try again
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
        description={`${consent.partnerName} asks to follow ${child}’s learning on Elimu.`}
        breadcrumbs={[{ label: 'Home', to: '/dashboard/parent' }, { label: 'Consent requests', to: INBOX }, { label: consent.childName }]}
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

        {!pending && <ConsentRecord consent={consent} onWithdrawn={(updated) => announce(updated, [], false)} />}

        <ConsentRequestSummary consent={consent} />

        <section aria-labelledby="consent-text-title" className="card p-4 sm:p-5">
          {pending ? (
            <>
              <h2 id="consent-text-title" className="mb-3 text-base font-semibold text-fg">
                What you are asked to agree to
              </h2>
              <ConsentTextBlock text={consent.consentText} version={consent.consentTextVersion} />
            </>
          ) : (
            <details className="group">
              <summary id="consent-text-title" className="flex min-h-11 cursor-pointer list-none items-center justify-between gap-3 text-base font-semibold text-fg [&::-webkit-details-marker]:hidden">
                {consent.status === 'declined' ? 'The consent text you were asked to sign' : 'The consent text you signed'}
                <ChevronDown className="size-5 shrink-0 text-fg-subtle transition-transform group-open:rotate-180" aria-hidden="true" />
              </summary>
              <div className="mt-3">
                <ConsentTextBlock text={consent.consentText} version={consent.consentTextVersion} />
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
              Changed your mind?
            </h2>
            <p className="text-sm text-fg-muted">
              You can give your consent now. Your earlier answer stays on record; this signature is added beside it.
            </p>
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
          <ArrowLeft className="size-4" aria-hidden="true" /> All consent requests
        </Link>
      </div>
    </>
  );
}
