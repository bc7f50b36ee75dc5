using Elimu.Api.Partners.Finance;
using Elimu.Api.Partners.Sponsorships;

namespace Elimu.Api.Partners.Dashboard;

/// <summary>The counters the sidebar badges show; pushed over /hubs/partner when they change.</summary>
/// <param name="UnreadNotifications">The signed-in user's unread in-app notifications (the bell's badge).</param>
/// <param name="UnreadMessages">Messages addressed to the signed-in user and not opened yet (the Collaboration badge).</param>
/// <param name="SuspendedPrograms">Programs whose monitoring is suspended for unpaid billing: pushed when a payment restores
/// one, so open child pages and the funding page refresh.</param>
public sealed record RealtimeCounters(int PendingConsents, int ChildrenWithConsent, int OpenTickets, int ChildAlerts, int PendingPayments,
    int UnreadNotifications, int UnreadMessages, int SuspendedPrograms = 0);

public sealed record QuickLink(string Key, string Label, string Description, string Href, int? Count);

/// <summary>Plan Step 5's dashboard overview: every figure computed from the database.</summary>
public sealed record PartnerDashboardOverview(
    ProgramStatusCounts Programs,
    ChildStatusCounts Children,
    int PendingConsents,
    BillingSummary Billing,
    int OpenTickets,
    decimal AverageWeeklyLearningMinutes,
    RealtimeCounters Counters,
    IReadOnlyList<QuickLink> QuickLinks,
    DateTime GeneratedAt);
