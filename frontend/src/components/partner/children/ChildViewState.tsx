import type { ReactNode } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { PartnerLoadingSkeleton } from '@/components/partner/shared';
import { QueryErrorState } from '@/components/partner/sponsorships/QueryErrorState';
import { consentRequired } from '@/services/partner/consent';
import type { ChildHeader } from '@/types/partner';
import { BillingSuspendedState, billingSuspended } from './BillingSuspendedState';
import { ConsentRequiredState } from './ConsentRequiredState';

export interface ChildViewStateProps<T> {
  query: UseQueryResult<T, Error>;
  child: ChildHeader;
  /** What is loading, e.g. "learning journey". */
  what: string;
  children: (data: T) => ReactNode;
}

/** A child tab's loading, consent-required and billing-suspended (403), error and loaded states. */
export function ChildViewState<T>({ query, child, what, children }: ChildViewStateProps<T>) {
  if (query.isPending) return <PartnerLoadingSkeleton variant="cards" count={4} label={`Loading ${what}`} />;
  if (query.isError) {
    const billing = billingSuspended(query.error);
    if (billing) return <BillingSuspendedState suspension={billing} onRestored={() => void query.refetch()} />;
    const consent = consentRequired(query.error);
    // A child who left (or was removed) is hidden by the gate whatever the guardians said: asking them would not help.
    if (consent && (child.status === 'LEFT' || child.status === 'REMOVED'))
      return (
        <p className="card p-4 text-sm text-fg-muted" data-testid="child-departed">
          {child.displayName} is no longer in “{child.programName}”, so their learning data and timeline are no longer shown. Their record stays on the
          program.
        </p>
      );
    if (consent)
      return (
        <ConsentRequiredState
          childId={child.id}
          programId={child.programId}
          childName={child.displayName.split(' ')[0] ?? child.displayName}
          consentStatus={consent.consentStatus ?? child.consentStatus}
          message={consent.message}
          canRequest={child.status === 'PENDING_CONSENT'}
        />
      );
    return <QueryErrorState title={`We couldn’t load the ${what}`} error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} />;
  }
  return <>{children(query.data)}</>;
}
