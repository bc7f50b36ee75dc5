using System.Globalization;
using System.Text.RegularExpressions;

namespace Elimu.Api.Partners.Profiles;

/// <summary>
/// Brand colours are #RRGGBB. Invoices and letters print the organisation's name in white on the primary colour and use
/// the secondary colour for accents on white paper, so each is checked against white with the WCAG contrast ratio.
/// </summary>
public static partial class BrandColors
{
    /// <summary>WCAG AA for normal text.</summary>
    public const double TextContrast = 4.5;
    /// <summary>WCAG AA for large text and graphics (rules, headings).</summary>
    public const double AccentContrast = 3.0;

    public static bool IsHex(string? value) => value is not null && Hex().IsMatch(value);

    /// <summary>The contrast ratio (1 to 21) between two #RRGGBB colours.</summary>
    public static double Contrast(string a, string b)
    {
        var (la, lb) = (Luminance(a), Luminance(b));
        return (Math.Max(la, lb) + 0.05) / (Math.Min(la, lb) + 0.05);
    }

    private static double Luminance(string hex)
    {
        double Channel(int offset)
        {
            var c = int.Parse(hex.AsSpan(offset, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture) / 255.0;
            return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * Channel(1) + 0.7152 * Channel(3) + 0.0722 * Channel(5);
    }

    public static IReadOnlyList<ProfileWarning> Warnings(BrandingConfig branding)
    {
        var warnings = new List<ProfileWarning>();
        if (IsHex(branding.PrimaryColor) && Contrast(branding.PrimaryColor, "#FFFFFF") is var p && p < TextContrast)
            warnings.Add(new("brandingConfig.primaryColor", "low_contrast",
                $"White text on this colour has a contrast of {p:0.0}:1 (at least {TextContrast}:1 reads well): your name on invoices and letters may be hard to read. Try a darker shade."));
        if (IsHex(branding.SecondaryColor) && Contrast(branding.SecondaryColor!, "#FFFFFF") is var s && s < AccentContrast)
            warnings.Add(new("brandingConfig.secondaryColor", "low_contrast",
                $"This colour has a contrast of {s:0.0}:1 against white paper (at least {AccentContrast}:1 is visible): accents may fade on print. Try a darker shade."));
        return warnings;
    }

    [GeneratedRegex("^#[0-9A-Fa-f]{6}$")] private static partial Regex Hex();
}
