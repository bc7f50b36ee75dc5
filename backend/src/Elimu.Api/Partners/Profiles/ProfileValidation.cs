using Elimu.Api.Common;
using Elimu.Api.Platform.Students;

namespace Elimu.Api.Partners.Profiles;

/// <summary>Checks a whole <see cref="ProfileRequest"/> (per-field messages, as the form shows them) and writes it to the profile.</summary>
public static class ProfileValidation
{
    public const int MaxSpecializations = 20;
    public const int FooterLength = 500;

    /// <summary>Validates and applies <paramref name="r"/>; nothing changes when any field is wrong.</summary>
    public static void Apply(PartnerProfile profile, ProfileRequest r)
    {
        var v = new Validation();
        var name = r.OrganizationName?.Trim() ?? "";
        v.Check(name.Length > 0, "organizationName", "Enter your organisation's name.")
            .Text("organizationName", name, InputLimits.ShortText)
            .Check(r.OrganizationType is not null, "organizationType", "Choose a type: NGO, Corporate, Government, Foundation or Individual.")
            .Text("displayName", r.DisplayName?.Trim(), InputLimits.ShortText)
            .Text("bio", r.Bio?.Trim(), InputLimits.LongText)
            .Text("tagline", r.Tagline?.Trim(), InputLimits.ShortText)
            .Text("contactPerson", r.ContactPerson?.Trim(), InputLimits.ShortText)
            .Text("registrationNumber", r.RegistrationNumber?.Trim(), 100);

        var email = Blank(r.ContactEmail);
        v.Check(email is null || ContactFormats.IsEmail(email), "contactEmail", "Enter a valid email address, like info@example.org.");
        var phone = Blank(r.ContactPhone) is { } typed ? ContactFormats.KenyanPhone(typed) : null;
        v.Check(Blank(r.ContactPhone) is null || phone is not null, "contactPhone",
            "Enter a Kenyan phone number, like 0712 345 678 or +254 712 345 678.");
        var website = Url(v, "website", r.Website);
        var taxId = Blank(r.TaxId)?.ToUpperInvariant();
        v.Check(taxId is null || ContactFormats.IsKraPin(taxId), "taxId", "Enter the KRA PIN: A or P, nine digits and a letter, like P051234567X.");

        var address = r.Address ?? new AddressRequest();
        var country = Blank(address.Country) ?? "Kenya";
        var inKenya = country.Equals("Kenya", StringComparison.OrdinalIgnoreCase);
        var county = Blank(address.County);
        var postal = Blank(address.PostalCode);
        v.Text("address.line1", address.Line1?.Trim(), InputLimits.ShortText)
            .Text("address.line2", address.Line2?.Trim(), InputLimits.ShortText)
            .Text("address.city", address.City?.Trim(), 100)
            .Text("address.country", country, 100)
            .Text("address.county", county, 100)
            .Check(!inKenya || county is null || KenyaCounties.IsCounty(county), "address.county", "Choose one of Kenya's 47 counties.")
            .Check(!inKenya || postal is null || (postal.Length == 5 && postal.All(char.IsAsciiDigit)), "address.postalCode",
                "A Kenyan postal code has five digits, like 00100.")
            .Text("address.postalCode", postal, 20);

        var social = r.SocialLinks ?? new SocialLinksRequest();
        var links = new SocialLinks
        {
            Twitter = Url(v, "socialLinks.twitter", social.Twitter), Facebook = Url(v, "socialLinks.facebook", social.Facebook),
            LinkedIn = Url(v, "socialLinks.linkedIn", social.LinkedIn), Instagram = Url(v, "socialLinks.instagram", social.Instagram),
        };

        var specializations = new List<string>();
        v.NoNulls("specializations", r.Specializations)
            .Check((r.Specializations?.Count ?? 0) <= MaxSpecializations, "specializations", $"List at most {MaxSpecializations} areas.");
        for (var i = 0; i < (r.Specializations?.Count ?? 0); i++)
        {
            if (r.Specializations![i] is not { } item) continue;
            var area = item.Trim();
            v.Check(area.Length > 0, $"specializations[{i}]", "This area is empty.").Text($"specializations[{i}]", area, 100);
            if (area.Length > 0 && !specializations.Contains(area, StringComparer.OrdinalIgnoreCase)) specializations.Add(area);
        }

        var branding = r.BrandingConfig ?? new BrandingRequest();
        var primary = Blank(branding.PrimaryColor)?.ToUpperInvariant() ?? "#E40000";
        var secondary = Blank(branding.SecondaryColor)?.ToUpperInvariant();
        v.Check(BrandColors.IsHex(primary), "brandingConfig.primaryColor", "Give the colour as #RRGGBB, like #E40000.")
            .Check(secondary is null || BrandColors.IsHex(secondary), "brandingConfig.secondaryColor", "Give the colour as #RRGGBB, like #1F2937.")
            .Text("brandingConfig.reportFooter", branding.ReportFooter?.Trim(), FooterLength);
        v.ThrowIfInvalid();

        profile.OrganizationName = name;
        profile.OrganizationType = r.OrganizationType!.Value;
        profile.DisplayName = Blank(r.DisplayName) ?? name;
        profile.Bio = Blank(r.Bio);
        profile.Tagline = Blank(r.Tagline);
        profile.ContactPerson = Blank(r.ContactPerson);
        profile.ContactEmail = email;
        profile.ContactPhone = phone;
        profile.Website = website;
        profile.RegistrationNumber = Blank(r.RegistrationNumber);
        profile.TaxId = taxId;
        profile.TaxExempt = r.TaxExempt ?? false;
        profile.Specializations = specializations;
        profile.Address = new PostalAddress
        {
            Line1 = Blank(address.Line1), Line2 = Blank(address.Line2), City = Blank(address.City),
            County = county is not null && inKenya ? KenyaCounties.All.First(c => c.Equals(county, StringComparison.OrdinalIgnoreCase)) : county,
            PostalCode = postal, Country = inKenya ? "Kenya" : country,
        };
        profile.SocialLinks = links;
        profile.BrandingConfig = profile.BrandingConfig with
        {
            PrimaryColor = primary, SecondaryColor = secondary, ReportFooter = Blank(branding.ReportFooter),
        };
    }

