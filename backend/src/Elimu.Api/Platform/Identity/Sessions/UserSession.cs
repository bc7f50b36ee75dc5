using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Elimu.Api.Platform.Identity.Sessions;

/// <summary>
/// One signed-in browser: the cookie carries its id (<see cref="UserSessions.ClaimType"/>), and a session revoked here
/// is refused on its next request (<see cref="SessionStampValidator"/>), so a user can end one device without the others.
/// </summary>
public class UserSession : ISessionStateSource
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>Updated at most once a minute (<see cref="UserSessions.TouchEvery"/>), so a request does not always write.</summary>
    public DateTime LastSeenAt { get; set; }
    public string? UserAgent { get; set; }
    public string? IpAddress { get; set; }
    public DateTime? RevokedAt { get; set; }

    Guid ISessionStateSource.SessionUserId => UserId;
}

internal sealed class UserSessionConfiguration : IEntityTypeConfiguration<UserSession>
{
    public void Configure(EntityTypeBuilder<UserSession> b)
    {
        b.ToTable("user_sessions");
        b.Property(s => s.UserAgent).HasMaxLength(UserSessions.MaxUserAgent);
        b.Property(s => s.IpAddress).HasMaxLength(64);
        b.HasOne<AppUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(s => new { s.UserId, s.LastSeenAt });
        b.HasIndex(s => s.LastSeenAt);
    }
}
