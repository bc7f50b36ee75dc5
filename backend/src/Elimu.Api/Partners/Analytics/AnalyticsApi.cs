using Elimu.Api.Partners.Account.Team;
using Elimu.Api.Partners.Analytics.Grants;
using Elimu.Api.Partners.Analytics.Letters;
using Elimu.Api.Partners.Analytics.Reports;
using Elimu.Api.Partners.Analytics.Roi;

namespace Elimu.Api.Partners.Analytics;

/// <summary>/api/v1/partner/analytics: the group every analytics route hangs from; each part maps its own routes.</summary>
public static class AnalyticsApi
{
    public const string Path = "/api/v1/partner/analytics";

    public static IServiceCollection AddAnalytics(this IServiceCollection services) =>
        services.AddScoped<RoiMetrics>().AddCustomReports().AddProgressLetters().AddGrantComplianceReports();

    public static IEndpointRouteBuilder MapAnalyticsApi(this IEndpointRouteBuilder app)
    {
        var analytics = app.MapGroup(Path).WithTags("Partner · Analytics").RequireAuthorization(PartnerPolicies.Read);
        analytics.MapRoiApi();
        analytics.MapCustomReportApi();
        analytics.MapImpactReportApi();
        analytics.MapAnalyticsInsights();
        analytics.MapStudentInsights();
        analytics.MapProgressLetterApi();
        app.MapGrantComplianceApi();
        return app;
    }
}
