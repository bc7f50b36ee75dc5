namespace Elimu.Api.Partners.Profiles;

// Typed shapes of the profile's JSON columns.

public record PostalAddress
{
    public string? Line1 { get; set; }
    public string? Line2 { get; set; }
    public string? City { get; set; }
    public string? County { get; set; }
    public string? PostalCode { get; set; }
    public string Country { get; set; } = "Kenya";
}

public record SocialLinks
{
    public string? Twitter { get; set; }
    public string? Facebook { get; set; }
    public string? LinkedIn { get; set; }
    public string? Instagram { get; set; }
}

/// <summary>How branded reports and resources look.</summary>
public record BrandingConfig
{
    public string PrimaryColor { get; set; } = "#E40000";
    public string? SecondaryColor { get; set; }
    public string? LogoUrl { get; set; }
    public string? ReportFooter { get; set; }
}
