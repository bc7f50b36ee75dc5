using Elimu.Api.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Elimu.Api.Partners.Profiles;

internal sealed class PartnerProfileConfiguration : IEntityTypeConfiguration<PartnerProfile>
{
    public void Configure(EntityTypeBuilder<PartnerProfile> b)
    {
        b.ToTable("partner_profiles");
        b.HasOne(p => p.User).WithOne()
            .HasForeignKey<PartnerProfile>(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(p => p.UserId).IsUnique();
        b.Property(p => p.OrganizationName).HasMaxLength(200);
        b.Property(p => p.DisplayName).HasMaxLength(200);
        b.Property(p => p.Tagline).HasMaxLength(200);
        b.Property(p => p.ContactEmail).HasMaxLength(256);
        b.Property(p => p.ContactPhone).HasMaxLength(40);
        b.Property(p => p.VerificationNote).HasMaxLength(InputLimits.LongText);
        b.HasIndex(p => p.VerificationStatus);
        b.Property(p => p.Bio).HasMaxLength(InputLimits.LongText);
        b.Property(p => p.Website).HasMaxLength(300);
        b.Property(p => p.ContactPerson).HasMaxLength(200);
        b.Property(p => p.RegistrationNumber).HasMaxLength(100);
        b.Property(p => p.TaxId).HasMaxLength(40);
        b.ComplexProperty(p => p.Address, c => c.ToJson());
        b.ComplexProperty(p => p.SocialLinks, c => c.ToJson());
        b.ComplexProperty(p => p.BrandingConfig, c => c.ToJson());
    }
}

internal sealed class PartnerProfileImageConfiguration : IEntityTypeConfiguration<PartnerProfileImage>
{
    public void Configure(EntityTypeBuilder<PartnerProfileImage> b)
    {
        b.ToTable("partner_profile_images");
        b.HasOne<PartnerProfile>().WithMany().HasForeignKey(i => i.PartnerProfileId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(i => new { i.PartnerProfileId, i.Kind }).IsUnique();
        b.Property(i => i.ContentType).HasMaxLength(40);
        b.Property(i => i.ETag).HasMaxLength(64);
    }
}
