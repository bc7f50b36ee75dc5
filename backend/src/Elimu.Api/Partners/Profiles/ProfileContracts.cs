namespace Elimu.Api.Partners.Profiles;

/// <summary>
/// Every field of the profile a partner may edit (PUT sends all of them; PATCH sends the ones to change, as a JSON merge
/// patch). The tier, the pictures, the onboarding and the verification have routes of their own.
/// </summary>
public sealed record ProfileRequest
{
    public string? OrganizationName { get; init; }
    public OrganizationType? OrganizationType { get; init; }
    public string? DisplayName { get; init; }
    public string? Bio { get; init; }
    public string? Tagline { get; init; }
    public string? ContactPerson { get; init; }
    public string? ContactEmail { get; init; }
    /// <summary>A Kenyan number, as typed (0712 345 678, +254 712 345 678); stored as +254712345678.</summary>
    public string? ContactPhone { get; init; }
    public AddressRequest? Address { get; init; }
    /// <summary>An http(s) address; "example.org" is read as https://example.org.</summary>
    public string? Website { get; init; }
    public SocialLinksRequest? SocialLinks { get; init; }
    public string? RegistrationNumber { get; init; }
    /// <summary>The KRA PIN, like P051234567X.</summary>
    public string? TaxId { get; init; }
    public bool? TaxExempt { get; init; }
    public IReadOnlyList<string?>? Specializations { get; init; }
    public BrandingRequest? BrandingConfig { get; init; }
}

public sealed record AddressRequest
{
    public string? Line1 { get; init; }
    public string? Line2 { get; init; }
    public string? City { get; init; }
    /// <summary>One of Kenya's 47 counties when the country is Kenya.</summary>
    public string? County { get; init; }
    public string? PostalCode { get; init; }
    public string? Country { get; init; }
}

public sealed record SocialLinksRequest
{
    public string? Twitter { get; init; }
    public string? Facebook { get; init; }
    public string? LinkedIn { get; init; }
    public string? Instagram { get; init; }
}

/// <summary>How invoices, letters and reports are branded: colours as #RRGGBB.</summary>
public sealed record BrandingRequest
{
    public string? PrimaryColor { get; init; }
    public string? SecondaryColor { get; init; }
    public string? ReportFooter { get; init; }
}

/// <summary>Accepted, but worth a second look (a colour that white text cannot be read on).</summary>
public sealed record ProfileWarning(string Field, string Code, string Message);

public sealed record OnboardingStepState(string Key, string Title, string Description, bool Done, bool Current);

/// <summary>The new partner's checklist. <c>Step</c> indexes <c>Steps</c>; <c>Completed</c> once finished or dismissed.</summary>
public sealed record OnboardingState(int Step, bool Completed, IReadOnlyList<OnboardingStepState> Steps);

public sealed record ProfileResponse(
    Guid Id, string OrganizationName, OrganizationType OrganizationType, string DisplayName, string? Bio, string? Tagline,
    string? LogoUrl, string? BannerUrl, string? ContactPerson, string? ContactEmail, string? ContactPhone, PostalAddress Address,
    string? Website, SocialLinks SocialLinks, string? RegistrationNumber, string? TaxId, bool TaxExempt,
    IReadOnlyList<string> Specializations, PartnershipTier PartnershipTier, BrandingConfig BrandingConfig,
    PartnerVerification VerificationStatus, string? VerificationNote, DateTime? VerifiedAt, OnboardingState Onboarding,
    /// <summary>Whether the signed-in member may edit (owners only); the server refuses others either way.</summary>
    bool CanEdit, IReadOnlyList<ProfileWarning> Warnings, DateTime CreatedAt, DateTime UpdatedAt);

public sealed record OnboardingRequest
{
    /// <summary>complete (the current step is done: move on), skip (move on without it), dismiss (hide the checklist), restart.</summary>
    public OnboardingAction? Action { get; init; }
}

public enum OnboardingAction { complete, skip, dismiss, restart }

public sealed record ProfileImageResponse(ProfileImageKind Kind, string Url, string ContentType, int Width, int Height, long Bytes);
