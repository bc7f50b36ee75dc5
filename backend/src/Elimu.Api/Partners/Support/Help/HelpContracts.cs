namespace Elimu.Api.Partners.Support.Help;

/// <param name="Q">Words to find (all of them), in the title, summary, tags or body; at most 200 characters.</param>
/// <param name="Category">One of the keys <c>GET /help/categories</c> lists.</param>
public sealed record HelpArticleQuery(string? Q, string? Category, HelpArticleKind? Kind, int? Page, int? PageSize);

/// <param name="Snippet">When searching: the words around the first match in the body.</param>
/// <param name="Body">The article in markdown (FAQ answers are shown in place, so lists carry the body).</param>
public sealed record HelpArticleSummary(string Slug, string Title, HelpArticleKind Kind, string Category, string Summary,
    IReadOnlyList<string> Tags, string? Snippet, string Body);

public sealed record HelpArticleView(string Slug, string Title, HelpArticleKind Kind, string Category, string CategoryLabel,
    string Summary, IReadOnlyList<string> Tags, string Body, IReadOnlyList<HelpArticleLink> Related);

public sealed record HelpArticleLink(string Slug, string Title, HelpArticleKind Kind);

public sealed record HelpCategoryView(string Key, string Label, int Guides, int Faqs);

/// <param name="ApiDocsUrl">The interactive API reference (Scalar) of this instance.</param>
public sealed record HelpCategoriesResponse(IReadOnlyList<HelpCategoryView> Items, string ApiDocsUrl, string OpenApiUrl);
