using Elimu.Api.Platform.Identity;
using Elimu.Api.Platform.Students;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Elimu.Api.Platform.Audit;

internal sealed class AuditLogConfiguration : IEntityTypeConfiguration<AuditLogEntry>, IEntityTypeConfiguration<AuditLogStudent>
{
    public void Configure(EntityTypeBuilder<AuditLogEntry> b)
    {
        b.ToTable("audit_log");
        b.Property(a => a.Action).HasMaxLength(80);
        b.Property(a => a.EntityType).HasMaxLength(80);
        b.Property(a => a.EntityId).HasMaxLength(80);
        b.Property(a => a.IpAddress).HasMaxLength(64);
        b.HasIndex(a => new { a.EntityType, a.EntityId });
        b.HasIndex(a => new { a.UserId, a.At });
        b.HasIndex(a => new { a.PartnerId, a.At });
        b.HasIndex(a => a.At);
        b.HasOne<AppUser>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.SetNull);
        b.HasMany(a => a.Students).WithOne().HasForeignKey(s => s.AuditLogEntryId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<AuditLogStudent> b)
    {
        b.ToTable("audit_log_students");
        b.HasKey(s => new { s.AuditLogEntryId, s.StudentId });
        // No foreign key to students: the log outlives what it describes.
        b.HasIndex(s => s.StudentId);
    }
}
