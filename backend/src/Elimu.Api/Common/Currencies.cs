using System.Globalization;

namespace Elimu.Api.Common;

/// <summary>ISO 4217 codes known to the runtime's regions (ICU), plus the ones Elimu prices in for certain.</summary>
public static class Currencies
{
    private static readonly HashSet<string> Known = LoadKnown();

    public static bool IsIso4217(string? code) => code is { Length: 3 } && Known.Contains(code.ToUpperInvariant());

    private static HashSet<string> LoadKnown()
    {
        var codes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "KES", "USD", "EUR", "GBP", "UGX", "TZS", "RWF", "ZAR" };
        foreach (var culture in CultureInfo.GetCultures(CultureTypes.SpecificCultures))
        {
            try { codes.Add(new RegionInfo(culture.Name).ISOCurrencySymbol); }
            catch (ArgumentException) { /* cultures without a region */ }
        }
        return codes;
    }
}
