using System.Globalization;
using System.Text;

namespace Elimu.Api.Partners.Consent;

/// <summary>
/// The typed name is the e-signature; it must be the guardian's name, but typed on a cheap phone: case, accents,
/// punctuation, extra spaces, word order and an added middle name are forgiven.
/// </summary>
public static class SignatureMatch
{
    public static bool Matches(string? typed, string firstName, string lastName)
    {
        var words = Words(typed);
        var first = Words(firstName);
        var last = Words(lastName);
        return words.Count > 0 && first.Count > 0 && last.Count > 0
            && first.All(words.Contains) && last.All(words.Contains);
    }

    private static HashSet<string> Words(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return [];
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var kept = new StringBuilder(decomposed.Length);
        foreach (var ch in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(ch);
            if (category == UnicodeCategory.NonSpacingMark) continue;
            kept.Append(char.IsLetterOrDigit(ch) ? char.ToLowerInvariant(ch) : ' ');
        }
        return kept.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet();
    }
}
