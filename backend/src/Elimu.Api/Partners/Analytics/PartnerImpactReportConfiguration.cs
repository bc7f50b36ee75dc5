using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Elimu.Api.Partners.Analytics;

internal sealed class PartnerImpactReportConfiguration : IEntityTypeConfiguration<PartnerImpactReport>
{
    public void Configure(EntityTypeBuilder<PartnerImpactReport> b)
    {
        b.ToTable("partner_impact_reports");
        b.Property(r => r.Title).HasMaxLength(200);
        b.ComplexProperty(r => r.Metrics, c => c.ToJson());
        b.ComplexProperty(r => r.AiInsights, c => c.ToJson());
        b.HasOne(r => r.Partner).WithMany().HasForeignKey(r => r.PartnerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(r => r.Program).WithMany().HasForeignKey(r => r.ProgramId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(r => new { r.PartnerId, r.GeneratedAt });
    }
}
