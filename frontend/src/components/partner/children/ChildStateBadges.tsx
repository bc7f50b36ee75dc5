import { PartnerBadge } from '@/components/partner/shared';
import type { ChildConsentStatus, SponsoredChildStatus } from '@/types/partner';
import { ConsentBadge } from './ConsentBadge';

/** Enrolment statuses that say something the consent badge does not. */
const TELLING: SponsoredChildStatus[] = ['PAUSED', 'GRADUATED', 'LEFT', 'REMOVED'];

/**
 * Where a child stands, as one consent state ("Consent given", "Awaiting guardian", "Consent not requested"…), plus
 * the enrolment status only when it adds something. "Pending consent" and "Active" are never shown beside a consent
 * badge: they restate it, and "Pending consent" next to "Consent not requested" reads as two answers.
 */
export function ChildStateBadges({ child }: { child: { status: SponsoredChildStatus; consentStatus: ChildConsentStatus } }) {
  return (
    <>
      <ConsentBadge status={child.consentStatus} />
      {TELLING.includes(child.status) && <PartnerBadge status={child.status} testId="child-status-badge" />}
    </>
  );
}
