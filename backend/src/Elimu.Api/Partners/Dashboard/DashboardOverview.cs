using Elimu.Api.Partners.Finance;
using Elimu.Api.Partners.Sponsorships;

namespace Elimu.Api.Partners.Dashboard;

/// <summary>The counters the sidebar badges show; pushed over /hubs/partner when they change.</summary>
/// <param name="UnreadNotifications">
/// The signed-in user's unread in-app notifications (the bell's badge). Null where the counters are the organisation's
/// (the overview, pushes to every member): each member's own count comes from /counters, at connect and in the hub's
/// "unread" event.
/// </param>
public sealed record RealtimeCounters(int PendingConsents, int ChildrenWithConsent, int OpenTickets, int ChildAlerts, int PendingPayments,
    int? UnreadNotifications);

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
