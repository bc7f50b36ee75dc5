using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Elimu.Api.Partners.Alerts;

/// <summary>What raised an alert: one threshold of <see cref="AlertThresholds"/> each.</summary>
public enum ChildAlertKind { inactive, score_fall, low_minutes, goal_at_risk }

/// <summary>
/// new → seen → dismissed (with a note) are the partner's moves; resolved is the scan's, when the condition clears (from any
/// of them). A dismissed alert stays open: its condition still holds, so it is not raised again until it clears.
/// </summary>
public enum ChildAlertState { @new, seen, dismissed, resolved }

/// <summary>
/// A stored child alert: raised once per open condition (child + kind) by <see cref="AlertScan"/>, resolved by it when the
/// condition clears. The figures in <see cref="Summary"/> are the child's learning data: shown only while the child is
/// monitored (consent given, program running, billing in order).
/// </summary>
public class ChildAlert
{
    public const int NoteLength = 500;
    public const int SummaryLength = 300;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PartnerId { get; set; }
    public Guid ProgramId { get; set; }
    public Guid SponsoredChildId { get; set; }
    public ChildAlertKind Kind { get; set; }
    public ChildAlertState State { get; set; } = ChildAlertState.@new;
    /// <summary>The condition in words, with the figures and the threshold when raised ("No learning session for 9 days (threshold 7)").</summary>
    public string Summary { get; set; } = "";
    /// <summary>The measured figure when raised (days, points, minutes, goals at risk) and the threshold it crossed.</summary>
    public decimal Value { get; set; }
    public decimal Threshold { get; set; }
    public DateTime RaisedAt { get; set; }
    public DateTime? SeenAt { get; set; }
    public Guid? SeenBy { get; set; }
    public DateTime? DismissedAt { get; set; }
    public Guid? DismissedBy { get; set; }
    public string? DismissNote { get; set; }
    /// <summary>Null while the condition holds: the unique index on (child, kind) where it is null keeps one open alert per condition.</summary>
    public DateTime? ResolvedAt { get; set; }
}

internal sealed class ChildAlertConfiguration : IEntityTypeConfiguration<ChildAlert>
{
    public const string OpenSql = "resolved_at IS NULL";

    public void Configure(EntityTypeBuilder<ChildAlert> b)
    {
        b.ToTable("child_alerts");
        b.Property(a => a.Kind).HasMaxLength(16);
        b.Property(a => a.State).HasMaxLength(12);
        b.Property(a => a.Summary).HasMaxLength(ChildAlert.SummaryLength);
        b.Property(a => a.DismissNote).HasMaxLength(ChildAlert.NoteLength);
        b.Property(a => a.Value).HasPrecision(12, 1);
        b.Property(a => a.Threshold).HasPrecision(12, 1);
        // A dismissal saved over an alert the scan resolved meanwhile is refused (409), not written over the resolution.
        b.Property(a => a.ResolvedAt).IsConcurrencyToken();
        b.HasOne<Platform.Identity.AppUser>().WithMany().HasForeignKey(a => a.PartnerId).OnDelete(DeleteBehavior.Cascade);
        // One open alert per child and kind, whatever runs the scan at the same time: the second insert is refused here.
        b.HasIndex(a => new { a.SponsoredChildId, a.Kind }).IsUnique().HasFilter(OpenSql).HasDatabaseName("ux_child_alerts_open");
        // The list (newest first, by state) and the counters' count of new ones.
        b.HasIndex(a => new { a.PartnerId, a.State, a.RaisedAt });
        b.HasIndex(a => new { a.PartnerId, a.RaisedAt });
    }
}
