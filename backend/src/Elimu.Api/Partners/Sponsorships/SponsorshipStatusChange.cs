using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Elimu.Api.Partners.Sponsorships;

public enum StatusSubject { child, program }

/// <summary>
/// One status change of a sponsored child or of a program, written by <see cref="StatusHistoryRecorder"/> in the same
/// save as the change, never edited. A row with no <see cref="FromStatus"/> is the subject's creation (a child's
/// enrolment, a program's draft). Statuses are stored by name, so a status added later (a child who LEFT) needs no
/// change here.
/// </summary>
public class SponsorshipStatusChange
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public StatusSubject Subject { get; set; }
    /// <summary>The sponsored child's or the program's id.</summary>
    public Guid SubjectId { get; set; }
    public Guid ProgramId { get; set; }
    public Guid PartnerId { get; set; }
    public string? FromStatus { get; set; }
    public string ToStatus { get; set; } = "";
    public DateTime At { get; set; }
    /// <summary>The signed-in user who made the change; null for a job or the system.</summary>
    public Guid? ActorUserId { get; set; }
    /// <summary>The user's id, or the job's name ("consent-reminders"), or "system".</summary>
    public string Actor { get; set; } = StatusChangeActor.System;
    public string? Reason { get; set; }
}

internal sealed class SponsorshipStatusChangeConfiguration : IEntityTypeConfiguration<SponsorshipStatusChange>
{
    public void Configure(EntityTypeBuilder<SponsorshipStatusChange> b)
    {
        b.ToTable("sponsorship_status_changes");
        b.Property(h => h.Subject).HasConversion<string>().HasMaxLength(16);
        b.Property(h => h.FromStatus).HasMaxLength(32);
        b.Property(h => h.ToStatus).HasMaxLength(32);
        b.Property(h => h.Actor).HasMaxLength(64);
        b.Property(h => h.Reason).HasMaxLength(2000);
        // A child's timeline (newest first, paged) and a program's cohort history read by these.
        b.HasIndex(h => new { h.SubjectId, h.At });
        b.HasIndex(h => new { h.PartnerId, h.ProgramId, h.At });
    }
}
