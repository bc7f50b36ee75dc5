import { Clock, HandCoins, HeartHandshake, Receipt, ShieldCheck, Ticket, Users } from 'lucide-react';
import { PartnerStatsCard } from '@/components/partner/shared';
import { formatDateRange, formatMoney, formatNumber } from '@/lib/format';
import type { PartnerDashboardOverview } from '@/types/partner';
import { unbuiltSectionOf } from '@/components/partner/sidebar/partner-sections';
import { FIGURE_LABELS } from './figure-labels';

/** A figure's hint, with a note when the section that lists its items is not built yet. */
function hintFor(hint: string, href: string) {
  const section = unbuiltSectionOf(href);
  return section ? `${hint} · ${section.title} is not available yet` : hint;
}

/** The KPI row of the dashboard: every figure straight from the overview. */
export function DashboardStats({ overview }: { overview: PartnerDashboardOverview }) {
  const { children, billing, counters } = overview;
  // One amount per currency, side by side ("KES 52,500 · USD 120"): never a sum across currencies.
  const each = (pick: (c: (typeof billing.currencies)[number]) => { amount: number; currency: string }) =>
    billing.currencies.map((c) => formatMoney(pick(c))).join(' · ');
  const outstanding = billing.currencies.some((c) => c.outstanding.amount > 0);
  return (
    // Wide screens: 12 columns, four cards (3 each) then three (4 each).
    <div className="grid grid-cols-1 gap-4 min-[420px]:grid-cols-2 lg:grid-cols-12" data-testid="dashboard-stats">
      <PartnerStatsCard
        className="lg:col-span-3"
        testId="stat-children-with-consent"
        label={FIGURE_LABELS.childrenWithConsent}
        icon={HeartHandshake}
        value={formatNumber(counters.childrenWithConsent)}
        hint="A guardian agreed and the program is running"
      />
      <PartnerStatsCard
        className="lg:col-span-3"
        testId="stat-children-enrolled"
        label={FIGURE_LABELS.childrenEnrolled}
        icon={Users}
        value={formatNumber(children.total)}
        hint="Every status, across all your programs"
      />
      <PartnerStatsCard
        className="lg:col-span-3"
        testId="stat-pending-consents"
        label={FIGURE_LABELS.pendingConsents}
        icon={ShieldCheck}
        value={formatNumber(counters.pendingConsents)}
        hint="Asked; no guardian has answered yet"
        tone={counters.pendingConsents > 0 ? 'attention' : 'default'}
      />
      <PartnerStatsCard
        className="lg:col-span-3"
        testId="stat-billed-this-period"
        label="Billed this period"
        icon={Receipt}
        value={each((c) => c.billedThisPeriod)}
        hint={formatDateRange(billing.periodStart, billing.periodEnd)}
      />
      <PartnerStatsCard
        className="lg:col-span-4"
        testId="stat-outstanding"
        label="Outstanding"
        icon={HandCoins}
        value={each((c) => c.outstanding)}
        hint={hintFor(`${each((c) => c.paidThisPeriod)} paid this period`, '/dashboard/partner/funding')}
        tone={outstanding ? 'attention' : 'default'}
      />
      <PartnerStatsCard
        className="lg:col-span-4"
        testId="stat-open-tickets"
        label="Open tickets"
        icon={Ticket}
        value={formatNumber(counters.openTickets)}
        hint={hintFor('Open or in progress', '/dashboard/partner/tickets')}
      />
      <PartnerStatsCard
        testId="stat-weekly-learning-minutes"
        label="Avg. weekly learning"
        icon={Clock}
        value={`${formatNumber(overview.averageWeeklyLearningMinutes)} min`}
        hint="Per consented child, last 4 weeks"
        className="min-[420px]:col-span-2 lg:col-span-4"
      />
    </div>
  );
}
