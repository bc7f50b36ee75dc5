namespace Elimu.Api.Partners.Support.Help;

public enum HelpArticleKind { guide, faq }

/// <summary>One help article (a guide or a FAQ answer), read from its markdown file.</summary>
public sealed record HelpArticle(
    string Slug, string Title, HelpArticleKind Kind, string Category, string Summary, IReadOnlyList<string> Tags, int Order,
    string Body)
{
    /// <summary>The body without markdown marks, for search and snippets.</summary>
    public string PlainBody { get; } = MarkdownText.Plain(Body);
}

/// <summary>The help categories, in the order the page lists them.</summary>
public static class HelpCategories
{
    public static readonly IReadOnlyList<(string Key, string Label)> All =
    [
        ("getting-started", "Getting started"),
        ("sponsorships", "Sponsoring children"),
        ("consent", "Consent"),
        ("payments", "Payments and billing"),
        ("reports", "Reports and monitoring"),
        ("team", "Team and roles"),
        ("data-protection", "Data protection"),
        ("api", "API and integrations"),
    ];

    public static bool Exists(string key) => All.Any(c => c.Key == key);
}
