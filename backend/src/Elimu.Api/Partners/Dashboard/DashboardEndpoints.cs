using Elimu.Api.Common;
using Elimu.Api.Partners.Account.Team;
using Elimu.Api.Partners.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using System.Security.Claims;

namespace Elimu.Api.Partners.Dashboard;

public static class DashboardEndpoints
{
    public static IEndpointRouteBuilder MapPartnerDashboardApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/partner/dashboard")
            .WithTags("Partner · Dashboard")
            .RequireAuthorization(PartnerPolicies.Read);
        group.MapGet("/overview", GetOverview).WithSummary("Programs, children, consents, billing, tickets and learning figures for the signed-in partner.");
        group.MapGet("/counters", GetCounters).WithSummary("The realtime counters behind the sidebar badges.");
        group.MapGet("/ai-highlights", GetHighlights)
            .WithSummary("Three to five AI-written insights of the day across the partner's programs, from figures over consented children; written once a day.");
        return app;
    }

    // The cached overview is the partner's; its unread figures are replaced by the signed-in member's own (held too).
    // Both are singletons: a request answered from memory resolves no scoped service and opens no DbContext.
    private static async Task<Ok<PartnerDashboardOverview>> GetOverview(ClaimsPrincipal user, DashboardOverviewCache overview, MemberUnreadFigures unread,
        CancellationToken ct)
    {
        var shared = await overview.GetAsync(user.PartnerId(), ct);
        return TypedResults.Ok(shared with { Counters = PartnerCounters.OfMember(shared.Counters, await unread.GetAsync(user.UserId(), ct)) });
    }

    private static async Task<Ok<AiHighlightsResponse>> GetHighlights(ClaimsPrincipal user, AiHighlightsService highlights, CancellationToken ct) =>
        TypedResults.Ok(await highlights.GetAsync(user.PartnerId(), ct));

    private static async Task<Ok<RealtimeCounters>> GetCounters(ClaimsPrincipal user, PartnerCounters counters, CancellationToken ct) =>
        TypedResults.Ok(await counters.ForMemberAsync(user.PartnerId(), user.UserId(), ct));
}
