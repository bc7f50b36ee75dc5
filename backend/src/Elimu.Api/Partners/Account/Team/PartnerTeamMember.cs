using Elimu.Api.Partners.Profiles;
using Elimu.Api.Platform.Identity;

namespace Elimu.Api.Partners.Account.Team;

/// <summary>A user who works for a partner, with a role. A user belongs to at most one partner's team.</summary>
public class PartnerTeamMember : ISessionStateSource
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PartnerProfileId { get; set; }
    public PartnerProfile? PartnerProfile { get; set; }
    public Guid UserId { get; set; }
    public AppUser? User { get; set; }
    public TeamRole Role { get; set; }
    /// <summary>The member who sent the invitation this member accepted; null for the founding owner.</summary>
    public Guid? InvitedBy { get; set; }
    public DateTime CreatedAt { get; set; }

    // The session check caches the membership (PartnerMemberClaims): a saved change evicts it.
    Guid ISessionStateSource.SessionUserId => UserId;

    /// <summary>The profile's own user: every partner account starts with its founder as owner.</summary>
    public static PartnerTeamMember Founder(Guid userId) => new() { UserId = userId, Role = TeamRole.owner };
}
