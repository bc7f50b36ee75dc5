using Elimu.Api.Tests.Infrastructure;

namespace Elimu.Api.Tests.Platform.Hosting;

/// <summary>Stripe's keys with the publishable key: the card form is offered, so its script's origin is allowed.</summary>
public sealed class StripeCardFormApi : ElimuApiFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Payments:Stripe:SecretKey"] = "sk_test_policy",
        ["Payments:Stripe:WebhookSecret"] = "whsec_policy",
        ["Payments:Stripe:PublishableKey"] = "pk_test_policy",
        ["Payments:Stripe:JsUrl"] = "http://127.0.0.1:9/v3",
        ["Payments:Stripe:BrowserApiUrl"] = "http://127.0.0.1:9",
    };
}

/// <summary>Stripe's server keys without the publishable key: no card form, so nothing is added to the page's policy.</summary>
public sealed class StripeWithoutCardFormApi : ElimuApiFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Payments:Stripe:SecretKey"] = "sk_test_policy",
        ["Payments:Stripe:WebhookSecret"] = "whsec_policy",
        ["Payments:Stripe:JsUrl"] = "http://127.0.0.1:9/v3",
    };
}

/// <summary>
/// The page's Content-Security-Policy follows Stripe's configuration: Stripe.js's origin (script, frames) and the address
/// it sends the card to (connect) are allowed only while the card form is offered; otherwise the policy stays 'self'.
/// The gateways list names the script for the page to load.
/// </summary>
public sealed class StripeCardFormPolicyTests
{
    private static string Directive(HttpResponseMessage r, string name) =>
        string.Join(",", r.Headers.GetValues("Content-Security-Policy")).Split(';').Select(d => d.Trim()).FirstOrDefault(d => d.StartsWith(name + " ")) ?? "";

    [Fact]
    public async Task With_the_card_form_the_page_may_load_Stripe_js_from_its_configured_origin_and_nothing_else()
    {
        await using var api = new StripeCardFormApi();
        await api.InitializeAsync();
        var page = await api.CreateClient().GetAsync("/dashboard/partner/funding");
        Assert.Equal("script-src 'self' http://127.0.0.1:9", Directive(page, "script-src"));
        Assert.Equal("frame-src http://127.0.0.1:9", Directive(page, "frame-src"));
        Assert.Equal("connect-src 'self' http://127.0.0.1:9", Directive(page, "connect-src"));
        // API answers keep their own policy.
        var apiAnswer = await api.CreateClient().GetAsync("/api/v1/auth/me");
        Assert.Equal("", Directive(apiAnswer, "script-src"));

        var (_, client) = await Elimu.Api.Tests.Finance.FinanceTestKit.PartnerAsync(api);
        var stripe = (await client.GetJsonAsync<System.Text.Json.JsonElement>("/api/v1/partner/finance/gateways")).EnumerateArray()
            .Single(c => c.GetProperty("gateway").GetString() == "stripe");
        Assert.True(stripe.GetProperty("available").GetBoolean());
        Assert.Equal("pk_test_policy", stripe.GetProperty("clientKey").GetString());
        Assert.Equal("http://127.0.0.1:9/v3", stripe.GetProperty("scriptUrl").GetString());
    }

    [Fact]
    public async Task Without_the_publishable_key_the_page_policy_allows_only_itself()
    {
        await using var api = new StripeWithoutCardFormApi();
        await api.InitializeAsync();
        var page = await api.CreateClient().GetAsync("/dashboard/partner/funding");
        Assert.Equal("script-src 'self'", Directive(page, "script-src"));
        Assert.Equal("connect-src 'self'", Directive(page, "connect-src"));
        Assert.Equal("", Directive(page, "frame-src"));
        var (_, client) = await Elimu.Api.Tests.Finance.FinanceTestKit.PartnerAsync(api);
        var stripe = (await client.GetJsonAsync<System.Text.Json.JsonElement>("/api/v1/partner/finance/gateways")).EnumerateArray()
            .Single(c => c.GetProperty("gateway").GetString() == "stripe");
        Assert.False(stripe.GetProperty("available").GetBoolean());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, stripe.GetProperty("scriptUrl").ValueKind);
    }
}
