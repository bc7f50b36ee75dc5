import { PartnerBadge } from '@/components/partner/shared';
import type { ChildConsentStatus } from '@/types/partner';
import { CONSENT_LABELS, CONSENT_TONES } from './child-format';

/** Where a child's consent stands, in words a partner reads at a glance. */
export function ConsentBadge({ status, className }: { status: ChildConsentStatus; className?: string }) {
  return (
    <PartnerBadge tone={CONSENT_TONES[status] ?? 'neutral'} testId="consent-badge" className={className}>
      {CONSENT_LABELS[status] ?? status}
    </PartnerBadge>
  );
}
