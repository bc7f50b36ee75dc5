import { humanizeStatus } from '@/components/partner/shared/PartnerBadge';

/**
 * The name of each dashboard figure, said once. Each names one thing (children or programs, asked or not),
 * so two figures never share a label and the same figure never goes by two names (DESIGN.md §5).
 */
export const FIGURE_LABELS = {
  /** counters.childrenWithConsent: children a guardian agreed for, in a running program (the consent gate). */
  childrenWithConsent: 'Children with consent',
  /** children.total: every sponsored child, whatever their status. */
  childrenEnrolled: 'Children enrolled',
  /** counters.pendingConsents: children asked for consent with no guardian answer yet. */
  pendingConsents: 'Awaiting a guardian’s answer',
} as const;

/** Words for a child's enrolment status where they differ from the status name. */
export const CHILD_STATUS_LABELS: Record<string, string> = {
  ACTIVE: 'Active',
  PENDING_CONSENT: humanizeStatus('PENDING_CONSENT'),
  PAUSED: 'Paused',
  GRADUATED: 'Graduated',
  LEFT: 'Left',
  REMOVED: 'Removed',
};
