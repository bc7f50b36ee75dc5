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
        b.ComplexProperty(p => p.Address, c => c.ToJson());
        b.ComplexProperty(p => p.SocialLinks, c => c.ToJson());
        b.ComplexProperty(p => p.BrandingConfig, c => c.ToJson());
    }
}
