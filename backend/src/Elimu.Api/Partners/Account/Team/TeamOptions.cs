namespace Elimu.Api.Partners.Account.Team;

/// <summary>Section "Team".</summary>
public sealed class TeamOptions
{
    public const string Section = "Team";

    /// <summary>How long an invitation link works.</summary>
    public TimeSpan InvitationLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Members and open invitations together, so the team page stays one short list.</summary>
    public int MaxTeamSize { get; set; } = 100;
}
