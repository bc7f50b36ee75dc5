using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Elimu.Api.Platform.Identity;

/// <summary>
/// Failed sign-ins for one email address, known account or not (so the back-off itself tells nothing), keyed by a
/// hash of the normalized address so unknown addresses people typed are not kept in clear. Deleted on success, and by
/// <see cref="SignInThrottleSweeper"/> once forgotten (<see cref="SignInBackoffOptions.ForgetAfter"/>).
/// </summary>
public class SignInThrottle
{
    public string Key { get; set; } = "";
    public int Failures { get; set; }
    public DateTime? NextAttemptAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

internal sealed class SignInThrottleConfiguration : IEntityTypeConfiguration<SignInThrottle>
{
    public void Configure(EntityTypeBuilder<SignInThrottle> b)
    {
        b.ToTable("sign_in_throttles");
        b.HasKey(t => t.Key);
        b.Property(t => t.Key).HasMaxLength(64);
        b.HasIndex(t => t.UpdatedAt);
    }
}
