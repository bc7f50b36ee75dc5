import { PartnerBadge } from '@/components/partner/shared';
import type { ConsentStatus } from '@/types/partner';
import { useTranslation } from '@/i18n/use-translation';
import { CONSENT_STATUS_TONES } from './consent-display';

export function ConsentStatusBadge({ status, className }: { status: ConsentStatus; className?: string }) {
  const { t } = useTranslation();
  return (
    <PartnerBadge tone={CONSENT_STATUS_TONES[status]} testId="consent-status" className={className}>
      {t(`consent.status.${status}`)}
    </PartnerBadge>
  );
}
