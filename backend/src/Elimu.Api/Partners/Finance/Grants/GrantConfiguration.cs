using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Elimu.Api.Partners.Finance.Grants;

internal sealed class GrantConfiguration : IEntityTypeConfiguration<PartnerGrant>, IEntityTypeConfiguration<GrantAllocation>,
    IEntityTypeConfiguration<GrantDeadline>, IEntityTypeConfiguration<GrantReport>, IEntityTypeConfiguration<SentGrantReminder>
{
    public void Configure(EntityTypeBuilder<PartnerGrant> b)
    {
        b.ToTable("partner_grants");
        b.Property(g => g.Funder).HasMaxLength(GrantLimits.FunderLength);
        b.Property(g => g.Reference).HasMaxLength(GrantLimits.ReferenceLength);
        b.Property(g => g.Currency).HasMaxLength(3);
        b.Property(g => g.Status).HasMaxLength(12);
        b.Property(g => g.Notes).HasMaxLength(GrantLimits.NotesLength);
        b.HasOne<Platform.Identity.AppUser>().WithMany().HasForeignKey(g => g.PartnerId).OnDelete(DeleteBehavior.Cascade);
        // A funder's reference names one grant of the partner: a second with the same is a 409, not a duplicate.
        b.HasIndex(g => new { g.PartnerId, g.Funder, g.Reference }).IsUnique();
        b.HasIndex(g => new { g.PartnerId, g.Status });
        b.HasMany(g => g.Allocations).WithOne().HasForeignKey(a => a.GrantId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(g => g.Deadlines).WithOne().HasForeignKey(d => d.GrantId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<GrantAllocation> b)
    {
        b.ToTable("grant_allocations");
        b.HasIndex(a => new { a.GrantId, a.ProgramId }).IsUnique();
        b.HasIndex(a => a.ProgramId);
    }

    public void Configure(EntityTypeBuilder<GrantDeadline> b)
    {
        b.ToTable("grant_deadlines");
        b.Property(d => d.Title).HasMaxLength(GrantLimits.TitleLength);
        b.HasIndex(d => new { d.GrantId, d.DueDate });
        b.HasIndex(d => new { d.Submitted, d.DueDate });
        b.HasMany(d => d.Reports).WithOne().HasForeignKey(r => r.DeadlineId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<GrantReport> b)
    {
        b.ToTable("grant_reports");
        b.Property(r => r.FileName).HasMaxLength(200);
        b.Property(r => r.ContentType).HasMaxLength(100);
        b.HasIndex(r => r.DeadlineId);
    }

    public void Configure(EntityTypeBuilder<SentGrantReminder> b)
    {
        b.ToTable("sent_grant_reminders");
        b.HasIndex(r => new { r.DeadlineId, r.DaysBefore }).IsUnique();
        b.HasOne<GrantDeadline>().WithMany().HasForeignKey(r => r.DeadlineId).OnDelete(DeleteBehavior.Cascade);
    }
}
