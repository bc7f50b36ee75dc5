import { Link } from 'react-router';
import { ChevronRight } from 'lucide-react';
import { formatDate } from '@/lib/format';
import { cn } from '@/lib/cn';
import type { ParentConsent } from '@/types/partner';
import { ConsentStatusBadge } from './ConsentStatusBadge';
import { useTranslation, type Translation } from '@/i18n/use-translation';
import { TruncatedText } from '@/components/partner/shared/TruncatedText';

/** The date that matters for each status: asked, agreed, declined or withdrawn. */
function when(consent: ParentConsent, t: Translation['t']): string {
  switch (consent.status) {
    case 'given':
      return consent.consentedAt ? t('consent.agreedOn', { date: formatDate(consent.consentedAt) }) : t('consent.agreed');
    case 'declined':
      return consent.consentedAt ? t('consent.declinedOn', { date: formatDate(consent.consentedAt) }) : t('consent.declined');
    case 'revoked':
      return consent.revokedAt ? t('consent.withdrawnOn', { date: formatDate(consent.revokedAt) }) : t('consent.withdrawn');
    default:
      return t('consent.askedOn', { date: formatDate(consent.requestedAt) });
  }
}

/** One request per row, each a large link to its detail page. */
export function ConsentRequestList({ consents, label }: { consents: ParentConsent[]; label: string }) {
  const { t } = useTranslation();
  return (
    <ul className="flex flex-col gap-3" aria-label={label}>
      {consents.map((consent) => (
        <li key={consent.id} data-testid="consent-item" data-status={consent.status}>
          <Link
            to={`/dashboard/parent/consents/${consent.id}`}
            className={cn(
              'card flex min-h-20 items-center gap-3 p-4 transition-colors hover:border-line-strong hover:bg-elevated/40',
              consent.status === 'pending' && 'border-brand/40',
            )}
          >
            <div className="min-w-0 flex-1">
              <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
                <TruncatedText text={consent.childName} className="text-base font-semibold text-fg" />
                <ConsentStatusBadge status={consent.status} />
              </div>
              <TruncatedText as="p" lines={2} text={`${consent.partnerName} · ${consent.programName}`} className="mt-1 text-sm text-fg-muted" />
              <p className="mt-0.5 text-xs text-fg-subtle">{when(consent, t)}</p>
            </div>
            <ChevronRight className="size-5 shrink-0 text-fg-subtle" aria-hidden="true" />
          </Link>
        </li>
      ))}
    </ul>
  );
}
