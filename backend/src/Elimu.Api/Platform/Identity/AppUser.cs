using Elimu.Api.Common;
using Microsoft.AspNetCore.Identity;

namespace Elimu.Api.Platform.Identity;

/// <summary>
/// A person who signs in: admin, staff, partner staff, parent or student. The plan's one-to-one
/// user.partner_profile is navigated from <c>PartnerProfile.User</c>, so the platform never depends on partner code.
/// </summary>
public class AppUser : IdentityUser<Guid>
{
    public string FirstName { get; set; } = "";
    public string LastName { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    /// <summary>The IANA zone the user lives in: when their digest goes out and how times are shown to them.</summary>
    public string TimeZone { get; set; } = DefaultTimeZone;

    /// <summary>The colour theme the user chose in their settings.</summary>
    public UiTheme Theme { get; set; } = UiTheme.dark;

    /// <summary>The language the user reads the product in (the SPA's texts, and the consent text a guardian is shown first).</summary>
    public Language PreferredLanguage { get; set; } = Language.en;

    public const string DefaultTimeZone = "Africa/Nairobi";

    public string FullName => $"{FirstName} {LastName}".Trim();
}
