using Elimu.Api.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Elimu.Api.Partners.Sponsorships;

internal sealed class SponsorshipConfiguration :
    IEntityTypeConfiguration<SponsorshipProgram>, IEntityTypeConfiguration<SponsoredChild>
{
    public void Configure(EntityTypeBuilder<SponsorshipProgram> b)
    {
        b.ToTable("sponsorship_programs", t =>
        {
            t.HasCheckConstraint("ck_sponsorship_programs_min_children", "min_children >= 10");
            t.HasCheckConstraint("ck_sponsorship_programs_max_children", "max_children IS NULL OR max_children >= min_children");
        });
        b.Property(p => p.Name).HasMaxLength(200);
        b.Property(p => p.Currency).HasMaxLength(3);
        b.Property(p => p.MinChildren).HasDefaultValue(SponsorshipProgram.MinimumChildren);
        b.ComplexCollection(p => p.Goals, c => c.ToJson());
        b.ComplexProperty(p => p.Preferences, c => c.ToJson());
        b.HasOne(p => p.Partner).WithMany().HasForeignKey(p => p.PartnerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AppUser>().WithMany().HasForeignKey(p => p.ApprovedBy).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(p => p.PartnerId);
        b.HasIndex(p => p.Status);
        b.HasIndex(p => p.CreatedAt);
    }

    /// <summary>The trigger on sponsored_children that copies the student's grade and first name into a new row.</summary>
    public const string ChildListKeysTrigger = "sponsored_children_student_keys";

    public void Configure(EntityTypeBuilder<SponsoredChild> b)
    {
        // The triggers that keep the student's grade and first name copied here (migration I15ChildListKeys); declared so
        // EF does not rely on RETURNING for this table.
        b.ToTable("sponsored_children", t => t.HasTrigger(ChildListKeysTrigger));
        b.Property(c => c.StudentFirstName).HasMaxLength(100);
        b.Property(c => c.LeaveNote).HasMaxLength(LeaveProgram.MaxNoteLength);
        b.HasOne(c => c.Program).WithMany(p => p.Children).HasForeignKey(c => c.ProgramId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(c => c.Student).WithMany().HasForeignKey(c => c.StudentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(c => c.Partner).WithMany().HasForeignKey(c => c.PartnerId).OnDelete(DeleteBehavior.Restrict);
        b.ComplexCollection(c => c.PartnerGoals, g => g.ToJson());
        b.ComplexCollection(c => c.AiMilestones, m => m.ToJson());
        b.HasIndex(c => new { c.ProgramId, c.StudentId }).IsUnique();
        // One active sponsorship per student per partner, kept by the database so parallel adds to two programs cannot
        // both pass the planner's check. A removed row does not count, so a child can rejoin later.
        b.HasIndex(c => new { c.PartnerId, c.StudentId }).IsUnique()
            .HasFilter(SponsoredChild.HoldsAPlaceSql).HasDatabaseName("ux_sponsored_children_partner_student_active");
        b.HasIndex(c => c.StudentId);
        // The children list's filter (ListChildren): a partner's children by status, read with their student ids from the
        // index alone, then probed in the students' covering index below.
        b.HasIndex(c => new { c.PartnerId, c.Status, c.StudentId });
        // The list filtered by grade and sorted by first name (its default order), and sorted by first name alone: the
        // count and the page read only their own rows, in order, from these (the copies of SponsoredChild.StudentGrade).
        b.HasIndex(c => new { c.PartnerId, c.Status, c.StudentGrade, c.StudentFirstName, c.Id });
        b.HasIndex(c => new { c.PartnerId, c.Status, c.StudentFirstName, c.Id });
        b.HasIndex(c => c.Status);
    }
}
