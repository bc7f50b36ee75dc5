using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Elimu.Api.Platform.Students;

internal sealed class StudentConfiguration : IEntityTypeConfiguration<Student>
{
    /// <summary>The same on SQLite and PostgreSQL; the import's <c>ImportRowMatcher.Key</c> builds the file's side alike.</summary>
    public const string AdmissionKeySql = "lower(school) || '\n' || lower(admission_number)";

    public void Configure(EntityTypeBuilder<Student> b)
    {
        b.ToTable("students");
        b.Property(s => s.FirstName).HasMaxLength(100);
        b.Property(s => s.LastName).HasMaxLength(100);
        b.Property(s => s.School).HasMaxLength(200);
        b.Property(s => s.County).HasMaxLength(40);
        b.Property(s => s.AdmissionNumber).HasMaxLength(40);
        b.HasIndex(s => new { s.School, s.AdmissionNumber }).IsUnique();
        b.Property(s => s.AdmissionKey).HasMaxLength(241).HasComputedColumnSql(AdmissionKeySql, stored: true);
        b.HasIndex(s => s.AdmissionKey);
        b.HasIndex(s => s.Grade);
        b.HasIndex(s => s.County);
        // The available-students order (StudentDirectory.SearchAsync), so a page is read in order and stops at its size.
        b.HasIndex(s => new { s.County, s.Grade, s.FirstName, s.Id });
        // A student's filter and sort keys by id: the children list reads them for every child of the partner without
        // touching the (wide) rows.
        b.HasIndex(s => new { s.Id, s.Grade, s.County, s.FirstName });
        // Migration I15SearchIndexes adds what EF cannot model: indexes on lower(last_name) and lower(admission_number)
        // for the search's whole-word terms, and on PostgreSQL trigram indexes for its part-of-a-name terms.
        b.HasIndex(s => s.UserId).IsUnique();
        b.HasOne(s => s.User).WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class GuardianshipConfiguration : IEntityTypeConfiguration<Guardianship>
{
    public void Configure(EntityTypeBuilder<Guardianship> b)
    {
        b.ToTable("guardianships");
        b.HasIndex(g => new { g.ParentId, g.StudentId }).IsUnique();
        b.HasIndex(g => g.StudentId);
        b.HasOne(g => g.Parent).WithMany().HasForeignKey(g => g.ParentId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(g => g.Student).WithMany(s => s.Guardianships).HasForeignKey(g => g.StudentId).OnDelete(DeleteBehavior.Cascade);
    }
}
