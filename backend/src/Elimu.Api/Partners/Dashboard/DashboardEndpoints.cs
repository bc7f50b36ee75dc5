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
        return app;
    }

    private static async Task<Ok<PartnerDashboardOverview>> GetOverview(ClaimsPrincipal user, DashboardOverviewCache overview, CancellationToken ct) =>
        TypedResults.Ok(await overview.GetAsync(user.PartnerId(), ct));

    private static async Task<Ok<RealtimeCounters>> GetCounters(ClaimsPrincipal user, PartnerCounters counters, CancellationToken ct) =>
        TypedResults.Ok(await counters.ComputeAsync(user.PartnerId(), user.UserId(), ct));
}
