using Elimu.Api.Partners.Consent;
using Elimu.Api.Partners.Profiles;
using Elimu.Api.Partners.Sponsorships;
using Elimu.Api.Partners.Support.Training;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Elimu.Api.Data;

/// <summary>
/// Foreign keys from one section's table to another's, declared here where the model is composed, without a navigation,
/// so that neither section names the other's entity (PartnerSectionTests). The database keeps the link; the code reads
/// across it only through the owning section's service (Consent reads enrolments through Sponsorships' EnrolmentReader).
/// </summary>
internal sealed class SectionForeignKeys : IEntityTypeConfiguration<SponsorshipConsent>
{
    public void Configure(EntityTypeBuilder<SponsorshipConsent> b) =>
        // A consent belongs to one enrolment and goes with it.
        b.HasOne<SponsoredChild>().WithMany().HasForeignKey(c => c.SponsoredChildId).OnDelete(DeleteBehavior.Cascade);
}

/// <summary>A webinar seat and a finished module belong to the team they were taken from, and go with its profile.</summary>
internal sealed class TrainingForeignKeys : IEntityTypeConfiguration<WebinarRegistration>, IEntityTypeConfiguration<ModuleCompletion>
{
    public void Configure(EntityTypeBuilder<WebinarRegistration> b) =>
        b.HasOne<PartnerProfile>().WithMany().HasForeignKey(r => r.PartnerProfileId).OnDelete(DeleteBehavior.Cascade);

    public void Configure(EntityTypeBuilder<ModuleCompletion> b) =>
        b.HasOne<PartnerProfile>().WithMany().HasForeignKey(c => c.PartnerProfileId).OnDelete(DeleteBehavior.Cascade);
}
