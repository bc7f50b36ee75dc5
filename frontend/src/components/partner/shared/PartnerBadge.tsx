import type { ReactNode } from 'react';
import { cn } from '@/lib/cn';
import { humanize } from '@/lib/format';

export type BadgeTone = 'neutral' | 'brand' | 'success' | 'warning' | 'info' | 'danger' | 'violet';

const TONES: Record<BadgeTone, string> = {
  neutral: 'bg-elevated text-fg-muted ring-line-strong',
  brand: 'bg-brand text-white ring-brand',
  success: 'bg-emerald-500/10 text-emerald-300 ring-emerald-500/30',
  warning: 'bg-amber-500/10 text-amber-300 ring-amber-500/30',
  info: 'bg-sky-500/10 text-sky-300 ring-sky-500/30',
  danger: 'bg-red-500/10 text-red-300 ring-red-500/30',
  violet: 'bg-violet-500/10 text-violet-300 ring-violet-500/30',
};

/** The tone of every status the API sends (plan spelling). */
const STATUS_TONES: Record<string, BadgeTone> = {
  // programs
  DRAFT: 'neutral',
  PENDING_APPROVAL: 'warning',
  ACTIVE: 'success',
  PAUSED: 'info',
  COMPLETED: 'violet',
  CANCELLED: 'danger',
  // sponsored children
  PENDING_CONSENT: 'warning',
  GRADUATED: 'violet',
  LEFT: 'neutral',
  REMOVED: 'neutral',
  // subscriptions
  PAST_DUE: 'warning',
  EXPIRED: 'neutral',
  // payments
  pending: 'warning',
  completed: 'success',
  failed: 'danger',
  refunded: 'neutral',
  // consent
  given: 'success',
  declined: 'danger',
  revoked: 'neutral',
  expired: 'neutral',
  // tickets
  open: 'info',
  in_progress: 'warning',
  resolved: 'success',
  closed: 'neutral',
  // resources and meetings
  pending_review: 'warning',
  approved: 'success',
  rejected: 'danger',
  scheduled: 'info',
  // sponsored courses
  published: 'success',
};

/**
 * Statuses whose words differ from their name. A PENDING_CONSENT child may not have been asked yet, so nothing is
 * "pending" for them: "Pending consent" beside "Consent not requested" read as two answers (issue 14).
 */
const STATUS_WORDS: Record<string, string> = { PENDING_CONSENT: 'Without consent yet' };

/** "PENDING_APPROVAL" → "Pending approval"; the one name of each status on every page. */
export function humanizeStatus(status: string): string {
  return STATUS_WORDS[status] ?? humanize(status);
}

export function statusTone(status: unknown): BadgeTone {
  if (typeof status !== 'string') return 'neutral';
  return STATUS_TONES[status] ?? STATUS_TONES[status.toUpperCase()] ?? 'neutral';
}

export interface PartnerBadgeProps {
  /** A status as the API spells it; sets tone and label. */
  status?: string;
  tone?: BadgeTone;
  children?: ReactNode;
  className?: string;
  testId?: string;
  'aria-label'?: string;
}

/** A status pill, or a count pill with `tone="brand"`. */
export function PartnerBadge({ status, tone, children, className, testId, ...rest }: PartnerBadgeProps) {
  const resolved = tone ?? (status ? statusTone(status) : 'neutral');
  return (
    <span
      data-testid={testId}
      data-tone={resolved}
      aria-label={rest['aria-label']}
      className={cn(
        'inline-flex items-center whitespace-nowrap rounded-full px-2 py-0.5 text-[11px] font-semibold leading-4 ring-1 ring-inset',
        TONES[resolved],
        className,
      )}
    >
      {children ?? (status ? humanizeStatus(status) : null)}
    </span>
  );
}
