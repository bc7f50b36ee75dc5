using Elimu.Api.Partners.Shared;
using Elimu.Api.Platform.Identity;
using Microsoft.AspNetCore.Authorization;

namespace Elimu.Api.Partners.Account.Team;

/// <summary>
/// What each team role may do, as one authorization policy per kind of partner route. Every partner route group requires
/// <see cref="Read"/>; routes that change something add the policy for that change. The role × route table in the tests
/// lists every partner route with the policy it must carry.
/// </summary>
public static class PartnerPolicies
{
    /// <summary>See the partner's data: any member.</summary>
    public const string Read = "partner.read";
    /// <summary>Create, edit and run programs, their children, enrollments, consent requests and goals.</summary>
    public const string ChangePrograms = "partner.change_programs";
    /// <summary>Pay, manage payment methods and subscriptions (the finance routes use it).</summary>
    public const string Pay = "partner.pay";
    /// <summary>Invite, remove and change the roles of team members.</summary>
    public const string ManageTeam = "partner.manage_team";
    /// <summary>Download all of the partner's records (settings, data export): the owner only.</summary>
    public const string ExportData = "partner.export_data";
    /// <summary>Open, answer, reopen and close the partner's support tickets: any member, a viewer included (asking for help changes no data).</summary>
    public const string Support = "partner.support";
    /// <summary>Edit the organisation's profile, pictures and onboarding.</summary>
    public const string EditProfile = "partner.edit_profile";
    /// <summary>Write to colleagues and staff, and answer them: every member, viewers too (a question is not a change).</summary>
    public const string Message = "partner.message";
    /// <summary>Schedule meetings and mark them completed or cancelled: every role but viewer, who sees them and their invitations.</summary>
    public const string ScheduleMeetings = "partner.schedule_meetings";
    /// <summary>Generate, edit and submit lessons and materials for review: the owner and the programs team, who run the learning.</summary>
    public const string ContributeContent = "partner.contribute_content";
    /// <summary>Generate and cancel impact reports (work that runs for a while and may call an AI provider): every role but viewer, who reads them.</summary>
    public const string GenerateReports = "partner.generate_reports";

    public static readonly IReadOnlyDictionary<string, TeamRole[]> RolesAllowed = new Dictionary<string, TeamRole[]>
    {
        [Read] = [TeamRole.owner, TeamRole.finance, TeamRole.programs, TeamRole.viewer],
        [ChangePrograms] = [TeamRole.owner, TeamRole.programs],
        [Pay] = [TeamRole.owner, TeamRole.finance],
        [ManageTeam] = [TeamRole.owner],
        [ExportData] = [TeamRole.owner],
        [Support] = [TeamRole.owner, TeamRole.finance, TeamRole.programs, TeamRole.viewer],
        [EditProfile] = [TeamRole.owner],
        [Message] = [TeamRole.owner, TeamRole.finance, TeamRole.programs, TeamRole.viewer],
        [ScheduleMeetings] = [TeamRole.owner, TeamRole.finance, TeamRole.programs],
        [ContributeContent] = [TeamRole.owner, TeamRole.programs],
        [GenerateReports] = [TeamRole.owner, TeamRole.finance, TeamRole.programs],
    };

    internal static IServiceCollection AddPartnerPolicies(this IServiceCollection services)
    {
        var builder = services.AddAuthorizationBuilder();
        foreach (var (name, roles) in RolesAllowed)
            builder.AddPolicy(name, p => p.RequireRole(Roles.Partner).AddRequirements(new PartnerRoleRequirement(name, roles)));
        services.AddSingleton<IAuthorizationHandler, PartnerRoleHandler>();
        return services;
    }
}

public sealed class PartnerRoleRequirement(string policy, IReadOnlyCollection<TeamRole> roles) : IAuthorizationRequirement
{
    public string Policy { get; } = policy;
    public IReadOnlyCollection<TeamRole> Roles { get; } = roles;
}

/// <summary>Succeeds when the member's role (<see cref="PartnerMember.PartnerRole"/>) is one the policy allows.</summary>
internal sealed class PartnerRoleHandler : AuthorizationHandler<PartnerRoleRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, PartnerRoleRequirement requirement)
    {
        var role = context.User.PartnerRole();
        if (role is null)
            context.Fail(new AuthorizationFailureReason(this, "not_a_team_member"));
        else if (Enum.TryParse<TeamRole>(role, out var r) && requirement.Roles.Contains(r))
            context.Succeed(requirement);
        else
            context.Fail(new AuthorizationFailureReason(this, "partner_role_forbidden"));
        return Task.CompletedTask;
    }
}
