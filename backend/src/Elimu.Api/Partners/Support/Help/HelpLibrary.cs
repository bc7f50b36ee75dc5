namespace Elimu.Api.Partners.Support.Help;

/// <summary>
/// The help articles: markdown files under Partners/Support/Help/Articles, embedded in the API. Help is product
/// documentation, not partner data: it ships with the release that it describes, is edited by a pull request (reviewed
/// like code, readable on GitHub), and is the same for every partner, so it lives beside the code rather than in a
/// table. Forty short articles fit in memory; search is a scan of their words, no index to keep in step.
/// </summary>
public sealed class HelpLibrary
{
    internal const string ResourceFolder = "help/";

    public IReadOnlyList<HelpArticle> Articles { get; }

    public HelpLibrary() : this(MarkdownDocument.Embedded(ResourceFolder)) { }

    internal HelpLibrary(IEnumerable<(string Name, string Text)> files)
    {
        Articles = files.Select(f => Read(f.Name, f.Text)).OrderBy(a => a.Order).ThenBy(a => a.Title, StringComparer.Ordinal).ToList();
        var duplicate = Articles.GroupBy(a => a.Slug).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new InvalidDataException($"Two help articles have the slug \"{duplicate.Key}\".");
    }

    public HelpArticle? Find(string slug) => Articles.FirstOrDefault(a => a.Slug == slug);

    /// <summary>
    /// The articles that hold every word of <paramref name="query"/> (in the title, tags, summary or body), best first:
    /// a word in the title counts most, then tags and summary, then each time it appears in the body.
    /// </summary>
    public IEnumerable<(HelpArticle Article, string? Snippet)> Search(string? query, string? category, HelpArticleKind? kind)
    {
        var terms = Terms(query);
        var candidates = Articles.Where(a => (category is null || a.Category == category) && (kind is null || a.Kind == kind));
        if (terms.Count == 0) return candidates.Select(a => (a, (string?)null));

        return candidates
            .Select(a => (Article: a, Score: Score(a, terms)))
            .Where(x => x.Score > 0)
            .OrderByDescending(x => x.Score).ThenBy(x => x.Article.Order)
            .Select(x => (x.Article, (string?)MarkdownText.Snippet(x.Article.PlainBody, terms)));
    }

    internal static IReadOnlyList<string> Terms(string? query) =>
        (query ?? "").Split([' ', '\t', ',', '.', '?', '!', ';', ':', '"', '\''], StringSplitOptions.RemoveEmptyEntries)
            .Where(t => t.Length > 1 || char.IsDigit(t[0])).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    private static int Score(HelpArticle a, IReadOnlyList<string> terms)
    {
        var total = 0;
        foreach (var term in terms)
        {
            var score = 10 * Count(a.Title, term) + 4 * (Count(a.Summary, term) + a.Tags.Sum(t => Count(t, term))) + Count(a.PlainBody, term);
            if (score == 0) return 0; // every word must be somewhere
            total += score;
        }
        return total;
    }

    private static int Count(string text, string term)
    {
        var n = 0;
        for (var i = text.IndexOf(term, StringComparison.OrdinalIgnoreCase); i >= 0; i = text.IndexOf(term, i + term.Length, StringComparison.OrdinalIgnoreCase))
            n++;
        return n;
    }

    private static HelpArticle Read(string file, string text)
    {
        var doc = MarkdownDocument.Parse(file, text);
        var category = doc.Required(file, "category");
        if (!HelpCategories.Exists(category)) throw new InvalidDataException($"{file}: unknown category \"{category}\".");
        return new HelpArticle(
            Slug: Path.GetFileNameWithoutExtension(file),
            Title: doc.Required(file, "title"),
            Kind: Enum.Parse<HelpArticleKind>(doc.Required(file, "kind")),
            Category: category,
            Summary: doc.Optional("summary"),
            Tags: doc.Optional("tags").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            Order: int.TryParse(doc.Optional("order"), out var order) ? order : 100,
            Body: doc.Body);
    }
}
