using Elimu.Api.Partners.Profiles;
using Microsoft.AspNetCore.Identity;

namespace Elimu.Api.Platform.Identity;

/// <summary>A person who signs in: admin, staff, partner staff, parent or student.</summary>
public class AppUser : IdentityUser<Guid>
{
    public string FirstName { get; set; } = "";
    public string LastName { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;

    public PartnerProfile? PartnerProfile { get; set; }

    public string FullName => $"{FirstName} {LastName}".Trim();
}
