using System.Net;
using System.Text.Json;
using Elimu.Api.Platform.Identity;
using Elimu.Api.Tests.Infrastructure;
using Elimu.Api.Tests.Partners.Account;

namespace Elimu.Api.Tests.Partners.Support;

/// <summary>Issue 16, Support: the help guides and FAQs, searched on the server, and the link to the API reference.</summary>
public sealed class HelpApiTests(ElimuApiFactory api) : IClassFixture<ElimuApiFactory>
{
    private const string Help = "/api/v1/partner/support/help";

    private async Task<ApiClient> PartnerAsync() => await api.LoginAsync((await api.CreateAsync(Roles.Partner)).Email!, TestUsers.Password);

    private static List<JsonElement> Items(JsonElement page) => page.GetProperty("items").EnumerateArray().ToList();

    [Fact]
    public async Task Search_finds_the_articles_holding_every_word_best_match_first_with_a_snippet()
    {
        using var client = await PartnerAsync();
        var page = await client.GetJsonAsync<JsonElement>($"{Help}/articles?q=M-Pesa%20prompt");
        var items = Items(page);
        Assert.NotEmpty(items);
        Assert.Equal("faq-mpesa-prompt", items[0].GetProperty("slug").GetString()); // both words in its title
        foreach (var item in items)
        {
            var text = (item.GetProperty("title").GetString() + item.GetProperty("body").GetString() + item.GetProperty("summary").GetString()
                + string.Join(" ", item.GetProperty("tags").EnumerateArray().Select(t => t.GetString()))).ToLowerInvariant();
            Assert.Contains("m-pesa", text);
            Assert.Contains("prompt", text);
            Assert.False(string.IsNullOrEmpty(item.GetProperty("snippet").GetString()));
        }
        Assert.Equal(items.Count, page.GetProperty("total").GetInt32());

        var body = await client.GetJsonAsync<JsonElement>($"{Help}/articles?q=Commissioner");
        Assert.Contains(Items(body), i => i.GetProperty("slug").GetString() == "data-protection"); // a word only in a body

        var none = await client.GetJsonAsync<JsonElement>($"{Help}/articles?q=mpesa%20zebra");
        Assert.Equal(0, none.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Category_and_kind_filter_the_list_and_the_categories_count_what_they_hold()
    {
        using var client = await PartnerAsync();
        var faqs = Items(await client.GetJsonAsync<JsonElement>($"{Help}/articles?category=consent&kind=faq&pageSize=100"));
        Assert.NotEmpty(faqs);
        Assert.All(faqs, f => { Assert.Equal("consent", f.GetProperty("category").GetString()); Assert.Equal("faq", f.GetProperty("kind").GetString()); });

        var categories = await client.GetJsonAsync<JsonElement>($"{Help}/categories");
        var consent = categories.GetProperty("items").EnumerateArray().Single(c => c.GetProperty("key").GetString() == "consent");
        Assert.Equal(faqs.Count, consent.GetProperty("faqs").GetInt32());
        Assert.Equal("/docs", categories.GetProperty("apiDocsUrl").GetString());
        // The link goes somewhere: the API reference is served at that address.
        using var browser = api.CreateClient(); // follows the redirect to the page, as a browser does
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/docs")).StatusCode);

        var all = await client.GetJsonAsync<JsonElement>($"{Help}/articles?pageSize=100");
        Assert.Equal(categories.GetProperty("items").EnumerateArray().Sum(c => c.GetProperty("guides").GetInt32() + c.GetProperty("faqs").GetInt32()),
            all.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task An_article_opens_by_slug_with_its_markdown_and_related_articles()
    {
        using var client = await PartnerAsync();
        var article = await client.GetJsonAsync<JsonElement>($"{Help}/articles/consent-how-it-works");
        Assert.Equal("How guardian consent works", article.GetProperty("title").GetString());
        Assert.Equal("Consent", article.GetProperty("categoryLabel").GetString());
        Assert.Contains("## Two guardians", article.GetProperty("body").GetString());
        Assert.All(article.GetProperty("related").EnumerateArray(), r => Assert.NotEqual("consent-how-it-works", r.GetProperty("slug").GetString()));
        Assert.NotEmpty(article.GetProperty("related").EnumerateArray());

        var missing = await client.GetAsync($"{Help}/articles/no-such-article");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("not_found", await missing.CodeAsync());
    }

    [Fact]
    public async Task Bad_filters_are_400s_naming_the_field()
    {
        using var client = await PartnerAsync();
        var category = await client.GetAsync($"{Help}/articles?category=gossip");
        Assert.Equal(HttpStatusCode.BadRequest, category.StatusCode);
        Assert.True((await category.JsonAsync()).GetProperty("errors").TryGetProperty("category", out _));
        var q = await client.GetAsync($"{Help}/articles?q={new string('a', 201)}");
        Assert.Equal(HttpStatusCode.BadRequest, q.StatusCode);
        Assert.True((await q.JsonAsync()).GetProperty("errors").TryGetProperty("q", out _));
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync($"{Help}/articles?kind=novel")).StatusCode);
    }

    [Fact]
    public async Task Help_is_for_partner_teams_a_parent_is_refused()
    {
        using var parent = await api.LoginAsync((await api.CreateAsync(Roles.Parent)).Email!, TestUsers.Password);
        Assert.Equal(HttpStatusCode.Forbidden, (await parent.GetAsync($"{Help}/articles")).StatusCode);
    }
}