    /// <summary>The profile as a request: what PATCH merges its changes into.</summary>
    public static ProfileRequest ToRequest(PartnerProfile p) => new()
    {
        OrganizationName = p.OrganizationName, OrganizationType = p.OrganizationType, DisplayName = p.DisplayName, Bio = p.Bio,
        Tagline = p.Tagline, ContactPerson = p.ContactPerson, ContactEmail = p.ContactEmail, ContactPhone = p.ContactPhone,
        Address = new AddressRequest
        {
            Line1 = p.Address.Line1, Line2 = p.Address.Line2, City = p.Address.City, County = p.Address.County,
            PostalCode = p.Address.PostalCode, Country = p.Address.Country,
        },
        Website = p.Website,
        SocialLinks = new SocialLinksRequest
            { Twitter = p.SocialLinks.Twitter, Facebook = p.SocialLinks.Facebook, LinkedIn = p.SocialLinks.LinkedIn, Instagram = p.SocialLinks.Instagram },
        RegistrationNumber = p.RegistrationNumber, TaxId = p.TaxId, TaxExempt = p.TaxExempt, Specializations = p.Specializations,
        BrandingConfig = new BrandingRequest
            { PrimaryColor = p.BrandingConfig.PrimaryColor, SecondaryColor = p.BrandingConfig.SecondaryColor, ReportFooter = p.BrandingConfig.ReportFooter },
    };

    private static string? Url(Validation v, string field, string? typed)
    {
        if (Blank(typed) is not { } text) return null;
        var url = ContactFormats.WebAddress(text);
        v.Check(url is not null && url.Length <= 300, field, "Enter a web address, like https://example.org.");
        return url;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
