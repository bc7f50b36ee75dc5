using Elimu.Api.Platform.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Elimu.Api.Partners.Account.Digests;

/// <summary>
/// A digest that went out: one row per user, frequency and period, kept unique by the database, so however many jobs
/// race (several instances, a restart mid-run), a period's digest is queued once. It is written in the same transaction
/// as the queued mail.
/// </summary>
public class SentDigest
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid UserId { get; set; }
    public Guid PartnerId { get; set; }
    public DigestFrequency Frequency { get; set; }
    /// <summary>The first and last local day the digest covers, in the member's time zone.</summary>
    public DateOnly PeriodStart { get; set; }
    public DateOnly PeriodEnd { get; set; }
    public string TimeZone { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}

internal sealed class SentDigestConfiguration : IEntityTypeConfiguration<SentDigest>
{
    public void Configure(EntityTypeBuilder<SentDigest> b)
    {
        b.ToTable("sent_digests");
        b.Property(d => d.Frequency).HasMaxLength(10);
        b.Property(d => d.TimeZone).HasMaxLength(64);
        b.HasIndex(d => new { d.UserId, d.Frequency, d.PeriodStart }).IsUnique();
        b.HasOne<Platform.Identity.AppUser>().WithMany().HasForeignKey(d => d.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
