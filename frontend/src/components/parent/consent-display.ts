import { formatDate, formatTime } from '@/lib/format';
import { translate } from '@/i18n/i18n';
import type { BadgeTone } from '@/components/partner/shared';
import type { ConsentStatus } from '@/types/partner';

/** How a guardian reads each status (plain words, not the API's spelling), in the reader's language. */
export function consentStatusLabel(status: ConsentStatus): string {
  return translate(`consent.status.${status}`);
}

export const CONSENT_STATUS_TONES: Record<ConsentStatus, BadgeTone> = {
  pending: 'warning',
  given: 'success',
  declined: 'danger',
  revoked: 'neutral',
  expired: 'neutral',
};

/** "3 Dec 2026 at 14:05" ("3 Des 2026 saa 14:05") in Nairobi time. */
export function formatNairobiDateTime(iso: string): string {
  return translate('common.dateAtTime', { date: formatDate(iso), time: formatTime(iso) });
}

/** The child's first name, for short sentences ("Faith Otieno" → "Faith"). */
export function firstName(fullName: string): string {
  return fullName.trim().split(/\s+/)[0] ?? fullName;
}
