namespace Elimu.Api.Partners.Account.Team;

/// <summary>An invitation (or a new link for one) was committed; <see cref="Link"/> is the only copy of its token.</summary>
public sealed record TeamInvitationCreated(Guid InvitationId, Guid PartnerProfileId, string OrganizationName, string Email,
    TeamRole Role, string Link, DateTime ExpiresAt, Guid InvitedBy, string InvitedByName);

/// <summary>
/// Delivers an invitation to the invitee. The one place mail plugs in: replace the registration of
/// <see cref="LoggingTeamInvitationSender"/> with a sender that mails the link. Until then the owner copies the link from
/// the API's answer.
/// </summary>
public interface ITeamInvitationSender
{
    Task SendAsync(TeamInvitationCreated invitation, CancellationToken ct);
}

internal sealed class LoggingTeamInvitationSender(ILogger<LoggingTeamInvitationSender> log) : ITeamInvitationSender
{
    public Task SendAsync(TeamInvitationCreated invitation, CancellationToken ct)
    {
        log.LogInformation("Team invitation {InvitationId} for {Email} ({Role}) to {Organization}, until {ExpiresAt:u}: {Link}",
            invitation.InvitationId, invitation.Email, invitation.Role, invitation.OrganizationName, invitation.ExpiresAt, invitation.Link);
        return Task.CompletedTask;
    }
}
