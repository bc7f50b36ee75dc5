import type { PartnerDashboardOverview } from '@/types/partner';

/** An overview as the API sends it for a partner mid-month. */
export function overviewFixture(overrides: Partial<PartnerDashboardOverview> = {}): PartnerDashboardOverview {
  return {
    programs: { total: 6, draft: 1, pendingApproval: 1, active: 3, paused: 0, completed: 1, cancelled: 0 },
    children: { total: 48, pendingConsent: 9, active: 36, paused: 1, graduated: 2, removed: 0, left: 0 },
    pendingConsents: 9,
    billing: {
      periodStart: '2026-11-01',
      periodEnd: '2026-11-30',
      currencies: [
        {
          currency: 'KES',
          billedThisPeriod: { amount: 154000, currency: 'KES' },
          paidThisPeriod: { amount: 98500, currency: 'KES' },
          outstanding: { amount: 55500, currency: 'KES' },
          pendingPayments: 3,
        },
      ],
      pendingPayments: 3,
    },
    openTickets: 2,
    averageWeeklyLearningMinutes: 143.6,
    counters: { pendingConsents: 9, childrenWithConsent: 36, openTickets: 2, childAlerts: 4, pendingPayments: 3, unreadNotifications: 0, unreadMessages: 0, suspendedPrograms: 0 },
    quickLinks: [
      { key: 'sponsorships', label: 'Sponsorship programs', description: 'Create a program or follow one through approval.', href: '/dashboard/partner/sponsorships', count: 6 },
      {
        key: 'consents',
        label: 'Children without consent yet',
        description: 'Enrolled, and no guardian has agreed yet: not asked, or no answer.',
        href: '/dashboard/partner/sponsored-children?status=PENDING_CONSENT',
        count: 9,
      },
      { key: 'tickets', label: 'Support tickets', description: 'Open or in-progress requests.', href: '/dashboard/partner/tickets', count: 0 },
      { key: 'reports', label: 'Impact reports', description: 'Outcomes to share with your board and donors.', href: '/dashboard/partner/impact-reports', count: null },
      { key: 'resources', label: 'Your resources', description: 'Lessons you contributed.', href: '/dashboard/partner/resources', count: null },
    ],
    generatedAt: '2026-11-20T09:15:00Z',
    ...overrides,
  };
}
