using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Elimu.Api.Partners.Analytics.Reports;

internal sealed class CustomReportConfiguration : IEntityTypeConfiguration<PartnerCustomReport>
{
    public void Configure(EntityTypeBuilder<PartnerCustomReport> b)
    {
        b.ToTable("partner_custom_reports");
        b.Property(r => r.Name).HasMaxLength(ReportCatalog.MaxNameLength);
        b.Property(r => r.Description).HasMaxLength(ReportCatalog.MaxDescriptionLength);
        b.ComplexProperty(r => r.Definition, d =>
        {
            d.ToJson();
            d.ComplexProperty(x => x.Filters);
        });
        b.HasOne<Platform.Identity.AppUser>().WithMany().HasForeignKey(r => r.PartnerId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(r => new { r.PartnerId, r.UpdatedAt });
    }
}
