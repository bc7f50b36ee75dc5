using Elimu.Api.Data;
using Microsoft.EntityFrameworkCore;
using SixLabors.ImageSharp;

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
            logo is null ? null : AsPng(logo), profile.BrandingConfig.ReportFooter);
    }

    /// <summary>The stored logo (PNG, JPEG or WebP) as PNG, which PDF writers embed; null when it cannot be read.</summary>
    private static byte[]? AsPng(byte[] image)
    {
        try
        {
            using var picture = Image.Load(image);
            using var png = new MemoryStream();
            picture.SaveAsPng(png);
            return png.ToArray();
        }
        catch (Exception e) when (e is UnknownImageFormatException or InvalidImageContentException)
        {
            return null;
        }
    }
}
