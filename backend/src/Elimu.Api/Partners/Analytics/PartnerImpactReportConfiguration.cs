using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Elimu.Api.Partners.Analytics;

internal sealed class PartnerImpactReportConfiguration : IEntityTypeConfiguration<PartnerImpactReport>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public void Configure(EntityTypeBuilder<PartnerImpactReport> b)
    {
        b.ToTable("partner_impact_reports");
        b.Property(r => r.Title).HasMaxLength(200);
        b.ComplexProperty(r => r.Metrics, c => c.ToJson());
        b.ComplexProperty(r => r.AiInsights, c => c.ToJson());
        // Lists of records in a JSON text column: read and written whole, never queried into.
        b.Property(r => r.Breakdown).HasConversion(
                v => JsonSerializer.Serialize(v, Json),
                s => JsonSerializer.Deserialize<ImpactBreakdown>(s, Json) ?? new ImpactBreakdown(),
                new ValueComparer<ImpactBreakdown>((x, y) => JsonSerializer.Serialize(x, Json) == JsonSerializer.Serialize(y, Json),
                    v => JsonSerializer.Serialize(v, Json).GetHashCode(StringComparison.Ordinal), v => v))
            .HasColumnName("breakdown");
        b.Property(r => r.Stage).HasMaxLength(100);
        b.Property(r => r.Error).HasMaxLength(500);
        b.HasOne(r => r.Partner).WithMany().HasForeignKey(r => r.PartnerId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(r => new { r.PartnerId, r.GeneratedAt });
        // The job's scan for queued reports and for running ones whose instance stopped.
        b.HasIndex(r => new { r.Status, r.HeartbeatAt });
    }
}
