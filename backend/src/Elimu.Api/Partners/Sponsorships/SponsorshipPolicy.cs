using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Elimu.Api.Partners.Sponsorships;

/// <summary>
/// The platform's sponsorship policy, as an admin last set it (issue 20): one row at most. Until an admin sets it, the
/// configured default applies (<see cref="SponsorshipPolicies"/>).
/// </summary>
public class SponsorshipPolicy
{
    /// <summary>Always <see cref="SingleId"/>: the primary key keeps the policy to one row, however many admins save at once.</summary>
    public int Id { get; set; } = SingleId;
    public const int SingleId = 1;

    /// <summary>Days a child may wait without a sponsor before every partner is offered them first.</summary>
    public int OfferToAllAfterDays { get; set; }
    public Guid UpdatedBy { get; set; }
    public DateTime UpdatedAt { get; set; }
}

internal sealed class SponsorshipPolicyConfiguration : IEntityTypeConfiguration<SponsorshipPolicy>
{
    public void Configure(EntityTypeBuilder<SponsorshipPolicy> b)
    {
        b.ToTable("sponsorship_policies");
        b.Property(p => p.Id).ValueGeneratedNever();
    }
}
