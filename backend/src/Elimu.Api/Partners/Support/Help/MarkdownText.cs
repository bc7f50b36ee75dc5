using System.Text.RegularExpressions;

namespace Elimu.Api.Partners.Support.Help;

/// <summary>Markdown reduced to its words: what search matches and what a result's snippet shows.</summary>
internal static partial class MarkdownText
{
    public static string Plain(string markdown)
    {
        var text = Link().Replace(markdown, "$1");
        text = Marks().Replace(text, " ");
        return Spaces().Replace(text, " ").Trim();
    }

    /// <summary>About <paramref name="length"/> characters of <paramref name="plain"/> around the first term found.</summary>
    public static string Snippet(string plain, IReadOnlyList<string> terms, int length = 180)
    {
        var at = terms.Select(t => plain.IndexOf(t, StringComparison.OrdinalIgnoreCase)).Where(i => i >= 0).DefaultIfEmpty(0).Min();
        var start = Math.Max(0, at - length / 3);
        if (start > 0) start = plain.IndexOf(' ', start) is var s and >= 0 && s < at ? s + 1 : start;
        var end = Math.Min(plain.Length, start + length);
        if (end < plain.Length && plain.LastIndexOf(' ', end) is var e && e > start) end = e;
        return (start > 0 ? "…" : "") + plain[start..end] + (end < plain.Length ? "…" : "");
    }

    [GeneratedRegex(@"!?\[([^\]]*)\]\([^)]*\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"(^|\n)\s{0,3}(#{1,6}|>|[-*+]|\d+\.)\s|[*_`|]+|^-{3,}$", RegexOptions.Multiline)]
    private static partial Regex Marks();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
