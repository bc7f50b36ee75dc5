namespace Elimu.Api.Partners.Account.Team;

/// <summary>
/// An invitation to join a partner's team. Only the SHA-256 of its token is kept, so the database alone cannot be used to
/// join; the link is shown once, to the owner who made it (or mailed, see <see cref="ITeamInvitationSender"/>).
/// </summary>
public class PartnerTeamInvitation
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PartnerProfileId { get; set; }
    public string Email { get; set; } = "";
    /// <summary>Upper-case email, for the "one pending invitation per address" rule.</summary>
    public string NormalizedEmail { get; set; } = "";
    public TeamRole Role { get; set; }
    public string TokenHash { get; set; } = "";
    public Guid InvitedBy { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? AcceptedAt { get; set; }
    public Guid? AcceptedBy { get; set; }
    /// <summary>Withdrawn by an owner, or replaced by a newer invitation to the same address.</summary>
    public DateTime? RevokedAt { get; set; }

    /// <summary>Neither accepted nor withdrawn (it may still have expired); the unique index counts these.</summary>
    public const string OpenSql = "accepted_at IS NULL AND revoked_at IS NULL";

    public bool IsPendingAt(DateTime now) => AcceptedAt is null && RevokedAt is null && ExpiresAt > now;
}
