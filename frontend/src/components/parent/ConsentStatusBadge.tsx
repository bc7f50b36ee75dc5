import { PartnerBadge } from '@/components/partner/shared';
import type { ConsentStatus } from '@/types/partner';
import { CONSENT_STATUS_LABELS, CONSENT_STATUS_TONES } from './consent-display';

export function ConsentStatusBadge({ status, className }: { status: ConsentStatus; className?: string }) {
  return (
    <PartnerBadge tone={CONSENT_STATUS_TONES[status]} testId="consent-status" className={className}>
      {CONSENT_STATUS_LABELS[status]}
    </PartnerBadge>
  );
}
