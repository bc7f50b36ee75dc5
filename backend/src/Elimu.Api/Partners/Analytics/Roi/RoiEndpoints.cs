using System.Security.Claims;
using Elimu.Api.Partners.Shared;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Elimu.Api.Partners.Analytics.Roi;

/// <summary>GET /api/v1/partner/analytics/roi: return on investment, the span against the one before.</summary>
public static class RoiEndpoints
{
    public static RouteGroupBuilder MapRoiApi(this RouteGroupBuilder analytics)
    {
        analytics.MapGet("/roi", Get)
            .WithSummary("Cost per consented child, per active learning hour and per rubric level gained; the share of children improving per learning area against their baseline; weekly engagement; spend against budget. From..to (default the last 90 days) and the span of the same length before it; only consented children count.");
        return analytics;
    }

    private static async Task<Ok<RoiResponse>> Get([AsParameters] RoiQuery q, ClaimsPrincipal user, RoiMetrics roi, CancellationToken ct) =>
        TypedResults.Ok(await roi.ComputeAsync(user.PartnerId(), q, ct));
}
