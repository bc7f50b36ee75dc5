using Elimu.Api.Common;
using Elimu.Api.Partners.ChildData;
using Elimu.Api.Partners.Consent;
using Elimu.Api.Partners.Finance;
using Elimu.Api.Partners.Sponsorships;
using Elimu.Api.Partners.Support;
using Elimu.Api.Platform.Notifications;

namespace Elimu.Api.Partners.Dashboard;

public sealed class DashboardOverviewService(
    SponsorshipStats sponsorships, ConsentStats consents, BillingStats billing, TicketStats tickets,
    ChildLearningGate learning, PartnerCounters counters, TimeProvider clock)
{
    /// <summary>Learning minutes are averaged over the last four learning weeks (28 Nairobi days, today included).</summary>
    public const int LearningWeeks = 4;

    public async Task<PartnerDashboardOverview> GetAsync(Guid partnerId, CancellationToken ct)
    {
        // Sequential on purpose: one DbContext serves one query at a time.
        var programs = await sponsorships.ProgramCountsAsync(partnerId, ct);
        var children = await sponsorships.ChildCountsAsync(partnerId, ct);
        var pendingConsents = await consents.ChildrenAwaitingAnswerAsync(partnerId, ct);
        var (from, to, start, end) = counters.CurrentBillingMonth();
        var money = await billing.SummaryAsync(partnerId, from, to, start, end, ct);
        var openTickets = await tickets.OpenCountAsync(partnerId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var minutes = await learning.AverageWeeklyMinutesAsync(partnerId, NairobiTime.Today(clock), LearningWeeks, ct);
        var alerts = await counters.ChildAlertsAsync(partnerId, ct);

        var withConsent = await consents.ChildrenWithConsentAsync(partnerId, ct);
        // Cached for the whole organisation: the endpoint puts in the signed-in member's own unread figures.
        var suspended = (await learning.SuspendedProgramsAsync(partnerId, ct)).Count;
        var realtime = new RealtimeCounters(pendingConsents, withConsent, openTickets, alerts, money.PendingPayments, UnreadNotifications: 0, UnreadMessages: 0,
            SuspendedPrograms: suspended);
        return new PartnerDashboardOverview(programs, children, pendingConsents, money, openTickets, minutes,
            realtime, QuickLinks(realtime, programs, children), now);
    }

    private static IReadOnlyList<QuickLink> QuickLinks(RealtimeCounters c, ProgramStatusCounts programs, ChildStatusCounts children) =>
    [
        new("sponsorships", "Sponsorship programs", "Create a program or follow one through approval.", "/dashboard/partner/sponsorships", programs.Total),
        // The count is the list's own total: the link opens exactly the children it counts.
        new("consents", "Children without consent yet", "Enrolled, and no guardian has agreed yet: not asked, or no answer.",
            "/dashboard/partner/sponsored-children?status=PENDING_CONSENT", children.PendingConsent),
        // The count is the new alerts (the sidebar's badge), and the link opens exactly those.
        new("alerts", "New child alerts", "A child crossed one of your thresholds and nobody has looked yet.", "/dashboard/partner/alerts?state=new", c.ChildAlerts),
        new("payments", "Open payments", "Invoices pending or failed.", "/dashboard/partner/funding", c.PendingPayments),
        new("tickets", "Support tickets", "Open or in-progress requests.", "/dashboard/partner/tickets", c.OpenTickets),
        new("reports", "Impact reports", "Outcomes to share with your board and donors.", "/dashboard/partner/impact-reports", null),
    ];
}
