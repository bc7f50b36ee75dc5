using Elimu.Api.Partners.Account.Team;

namespace Elimu.Api.Partners.Analytics;

/// <summary>The /api/v1/partner/analytics group: each feature maps its routes on it from its own file.</summary>
public static class AnalyticsEndpoints
{
    public static IEndpointRouteBuilder MapPartnerAnalyticsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/partner/analytics").WithTags("Partner · Analytics").RequireAuthorization(PartnerPolicies.Read);
        group.MapAnalyticsInsights();
        return app;
    }
}
