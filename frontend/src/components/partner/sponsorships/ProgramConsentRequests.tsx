import { useState } from 'react';
import { ListPager, PartnerBadge } from '@/components/partner/shared';
import { CONSENT_LABELS, CONSENT_TONES } from '@/components/partner/children/child-format';
import { isApiError } from '@/lib/api';
import { formatDate } from '@/lib/format';
import { useConsentRequests, useRequestConsent } from '@/services/partner/consent';
import { usePartnerPermissions } from '@/services/partner/team';
import { toast } from '@/store/toastStore';
import type { ChildConsentResponse, ChildConsentStatus } from '@/types/partner';

const FILTERS: { value: ChildConsentStatus | ''; label: string }[] = [
  { value: '', label: 'All' },
  { value: 'pending', label: 'Awaiting guardian' },
  { value: 'expired', label: 'Expired' },
  { value: 'declined', label: 'Declined' },
  { value: 'revoked', label: 'Withdrawn' },
];

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/** "Expires in 12 days · reminded 2 times", or when the partner may ask again. */
function requestState(c: ChildConsentResponse): string {
  const parts: string[] = [];
  if (c.expiresInDays != null) parts.push(c.expiresInDays === 0 ? 'Expires today' : `Expires in ${plural(c.expiresInDays, 'day')}`);
  if (c.guardiansAsked > 0) parts.push(c.remindersSent === 0 ? 'not reminded yet' : `reminded ${c.remindersSent === 1 ? 'once' : `${c.remindersSent} times`}`);
  if (c.askAgainFrom) parts.push(`can ask again from ${formatDate(c.askAgainFrom)}`);
  return parts.join(' · ');
}

/**
 * The program's consent requests: where each child's stands, when an open request expires, how often its guardians
 * were reminded, and "Ask again" once a request expired or was declined (at most once per 30 days per child).
 */
export function ProgramConsentRequests({ programId }: { programId: string }) {
  const [status, setStatus] = useState<ChildConsentStatus | ''>('');
  const [page, setPage] = useState(1);
  const requests = useConsentRequests(programId, status, page);
  const ask = useRequestConsent();
  const { changePrograms } = usePartnerPermissions();

  const askAgain = (child: ChildConsentResponse) =>
    ask.mutate(
      { sponsoredChildId: child.sponsoredChildId },
      {
        onSuccess: () => toast.success(`${child.childName}’s guardians were asked again.`),
        onError: (error) => toast.error(isApiError(error) ? (error.detail ?? error.message) : 'The request could not be sent.'),
      },
    );

  const data = requests.data;
  return (
    <section aria-labelledby="consent-requests-title" className="card mt-4 flex flex-col gap-3 p-4 sm:p-5" data-testid="consent-requests">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="consent-requests-title" className="text-base font-semibold text-fg">
          Consent requests
        </h2>
        <label className="flex items-center gap-2 text-sm text-fg-muted">
          Show
          <select
            className="input min-h-11 w-auto"
            value={status}
            onChange={(e) => {
              setStatus(e.target.value as ChildConsentStatus | '');
              setPage(1);
            }}
          >
            {FILTERS.map((f) => (
              <option key={f.value} value={f.value}>
                {f.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p className="text-sm text-fg-muted">A request expires 30 days after it is sent; guardians are reminded on day 3, day 10 and three days before it expires.</p>
      {requests.isPending ? (
        <p className="text-sm text-fg-muted">Loading the consent requests…</p>
      ) : requests.isError || !data ? (
        <p className="text-sm text-brand-text">We couldn’t load the consent requests.</p>
      ) : data.items.length === 0 ? (
        <p className="text-sm text-fg-muted">No child matches.</p>
      ) : (
        <ul className="flex flex-col divide-y divide-line">
          {data.items.map((c) => (
            <li key={c.sponsoredChildId} className="flex flex-wrap items-center justify-between gap-2 py-2.5" data-testid="consent-request-row">
              <div className="min-w-0">
                <p className="truncate text-sm font-medium text-fg">{c.childName}</p>
                <p className="text-xs text-fg-muted">{requestState(c) || 'Not asked yet'}</p>
              </div>
              <div className="flex items-center gap-2">
                <PartnerBadge tone={CONSENT_TONES[c.status]}>{CONSENT_LABELS[c.status]}</PartnerBadge>
                {c.canAskAgain && changePrograms && (
                  <button type="button" className="btn-secondary min-h-11" disabled={ask.isPending} onClick={() => askAgain(c)}>
                    Ask again
                  </button>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      {data && (
        <ListPager page={data.page} pages={Math.max(1, Math.ceil(data.total / data.pageSize))} total={data.total} noun="children" onPage={setPage} />
      )}
    </section>
  );
}
