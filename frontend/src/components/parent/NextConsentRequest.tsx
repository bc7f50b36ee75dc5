import { Link } from 'react-router';
import { ArrowRight, Inbox } from 'lucide-react';
import { useNextWaitingConsent } from '@/services/parent/consents';
import { firstName } from './consent-display';
import { useTranslation } from '@/i18n/use-translation';

const INBOX = '/dashboard/parent/consents';

/**
 * After an answer: the next request still waiting for this guardian, as a big link, or word that none is left. Asked
 * afresh after the answer (the lists were invalidated), so the request just answered is never offered as "next".
 */
export function NextConsentRequest({ answeredIds }: { answeredIds: string[] }) {
  const next = useNextWaitingConsent(true);
  const { t } = useTranslation();
  if (next.isPending || next.isFetching) {
    return <p className="text-sm text-fg-muted" data-testid="consent-next-loading">{t('consent.lookingForOthers')}</p>;
  }
  const request = next.data && !answeredIds.includes(next.data.id) ? next.data : null;
  if (next.isError || !request) {
    return (
      <div className="flex flex-col gap-2 sm:flex-row sm:items-center sm:justify-between" data-testid="consent-next-none">
        <p className="flex items-center gap-2 text-[15px] font-medium text-fg">
          <Inbox className="size-5 shrink-0 text-fg-subtle" aria-hidden="true" />
          {next.isError ? t('consent.othersInInbox') : t('consent.noMoreWaiting')}
        </p>
        <Link to={INBOX} className="btn-secondary min-h-11">
          {t('parent.allRequests')}
        </Link>
      </div>
    );
  }
  return (
    <Link
      to={`${INBOX}/${request.id}`}
      className="btn-primary min-h-12 w-full justify-between gap-3 text-left text-base"
      data-testid="consent-next-link"
    >
      <span className="min-w-0 [overflow-wrap:anywhere]">
        {t('consent.nextRequest', { child: firstName(request.childName), program: request.programName })}
      </span>
      <ArrowRight className="size-5 shrink-0" aria-hidden="true" />
    </Link>
  );
}
