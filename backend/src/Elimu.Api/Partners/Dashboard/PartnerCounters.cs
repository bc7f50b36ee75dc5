using Elimu.Api.Common;
using Elimu.Api.Partners.Alerts;
using Elimu.Api.Partners.ChildData;
using Elimu.Api.Partners.Collaboration;
using Elimu.Api.Partners.Consent;
using Elimu.Api.Partners.Finance;
using Elimu.Api.Partners.Support;
using Elimu.Api.Platform.Notifications;

namespace Elimu.Api.Partners.Dashboard;

/// <summary>Computes a partner's realtime counters; a fixed number of queries, whatever the number of children.</summary>
public sealed class PartnerCounters(
    ConsentStats consents, BillingStats billing, TicketStats tickets,
    ChildLearningGate learning, AlertReader alerts, NotificationInbox inbox, MessageStats messages, TimeProvider clock)
{
    /// <summary>
    /// The partner's counters as one member sees them: the partner-wide figures, and that member's own unread
    /// notifications and messages (each member has their own bell and inbox).
    /// </summary>
    public async Task<RealtimeCounters> ForMemberAsync(Guid partnerId, Guid userId, CancellationToken ct) =>
        OfMember(await ComputeAsync(partnerId, ct), await PersonalAsync(userId, ct));

    public async Task<(int Notifications, int Messages)> PersonalAsync(Guid userId, CancellationToken ct) =>
        (await inbox.UnreadCountAsync(userId, ct), await messages.UnreadCountAsync(userId, ct));

    public static RealtimeCounters OfMember(RealtimeCounters shared, (int Notifications, int Messages) personal) =>
        shared with { UnreadNotifications = personal.Notifications, UnreadMessages = personal.Messages };

    /// <summary>The partner-wide counters; the unread figures are 0 here (<see cref="ForMemberAsync"/> gives a member's own).</summary>
    public async Task<RealtimeCounters> ComputeAsync(Guid partnerId, CancellationToken ct)
    {
        var (from, to, start, end) = CurrentBillingMonth();
        var money = await billing.SummaryAsync(partnerId, from, to, start, end, ct);
        return new RealtimeCounters(
            PendingConsents: await consents.ChildrenAwaitingAnswerAsync(partnerId, ct),
            ChildrenWithConsent: await consents.ChildrenWithConsentAsync(partnerId, ct),
            OpenTickets: await tickets.OpenCountAsync(partnerId, ct),
            ChildAlerts: await ChildAlertsAsync(partnerId, ct),
            PendingPayments: money.PendingPayments,
            UnreadNotifications: 0,
            UnreadMessages: 0,
            SuspendedPrograms: (await learning.SuspendedProgramsAsync(partnerId, ct)).Count);
    }

    /// <summary>New alerts of monitored children, as stored by the alert scan (<see cref="AlertScan"/>) from the partner's thresholds.</summary>
    public Task<int> ChildAlertsAsync(Guid partnerId, CancellationToken ct) => alerts.NewCountAsync(partnerId, ct);

    /// <summary>The calendar month in Nairobi that contains today, as UTC bounds and as dates.</summary>
    public (DateTime FromUtc, DateTime ToUtc, DateOnly Start, DateOnly End) CurrentBillingMonth()
    {
        var today = NairobiTime.Today(clock);
        var start = new DateOnly(today.Year, today.Month, 1);
        var next = start.AddMonths(1);
        return (NairobiTime.StartOfDayUtc(start), NairobiTime.StartOfDayUtc(next), start, next.AddDays(-1));
    }
}
