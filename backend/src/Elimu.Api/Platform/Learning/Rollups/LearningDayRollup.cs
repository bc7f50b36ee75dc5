using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Elimu.Api.Platform.Learning.Rollups;

/// <summary>
/// One student's learning on one Nairobi day in one learning area (ADR 0008): what the dashboard, the children list,
/// the child views and the alerts count, so none of them scans the raw rows. Sessions that name no area, and every
/// device figure, sit on the row whose <see cref="LearningAreaId"/> is <see cref="NoArea"/>. Kept current by the
/// ingestion in the batch's transaction and rebuilt from the raw rows by <see cref="LearningRollups.RebuildAsync"/>.
/// </summary>
public class LearningDayRollup
{
    /// <summary>The area of activity that names none (a key column cannot be null).</summary>
    public static readonly Guid NoArea = Guid.Empty;

    public Guid StudentId { get; set; }
    public DateOnly Day { get; set; }
    public Guid LearningAreaId { get; set; }

    public int Minutes { get; set; }
    public int Sessions { get; set; }
    /// <summary>Start of the day's latest session (UTC), for "last active".</summary>
    public DateTime? LastSessionAt { get; set; }
    public int MobileMinutes { get; set; }
    public int MobileSessions { get; set; }
    public int TabletMinutes { get; set; }
    public int TabletSessions { get; set; }
    public int DesktopMinutes { get; set; }
    public int DesktopSessions { get; set; }
    public int SharedLabMinutes { get; set; }
    public int SharedLabSessions { get; set; }

    /// <summary>Lessons whose completion fell on this day (lesson_progress.completed_at).</summary>
    public int LessonsCompleted { get; set; }
    public int Assessments { get; set; }
    /// <summary>Sum of the assessments' scores in hundredths of a percentage point: exact integer sums on both databases.</summary>
    public long AssessmentScoreHundredths { get; set; }
    public int Achievements { get; set; }

    public bool IsEmpty => Sessions == 0 && LessonsCompleted == 0 && Assessments == 0 && Achievements == 0;
}

internal sealed class LearningDayRollupConfiguration : IEntityTypeConfiguration<LearningDayRollup>
{
    public void Configure(EntityTypeBuilder<LearningDayRollup> b)
    {
        b.ToTable("learning_daily_rollups");
        b.HasKey(r => new { r.StudentId, r.Day, r.LearningAreaId });
        b.HasOne<Students.Student>().WithMany().HasForeignKey(r => r.StudentId).OnDelete(DeleteBehavior.Cascade);
        b.Ignore(r => r.IsEmpty);
        // The card figures of a page of children (LearningStats.CardFiguresAsync), the inactivity alert and the last
        // session read only a student's days with sessions, or with assessments: a year of rollups is about 90 rows a
        // student, and through the primary key each was fetched from the table. These partial indexes hold just those
        // days and the columns the queries read, so they are answered from the index.
        b.HasIndex(r => new { r.StudentId, r.Day, r.LastSessionAt }).HasFilter("sessions > 0").HasDatabaseName("ix_learning_daily_rollups_active_days");
        b.HasIndex(r => new { r.StudentId, r.Assessments, r.AssessmentScoreHundredths }).HasFilter("assessments > 0")
            .HasDatabaseName("ix_learning_daily_rollups_assessed_days");
    }
}
