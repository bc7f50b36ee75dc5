using Elimu.Api.Common;
using Elimu.Api.Partners.Account.Team;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Elimu.Api.Partners.Support.Help;

/// <summary>Issue 16, Support: help guides and FAQs, searched on the server, and where the API reference is.</summary>
public static class HelpEndpoints
{
    public const string Prefix = "/api/v1/partner/support/help";
    private const int MaxQueryLength = 200;

    public static IEndpointRouteBuilder MapHelpApi(this IEndpointRouteBuilder app)
    {
        var help = app.MapGroup(Prefix).WithTags("Partner · Support").RequireAuthorization(PartnerPolicies.Read);
        help.MapGet("/categories", Categories).WithSummary("Help categories with how many guides and FAQs each holds, and the API reference's address.");
        help.MapGet("/articles", List).WithSummary("Guides and FAQs; `q` finds articles holding every word, best match first, with a snippet.");
        help.MapGet("/articles/{slug}", Get).WithSummary("One article in markdown, with others of its category.");
        return app;
    }

    private static Ok<HelpCategoriesResponse> Categories(HelpLibrary library) =>
        TypedResults.Ok(new HelpCategoriesResponse(
            HelpCategories.All.Select(c => new HelpCategoryView(c.Key, c.Label,
                library.Articles.Count(a => a.Category == c.Key && a.Kind == HelpArticleKind.guide),
                library.Articles.Count(a => a.Category == c.Key && a.Kind == HelpArticleKind.faq))).ToList(),
            "/docs", "/openapi/v1.json"));

    private static Ok<Paged<HelpArticleSummary>> List([AsParameters] HelpArticleQuery q, HelpLibrary library)
    {
        new Validation()
            .Text("q", q.Q, MaxQueryLength)
            .Check(q.Category is null || HelpCategories.Exists(q.Category), "category", "Choose one of the help categories.")
            .ThrowIfInvalid();
        var page = PageRequest.From(q.Page, q.PageSize);
        var found = library.Search(q.Q, q.Category, q.Kind).ToList();
        return TypedResults.Ok(new Paged<HelpArticleSummary>(
            found.Skip(page.Skip).Take(page.PageSize)
                .Select(x => new HelpArticleSummary(x.Article.Slug, x.Article.Title, x.Article.Kind, x.Article.Category, x.Article.Summary,
                    x.Article.Tags, x.Snippet, x.Article.Body))
                .ToList(),
            page.Page, page.PageSize, found.Count));
    }

    private static Ok<HelpArticleView> Get(string slug, HelpLibrary library)
    {
        var a = library.Find(slug) ?? throw DomainException.NotFound("Help article");
        var related = library.Articles.Where(o => o.Category == a.Category && o.Slug != a.Slug)
            .Select(o => new HelpArticleLink(o.Slug, o.Title, o.Kind)).Take(6).ToList();
        return TypedResults.Ok(new HelpArticleView(a.Slug, a.Title, a.Kind, a.Category,
            HelpCategories.All.First(c => c.Key == a.Category).Label, a.Summary, a.Tags, a.Body, related));
    }
}
