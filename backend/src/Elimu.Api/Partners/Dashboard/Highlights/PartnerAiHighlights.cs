using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Elimu.Api.Partners.Dashboard;

/// <summary>
/// A partner's AI highlights of one Nairobi day, kept in the database so every instance answers the same ones and the
/// orchestrator is asked once a day per partner. <see cref="ChildrenFingerprint"/> names the set of consented children
/// the figures were computed over: when consent is given or withdrawn, the day's highlights are written again, so a
/// withdrawn child's learning never stays in them (DESIGN.md §3, "Revocation takes effect at once").
/// </summary>
public class PartnerAiHighlights
{
    public Guid PartnerId { get; set; }
    public DateOnly Day { get; set; }
    public string ChildrenFingerprint { get; set; } = "";
    /// <summary>The items as JSON (a list of <see cref="AiHighlightItem"/>).</summary>
    public string ItemsJson { get; set; } = "[]";
    public string Provider { get; set; } = "";
    public string Model { get; set; } = "";
    /// <summary>UTC.</summary>
    public DateTime GeneratedAt { get; set; }
}

internal sealed class PartnerAiHighlightsConfiguration : IEntityTypeConfiguration<PartnerAiHighlights>
{
    public void Configure(EntityTypeBuilder<PartnerAiHighlights> b)
    {
        b.ToTable("partner_ai_highlights");
        b.HasKey(h => new { h.PartnerId, h.Day });
        b.Property(h => h.ChildrenFingerprint).HasMaxLength(64);
        b.Property(h => h.Provider).HasMaxLength(40);
        b.Property(h => h.Model).HasMaxLength(100);
        b.HasOne<Platform.Identity.AppUser>().WithMany().HasForeignKey(h => h.PartnerId).OnDelete(DeleteBehavior.Cascade);
    }
}
