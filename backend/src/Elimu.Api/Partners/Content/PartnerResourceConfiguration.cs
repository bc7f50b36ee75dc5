using Elimu.Api.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Elimu.Api.Partners.Content;

internal sealed class PartnerResourceConfiguration : IEntityTypeConfiguration<PartnerResource>
{
    public void Configure(EntityTypeBuilder<PartnerResource> b)
    {
        b.ToTable("partner_resources");
        b.Property(r => r.Title).HasMaxLength(200);
        b.Property(r => r.MimeType).HasMaxLength(100);
        b.Property(r => r.OriginalFileName).HasMaxLength(Resources.ResourceLimits.FileNameLength);
        b.Property(r => r.StoredFileName).HasMaxLength(80);
        b.Property(r => r.Sha256).HasMaxLength(64);
        b.Property(r => r.RejectionReason).HasMaxLength(Resources.ResourceLimits.ReasonLength);
        b.Property(r => r.Prompt).HasMaxLength(Generation.ContentLimits.PromptLength);
        b.Property(r => r.Grade).HasMaxLength(20);
        b.Property(r => r.LearningArea).HasMaxLength(20);
        b.Property(r => r.AiProvider).HasMaxLength(60);
        b.Property(r => r.AiModel).HasMaxLength(100);
        b.HasOne(r => r.Partner).WithMany().HasForeignKey(r => r.PartnerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AppUser>().WithMany().HasForeignKey(r => r.ReviewedBy).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(r => new { r.PartnerId, r.Status });
        b.HasIndex(r => new { r.Status, r.CreatedAt });
    }
}
