import { formatDate, formatTime } from '@/lib/format';
import type { BadgeTone } from '@/components/partner/shared';
import type { ConsentStatus } from '@/types/partner';

/** How a guardian reads each status (plain words, not the API's spelling). */
export const CONSENT_STATUS_LABELS: Record<ConsentStatus, string> = {
  pending: 'Waiting for your answer',
  given: 'Consent given',
  declined: 'Declined',
  revoked: 'Withdrawn',
};

export const CONSENT_STATUS_TONES: Record<ConsentStatus, BadgeTone> = {
  pending: 'warning',
  given: 'success',
  declined: 'danger',
  revoked: 'neutral',
};

/** "3 Dec 2026 at 14:05" in Nairobi time. */
export function formatNairobiDateTime(iso: string): string {
  return `${formatDate(iso)} at ${formatTime(iso)}`;
}

/** The child's first name, for short sentences ("Faith Otieno" → "Faith"). */
export function firstName(fullName: string): string {
  return fullName.trim().split(/\s+/)[0] ?? fullName;
}
