import type { RealtimeCounters } from '@/types/partner';
import { isItemBuilt, type PartnerNavItem, type PartnerNavSection } from './partner-nav';

/** The live count an item's badge shows (0 when the item has no badge, or leads to a section not built yet). */
export function badgeCount(item: PartnerNavItem, counters: RealtimeCounters): number {
  return item.badge && isItemBuilt(item) ? counters[item.badge] : 0;
}

/** The sum of a section's badges: a dot on the section when it is closed, or on the rail. */
export function sectionBadgeTotal(section: PartnerNavSection, counters: RealtimeCounters): number {
  return section.items.reduce((sum, item) => sum + badgeCount(item, counters), 0);
}

/** How a screen reader hears each counter after the item's name, e.g. "Tickets, 2 open". */
export const COUNTER_WORDS: Record<keyof RealtimeCounters, string> = {
  childrenWithConsent: 'with consent',
  childAlerts: 'need attention',
  pendingConsents: 'awaiting a guardian’s answer',
  openTickets: 'open',
  pendingPayments: 'pending',
  unreadNotifications: 'unread',
  unreadMessages: 'unread',
  suspendedPrograms: 'suspended for billing',
};
