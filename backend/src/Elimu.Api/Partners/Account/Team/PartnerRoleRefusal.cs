using Elimu.Api.Partners.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace Elimu.Api.Partners.Account.Team;

/// <summary>
/// A team member refused by their role gets a 403 ProblemDetails that says which role they have and what it may not do
/// (code <c>partner_role_forbidden</c>, or <c>not_a_team_member</c>); every other refusal keeps the default handling.
/// </summary>
internal sealed class PartnerRoleRefusal : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext http, AuthorizationPolicy policy, PolicyAuthorizationResult result)
    {
        var reason = result.Forbidden
            ? result.AuthorizationFailure?.FailureReasons.FirstOrDefault(r => r.Handler is PartnerRoleHandler)
            : null;
        if (reason is null)
        {
            await _default.HandleAsync(next, http, policy, result);
            return;
        }

        var requirement = policy.Requirements.OfType<PartnerRoleRequirement>().FirstOrDefault();
        var role = http.User.PartnerRole();
        var detail = reason.Message == "not_a_team_member"
            ? "Your account is not on a partner's team. Ask an owner of your organisation for an invitation."
            : $"Your team role ({role}) may not {What(requirement?.Policy)}. Ask an owner of your organisation to change your role.";
        http.Response.StatusCode = StatusCodes.Status403Forbidden;
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new()
        {
            HttpContext = http,
            ProblemDetails =
            {
                Status = StatusCodes.Status403Forbidden, Title = "Your team role does not allow this.", Detail = detail,
                Extensions = { ["code"] = reason.Message, ["role"] = role, ["policy"] = requirement?.Policy },
            },
        });
    }

    private static string What(string? policy) => policy switch
    {
        PartnerPolicies.ChangePrograms => "change programs, children, enrollments or consent requests",
        PartnerPolicies.Pay => "make payments or change billing",
        PartnerPolicies.ManageTeam => "invite, remove or change team members",
        PartnerPolicies.EditProfile => "edit the organisation's profile",
        _ => "use this",
    };
}
