using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Elimu.Api.Platform.Learning;

internal sealed class LearningConfiguration :
    IEntityTypeConfiguration<LearningArea>, IEntityTypeConfiguration<Course>, IEntityTypeConfiguration<Lesson>,
    IEntityTypeConfiguration<CourseEnrollment>, IEntityTypeConfiguration<LessonProgress>,
    IEntityTypeConfiguration<Assessment>, IEntityTypeConfiguration<CompetencyScore>,
    IEntityTypeConfiguration<ActivitySession>, IEntityTypeConfiguration<Achievement>
{
    public void Configure(EntityTypeBuilder<LearningArea> b)
    {
        b.ToTable("learning_areas");
        b.Property(a => a.Code).HasMaxLength(20);
        b.Property(a => a.Name).HasMaxLength(100);
        b.HasIndex(a => a.Code).IsUnique();
    }

    public void Configure(EntityTypeBuilder<Course> b)
    {
        b.ToTable("courses");
        b.Property(c => c.Title).HasMaxLength(200);
        b.HasIndex(c => c.LearningAreaId);
    }

    public void Configure(EntityTypeBuilder<Lesson> b)
    {
        b.ToTable("lessons");
        b.Property(l => l.Title).HasMaxLength(200);
        b.HasIndex(l => new { l.CourseId, l.Sequence }).IsUnique();
        b.HasOne(l => l.Course).WithMany(c => c.Lessons).HasForeignKey(l => l.CourseId);
    }

    public void Configure(EntityTypeBuilder<CourseEnrollment> b)
    {
        b.ToTable("course_enrollments");
        b.HasIndex(e => new { e.StudentId, e.CourseId }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<LessonProgress> b)
    {
        b.ToTable("lesson_progress");
        b.Property(p => p.Score).HasPrecision(5, 2);
        b.HasIndex(p => new { p.StudentId, p.LessonId }).IsUnique();
        b.HasIndex(p => new { p.StudentId, p.CompletedAt });
    }

    public void Configure(EntityTypeBuilder<Assessment> b)
    {
        b.ToTable("assessments");
        b.Property(a => a.Title).HasMaxLength(200);
        b.Property(a => a.Score).HasPrecision(5, 2);
        b.HasIndex(a => new { a.StudentId, a.AssessedAt });
    }

    public void Configure(EntityTypeBuilder<CompetencyScore> b)
    {
        b.ToTable("competency_scores");
        b.Property(c => c.Score).HasPrecision(3, 2);
        b.HasIndex(c => new { c.StudentId, c.Competency, c.AssessedOn }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<ActivitySession> b)
    {
        b.ToTable("activity_sessions");
        b.HasIndex(s => new { s.StudentId, s.StartedAt });
        b.HasOne<LearningArea>().WithMany().HasForeignKey(s => s.LearningAreaId).OnDelete(DeleteBehavior.SetNull);
    }

    public void Configure(EntityTypeBuilder<Achievement> b)
    {
        b.ToTable("achievements");
        b.Property(a => a.Title).HasMaxLength(200);
        b.HasIndex(a => new { a.StudentId, a.AwardedAt });
        b.HasOne<LearningArea>().WithMany().HasForeignKey(a => a.LearningAreaId).OnDelete(DeleteBehavior.SetNull);
    }
}
