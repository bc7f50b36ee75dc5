using Elimu.Api.Partners.Account.Team;
using Elimu.Api.Platform.Identity;

namespace Elimu.Api.Partners.Profiles;

/// <summary>
/// The organisation behind a partner account. <see cref="UserId"/> is the founding user, whose id also keys the partner's
/// programs, children and payments; the people who work for it are its <see cref="Members"/> (the founder is an owner).
/// </summary>
public class PartnerProfile
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid UserId { get; set; }
    public AppUser? User { get; set; }

    public string OrganizationName { get; set; } = "";
    public OrganizationType OrganizationType { get; set; }
    public string DisplayName { get; set; } = "";
    public string? Bio { get; set; }
    public string? Tagline { get; set; }
    public string? LogoUrl { get; set; }
    public string? BannerUrl { get; set; }
    public string? ContactPerson { get; set; }
    public string? ContactEmail { get; set; }
    public string? ContactPhone { get; set; }
    public PostalAddress Address { get; set; } = new();
    public string? Website { get; set; }
    public SocialLinks SocialLinks { get; set; } = new();
    public string? RegistrationNumber { get; set; }
    public string? TaxId { get; set; }
    public bool TaxExempt { get; set; }
    /// <summary>Education areas the organisation focuses on.</summary>
    public List<string> Specializations { get; set; } = [];
    public PartnershipTier PartnershipTier { get; set; } = PartnershipTier.standard;
    /// <summary>Finished or dismissed: the dashboard stops showing the checklist.</summary>
    public bool OnboardingCompleted { get; set; }
    /// <summary>Index into <see cref="Onboarding.Steps"/> of the step the partner is on.</summary>
    public int OnboardingStep { get; set; }
    /// <summary>
    /// Whether an admin has checked the organisation. Accounts made by an operator or the seed are verified; the
    /// self-service sign-up starts <see cref="PartnerVerification.pending"/>, and until verified the partner may set up
    /// its profile and team but not create programs or ask guardians for consent (<see cref="VerifiedPartnerFilter"/>).
    /// </summary>
    public PartnerVerification VerificationStatus { get; set; } = PartnerVerification.verified;
    public DateTime? VerifiedAt { get; set; }
    public Guid? VerifiedBy { get; set; }
    /// <summary>Why an admin turned the organisation down (shown to the partner).</summary>
    public string? VerificationNote { get; set; }
    public BrandingConfig BrandingConfig { get; set; } = new();
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public List<PartnerTeamMember> Members { get; set; } = [];
}
