using Elimu.Api.Partners.Analytics;
using Elimu.Api.Partners.Finance;
using Elimu.Api.Partners.Finance.Budgets;
using Elimu.Api.Partners.Finance.Grants;
using Elimu.Api.Partners.Sponsorships;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Elimu.Api.Partners;

/// <summary>
/// The foreign keys from Finance's and Analytics' rows to the program they are about. They live here, in the composition
/// root, because a section names another's entity nowhere (PartnerSectionTests): the rows keep only the program's id, the
/// database keeps the key, and names are read through Sponsorships' <see cref="ProgramListings"/>.
/// </summary>
internal sealed class ProgramForeignKeys :
    IEntityTypeConfiguration<PartnerSubscription>, IEntityTypeConfiguration<PartnerPricing>, IEntityTypeConfiguration<BudgetAllocation>,
    IEntityTypeConfiguration<GrantAllocation>, IEntityTypeConfiguration<PartnerImpactReport>
{
    // A subscription is billing history: its program cannot be deleted under it.
    public void Configure(EntityTypeBuilder<PartnerSubscription> b) =>
        b.HasOne<SponsorshipProgram>().WithMany().HasForeignKey(s => s.ProgramId).OnDelete(DeleteBehavior.Restrict);

    public void Configure(EntityTypeBuilder<PartnerPricing> b) =>
        b.HasOne<SponsorshipProgram>().WithMany().HasForeignKey(p => p.ProgramId).OnDelete(DeleteBehavior.Cascade);

    public void Configure(EntityTypeBuilder<BudgetAllocation> b) =>
        b.HasOne<SponsorshipProgram>().WithMany().HasForeignKey(a => a.ProgramId).OnDelete(DeleteBehavior.Cascade);

    public void Configure(EntityTypeBuilder<GrantAllocation> b) =>
        b.HasOne<SponsorshipProgram>().WithMany().HasForeignKey(a => a.ProgramId).OnDelete(DeleteBehavior.Cascade);

    // A report outlives its program: "all programs" then.
    public void Configure(EntityTypeBuilder<PartnerImpactReport> b) =>
        b.HasOne<SponsorshipProgram>().WithMany().HasForeignKey(r => r.ProgramId).OnDelete(DeleteBehavior.SetNull);
}
