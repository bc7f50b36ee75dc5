using Elimu.Api.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Elimu.Api.Partners.Support.Training;

internal sealed class TrainingWebinarConfiguration : IEntityTypeConfiguration<TrainingWebinar>
{
    public void Configure(EntityTypeBuilder<TrainingWebinar> b)
    {
        b.ToTable("training_webinars");
        b.Property(w => w.Title).HasMaxLength(200);
        b.Property(w => w.HostName).HasMaxLength(120);
        b.Property(w => w.JoinUrl).HasMaxLength(500);
        b.Property(w => w.RecordingUrl).HasMaxLength(500);
        b.Ignore(w => w.DurationMinutes);
        b.ToTable(t => t.HasCheckConstraint("ck_training_webinars_ends_after_start", "ends_at > starts_at"));
        b.HasIndex(w => w.StartsAt);
    }
}

internal sealed class WebinarRegistrationConfiguration : IEntityTypeConfiguration<WebinarRegistration>
{
    public void Configure(EntityTypeBuilder<WebinarRegistration> b)
    {
        b.ToTable("training_webinar_registrations");
        b.HasOne<TrainingWebinar>().WithMany().HasForeignKey(r => r.WebinarId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<AppUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(r => new { r.WebinarId, r.UserId }).IsUnique();
        b.HasIndex(r => new { r.PartnerProfileId, r.WebinarId });
    }
}

internal sealed class ModuleCompletionConfiguration : IEntityTypeConfiguration<ModuleCompletion>
{
    public void Configure(EntityTypeBuilder<ModuleCompletion> b)
    {
        b.ToTable("training_module_completions");
        b.Property(c => c.CourseSlug).HasMaxLength(100);
        b.Property(c => c.ModuleSlug).HasMaxLength(100);
        b.HasOne<AppUser>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(c => new { c.UserId, c.CourseSlug, c.ModuleSlug }).IsUnique();
        b.HasIndex(c => new { c.PartnerProfileId, c.CourseSlug });
    }
}
