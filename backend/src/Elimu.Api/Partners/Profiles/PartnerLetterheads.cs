using Elimu.Api.Common;
using Elimu.Api.Data;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Partners.Profiles;

/// <summary>What a document the partner hands to others is headed with: its name, brand colours (#RRGGBB) and logo as PNG.</summary>
public sealed record PartnerLetterhead(string OrganizationName, string PrimaryColor, string? SecondaryColor, byte[]? LogoPng, string? Footer);

/// <summary>Profiles' reader of a partner's letterhead for other sections' documents (impact reports), from branding_config and the logo.</summary>
public sealed class PartnerLetterheads(AppDbContext db)
{
    public async Task<PartnerLetterhead> ForAsync(Guid partnerId, CancellationToken ct)
    {
        var profile = await db.PartnerProfiles.AsNoTracking().Where(p => p.UserId == partnerId)
            .Select(p => new { p.Id, p.OrganizationName, p.BrandingConfig }).FirstOrDefaultAsync(ct);
        if (profile is null) return new PartnerLetterhead("", new BrandingConfig().PrimaryColor, null, null, null);
        var logo = await db.PartnerProfileImages.AsNoTracking().Where(i => i.PartnerProfileId == profile.Id && i.Kind == ProfileImageKind.logo)
            .Select(i => i.Content).FirstOrDefaultAsync(ct);
        return new PartnerLetterhead(profile.OrganizationName, profile.BrandingConfig.PrimaryColor, profile.BrandingConfig.SecondaryColor,
            logo is null ? null : PdfImages.AsPng(logo), profile.BrandingConfig.ReportFooter);
    }
}
