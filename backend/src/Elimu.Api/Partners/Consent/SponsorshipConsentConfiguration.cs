using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Elimu.Api.Partners.Consent;

internal sealed class SponsorshipConsentConfiguration : IEntityTypeConfiguration<SponsorshipConsent>
{
    public void Configure(EntityTypeBuilder<SponsorshipConsent> b)
    {
        b.ToTable("sponsorship_consents");
        b.Ignore(c => c.Status);
        b.Ignore(c => c.Languages);
        b.Property(c => c.SignedLanguage).HasConversion<string>().HasMaxLength(8);
        b.Property(c => c.SignedTextSha256).HasMaxLength(64);
        b.Property(c => c.ConsentTextVersion).HasMaxLength(40);
        b.Property(c => c.SignedName).HasMaxLength(200);
        b.Property(c => c.IpAddress).HasMaxLength(64);
        b.Property(c => c.UserAgent).HasMaxLength(512);
        b.ComplexProperty(c => c.Shown, s => s.ToJson());
        // The key to the sponsored child (Sponsorships' table) is declared in Data/SectionForeignKeys.cs.
        b.HasOne(c => c.Parent).WithMany().HasForeignKey(c => c.ParentId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(c => c.ParentId);
        b.HasIndex(c => c.SponsoredChildId);
        // The recent refusals and withdrawals that keep a child out of every partner's available students
        // (ConsentStats.OptedOutStudentIds): refusals by answer and date, withdrawals by date, each with the child, so the
        // few matching rows are found without reading the many consents given in the same year (nor any consent row).
        b.HasIndex(c => new { c.ConsentGiven, c.ConsentedAt, c.SponsoredChildId }).HasDatabaseName("ix_sponsorship_consents_opt_out_refused");
        b.HasIndex(c => new { c.RevokedAt, c.SponsoredChildId }).HasDatabaseName("ix_sponsorship_consents_opt_out_withdrawn");
    }
}
