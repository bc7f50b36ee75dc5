using Elimu.Api.Platform.Notifications;
using Elimu.Api.Platform.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace Elimu.Api.Partners.Account.Team;

/// <summary>Plan Step 5's account.py, team part: members, invitations and roles; and the invitee's public accept routes.</summary>
public static class TeamEndpoints
{
    public const string Prefix = "/api/v1/partner/account/team";

    public static IServiceCollection AddPartnerTeams(this IServiceCollection services)
    {
        services.AddOptions<TeamOptions>().BindConfiguration(TeamOptions.Section)
            .Validate(o => o.InvitationLifetime > TimeSpan.Zero, $"{TeamOptions.Section}:InvitationLifetime must be positive.")
            .Validate(o => o.MaxTeamSize > 0, $"{TeamOptions.Section}:MaxTeamSize must be positive.")
            .ValidateOnStart();
        services.AddScoped<IClaimsTransformation, PartnerMemberClaims>();
        services.AddPartnerPolicies();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, PartnerRoleRefusal>();
        services.AddSingleton<ITeamInvitationSender, MailTeamInvitationSender>();
        services.AddScoped<INotificationRecipients, TeamNotificationRecipients>();
        return services;
    }

    public static IEndpointRouteBuilder MapTeamApi(this IEndpointRouteBuilder app)
    {
        var team = app.MapGroup(Prefix).WithTags("Partner · Account").RequireAuthorization(PartnerPolicies.Read);
        team.MapGet("", ListTeam.Handle).WithSummary("Team members with their roles, and invitations not yet accepted.");
        team.MapPost("/invitations", InviteMember.Handle).RequireAuthorization(PartnerPolicies.ManageTeam)
            .WithSummary("Invite an address with a role (owner only). The answer holds the link once; 409 for a member or a pending invitation.");
        team.MapPost("/invitations/{id:guid}/renew", InviteMember.Renew).RequireAuthorization(PartnerPolicies.ManageTeam)
            .WithSummary("A new link for an open invitation, valid for the full lifetime again; the old link stops working.");
        team.MapDelete("/invitations/{id:guid}", TeamMemberChanges.RevokeInvitation).RequireAuthorization(PartnerPolicies.ManageTeam)
            .WithSummary("Withdraw an invitation; its link stops working.");
        team.MapPatch("/members/{userId:guid}", TeamMemberChanges.ChangeRole).RequireAuthorization(PartnerPolicies.ManageTeam)
            .WithSummary("Change a member's role; 409 last_owner when it would leave the team without an owner.");
        team.MapDelete("/members/{userId:guid}", TeamMemberChanges.Remove).RequireAuthorization(PartnerPolicies.ManageTeam)
            .WithSummary("Remove a member (their sessions end); 409 last_owner for the only owner.");

        // The invitee is not a member yet, and may not have an account: these answer to whoever holds the link.
        var invitation = app.MapGroup("/api/v1/team-invitations/{token}").WithTags("Auth").AllowAnonymous();
        invitation.MapGet("", AcceptInvitation.Preview).WithSummary("What an invitation link is for; 410 once used, withdrawn or expired.");
        invitation.MapPost("/accept", AcceptInvitation.Accept).RequireRateLimiting(Platform.Identity.IdentityServiceCollectionExtensions.LoginRateLimit)
            .WithSummary("Join the team: a new account (full name, password) or the existing one (its password, unless signed in as it).");
        return app;
    }
}
