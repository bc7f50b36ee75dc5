using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Elimu.Api.Partners.Content.Courses;

internal sealed class SponsoredCourseConfiguration : IEntityTypeConfiguration<SponsoredCourse>, IEntityTypeConfiguration<SponsoredCourseItem>
{
    public void Configure(EntityTypeBuilder<SponsoredCourse> b)
    {
        b.ToTable("partner_courses");
        b.Property(c => c.Title).HasMaxLength(CourseRules.TitleLength);
        b.Property(c => c.Description).HasMaxLength(CourseRules.DescriptionLength);
        b.Property(c => c.LearningArea).HasMaxLength(20);
        b.HasOne(c => c.Partner).WithMany().HasForeignKey(c => c.PartnerId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(c => c.Items).WithOne().HasForeignKey(i => i.CourseId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(c => new { c.PartnerId, c.Status, c.UpdatedAt });
    }

    public void Configure(EntityTypeBuilder<SponsoredCourseItem> b)
    {
        b.ToTable("partner_course_items");
        b.HasIndex(i => new { i.CourseId, i.Position }).IsUnique();
        // A resource in a course stays while the course does; the platform's lessons are checked when the course is saved
        // (Content names no learning table, so no key to lessons).
        b.HasOne<PartnerResource>().WithMany().HasForeignKey(i => i.ResourceId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(i => i.LessonId);
        b.ToTable(t => t.HasCheckConstraint("ck_partner_course_items_one_ref",
            "(kind = 'lesson' AND lesson_id IS NOT NULL AND resource_id IS NULL) OR (kind = 'resource' AND resource_id IS NOT NULL AND lesson_id IS NULL)"));
    }
}
