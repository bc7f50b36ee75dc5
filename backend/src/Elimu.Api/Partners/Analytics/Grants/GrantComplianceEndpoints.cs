using System.Security.Claims;
using Elimu.Api.Common;
using Elimu.Api.Partners.Account.Team;
using Elimu.Api.Partners.Finance.Grants;
using Elimu.Api.Partners.Shared;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Elimu.Api.Partners.Analytics.Grants;

/// <summary>
/// The generated compliance report of a grant's deadline. It sits under the grant's own path but lives in Analytics: it
/// reads the impact figures, and Analytics already reads Finance (spend), so Finance reading Analytics would be a cycle.
/// </summary>
public static class GrantComplianceEndpoints
{
    public static IServiceCollection AddGrantComplianceReports(this IServiceCollection services) => services.AddScoped<GrantComplianceReports>();

    public static IEndpointRouteBuilder MapGrantComplianceApi(this IEndpointRouteBuilder app)
    {
        app.MapPost($"{GrantEndpoints.Path}/{{id:guid}}/deadlines/{{deadlineId:guid}}/reports/generate", Generate)
            .WithTags("Partner · Finance").RequireAuthorization(PartnerPolicies.Read).RequireAuthorization(PartnerPolicies.Pay)
            .WithSummary("Generate the deadline's compliance report: a PDF under the partner's letterhead with the grant, spend per funded program, "
                + "children reached and learning in the reporting period (from the day after the previous deadline); kept as an upload is, and audited.");
        return app;
    }

    private static async Task<Created<GrantDetail>> Generate(Guid id, Guid deadlineId, ClaimsPrincipal user, GrantComplianceReports reports,
        GrantReader reader, CancellationToken ct)
    {
        var report = await reports.GenerateAsync(user.PartnerId(), user.UserId(), id, deadlineId, ct);
        return TypedResults.Created($"{GrantEndpoints.Path}/{id}/reports/{report.Id}", await reader.DetailAsync(user.PartnerId(), id, ct));
    }
}
