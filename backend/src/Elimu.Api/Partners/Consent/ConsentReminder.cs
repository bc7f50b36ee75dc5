using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Elimu.Api.Partners.Consent;

/// <summary>
/// A reminder sent to the guardian a pending request names: unique per request and day, so however many runs race
/// (a handover between instances, a restart) each reminder goes out once. Their count is the partner's "reminded N times".
/// </summary>
public class ConsentReminder
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ConsentId { get; set; }
    /// <summary>The day after the request this reminder belongs to (<see cref="ConsentRequestOptions.ReminderStages"/>).</summary>
    public int Day { get; set; }
    public DateTime SentAt { get; set; }
}

internal sealed class ConsentReminderConfiguration : IEntityTypeConfiguration<ConsentReminder>
{
    public void Configure(EntityTypeBuilder<ConsentReminder> b)
    {
        b.ToTable("consent_reminders");
        b.HasIndex(r => new { r.ConsentId, r.Day }).IsUnique();
        b.HasOne<SponsorshipConsent>().WithMany().HasForeignKey(r => r.ConsentId).OnDelete(DeleteBehavior.Cascade);
    }
}
