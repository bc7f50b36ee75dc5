using System.Net;
using System.Text;
using System.Text.Json;
using Elimu.Api.Tests.Infrastructure;
using Elimu.Api.Tests.Payments.PayPal;
using Elimu.Api.Tests.Payments.Stripe;
using UglyToad.PdfPig;
using static Elimu.Api.Tests.Finance.FinanceApiFactory;

namespace Elimu.Api.Tests.Finance;

/// <summary>Finance with Stripe and PayPal pointed at their fakes (keys, Stripe's publishable key, PayPal's return address).</summary>
public sealed class CardAndPayPalApi : FinanceApiFactory
{
    public const string PublishableKey = "pk_test_51ElimuFake";
    public FakeStripe Stripe { get; private set; } = null!;
    public FakePayPal PayPal { get; private set; } = null!;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        ["Payments:Stripe:BaseUrl"] = Stripe.BaseUrl,
        ["Payments:Stripe:SecretKey"] = FakeStripe.SecretKey,
        ["Payments:Stripe:WebhookSecret"] = StripeApi.WebhookSecret,
        ["Payments:Stripe:PublishableKey"] = PublishableKey,
        ["Payments:PayPal:BaseUrl"] = PayPal.BaseUrl,
        ["Payments:PayPal:ClientId"] = FakePayPal.ClientId,
        ["Payments:PayPal:ClientSecret"] = FakePayPal.ClientSecret,
        ["Payments:PayPal:WebhookId"] = FakePayPal.WebhookId,
        ["Payments:PayPal:KesPerUsd"] = "129.50",
        ["Payments:PayPal:ReturnUrl"] = "https://elimu.test/dashboard/partner/funding?paypal=return",
        ["Payments:PayPal:CancelUrl"] = "https://elimu.test/dashboard/partner/funding?paypal=cancel",
    };

    public override async Task InitializeAsync()
    {
        Stripe = await FakeStripe.StartNewAsync();
        PayPal = await FakePayPal.StartNewAsync();
        await base.InitializeAsync();
    }
}

/// <summary>
/// Paying by card and by PayPal through POST /payments, as the funding page does: the page learns first which gateways it
/// may offer (GET /gateways); a card payment is a PaymentIntent that Stripe's signed webhook completes; a PayPal payment is
/// an order the payer approves on PayPal, after which POST /payments/{id}/check captures it.
/// </summary>
public sealed class CardAndPayPalPaymentTests(CardAndPayPalApi api) : IClassFixture<CardAndPayPalApi>
{
    private const string Prefix = FinanceTestKit.Prefix;

    private async Task<(ApiClient Client, Guid SubscriptionId)> SubscribedAsync()
    {
        api.SetNairobi(new DateOnly(2026, 3, 11), 12);
        var (partnerId, client) = await api.PartnerAsync();
        var programId = await api.ActiveProgramAsync(partnerId, 1000m,
            [new TestChild("Amani", NairobiUtc(2026, 2, 1), NairobiUtc(2026, 3, 1)), new TestChild("Baraka", NairobiUtc(2026, 2, 1), NairobiUtc(2026, 3, 1))]);
        return (client, (await client.SubscribeAsync(programId)).Id());
    }

    [Fact]
    public async Task Configured_the_page_is_offered_every_gateway_with_what_it_needs()
    {
        var (client, _) = await SubscribedAsync();
        var choices = await client.GetJsonAsync<JsonElement>($"{Prefix}/gateways");
        var byName = choices.EnumerateArray().ToDictionary(c => c.Str("gateway"));
        Assert.Equal(["sandbox", "mpesa", "stripe", "paypal"], byName.Keys);
        Assert.True(byName["stripe"].GetProperty("available").GetBoolean());
        Assert.Equal(CardAndPayPalApi.PublishableKey, byName["stripe"].Str("clientKey"));
        Assert.Equal("KES", byName["stripe"].Str("chargeCurrency"));
        Assert.True(byName["paypal"].GetProperty("available").GetBoolean());
        Assert.Equal("USD", byName["paypal"].Str("chargeCurrency"));
        Assert.False(byName["mpesa"].GetProperty("available").GetBoolean());
        Assert.Contains("M-Pesa is not set up", byName["mpesa"].Str("reason"));
    }

    [Fact]
    public async Task A_card_payment_creates_the_intent_in_minor_units_and_Stripes_webhook_completes_it()
    {
        var (client, subscriptionId) = await SubscribedAsync();
        var response = await client.PayAsync(subscriptionId, Guid.NewGuid().ToString(), "stripe");
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var payment = await response.JsonAsync();
        Assert.Equal("pending", payment.Str("status"));
        var intentId = payment.Str("gatewayReference");
        Assert.Equal($"{intentId}_secret_fake", payment.Str("clientSecret")); // for the card form
        var intent = api.Stripe.Intents[intentId];
        var minor = (long)(payment.Dec("amount") * 100);
        Assert.Equal(minor, intent["amount"]!.GetValue<long>());
        Assert.Equal("kes", intent["currency"]!.GetValue<string>());

        var paid = StripeApi.Event($"evt_{Guid.NewGuid():N}", "payment_intent.succeeded", intentId, "succeeded", minor, minor, charge: "ch_fake1");
        using (var webhook = new HttpRequestMessage(HttpMethod.Post, "/api/v1/payments/stripe/webhook") { Content = new StringContent(paid, Encoding.UTF8, "application/json") })
        {
            webhook.Headers.TryAddWithoutValidation("Stripe-Signature",
                global::Stripe.EventUtility.GenerateSignatureHeader(paid, StripeApi.WebhookSecret, api.Time.GetUtcNow().ToUnixTimeSeconds()));
            Assert.Equal(HttpStatusCode.OK, (await api.CreateClient().SendAsync(webhook)).StatusCode);
        }

        var settled = await client.GetJsonAsync<JsonElement>($"{Prefix}/payments/{payment.Id()}");
        Assert.Equal("completed", settled.Str("status"));
        Assert.Equal("ch_fake1", settled.Str("receipt"));
        var receipt = await client.GetAsync($"{Prefix}/payments/{payment.Id()}/receipt");
        Assert.Equal(HttpStatusCode.OK, receipt.StatusCode);
        Assert.Equal(Encoding.ASCII.GetBytes("%PDF-"), (await receipt.Content.ReadAsByteArrayAsync())[..5]);
    }

    [Fact]
    public async Task A_PayPal_payment_sends_the_payer_to_approve_and_check_on_return_captures_it_in_USD()
    {
        var (client, subscriptionId) = await SubscribedAsync();
        var key = Guid.NewGuid().ToString();
        var response = await client.PayAsync(subscriptionId, key, "paypal");
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var payment = await response.JsonAsync();
        var orderId = payment.Str("gatewayReference");
        Assert.StartsWith("http", payment.Str("approvalUrl"));
        Assert.Equal("USD", payment.Str("chargedCurrency"));
        Assert.Equal(decimal.Round(payment.Dec("amount") / 129.50m, 2, MidpointRounding.AwayFromZero), payment.Dec("chargedAmount"));
        var created = Assert.Single(api.PayPal.Calls, c => c.Method == "POST" && c.Path == "/v2/checkout/orders" && c.RequestId == key);
        Assert.Equal("https://elimu.test/dashboard/partner/funding?paypal=return", created.Body?["application_context"]?["return_url"]?.GetValue<string>());

        // Before the payer approves, a check leaves it pending and captures nothing.
        var early = await (await client.PostAsync($"{Prefix}/payments/{payment.Id()}/check")).JsonAsync();
        Assert.Equal("pending", early.Str("status"));
        Assert.DoesNotContain(api.PayPal.Calls, c => c.Path.EndsWith($"{orderId}/capture", StringComparison.Ordinal));

        api.PayPal.Orders[orderId]["status"] = "APPROVED"; // the payer approved on PayPal's page and came back
        var back = await client.PostAsync($"{Prefix}/payments/{payment.Id()}/check");
        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
        var settled = await back.JsonAsync();
        Assert.Equal("completed", settled.Str("status"));
        Assert.Single(api.PayPal.Calls, c => c.Path.EndsWith($"{orderId}/capture", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_invoice_and_the_receipt_of_a_PayPal_payment_both_show_the_KES_total_and_the_USD_charged()
    {
        var (client, subscriptionId) = await SubscribedAsync();
        var payment = await (await client.PayAsync(subscriptionId, Guid.NewGuid().ToString(), "paypal")).JsonAsync();
        // Two children for March at KES 1,000 (the partner is not tax exempt: VAT 16%): KES 2,320.00; at KES 129.50 a dollar,
        // 2,320 / 129.5 = 17.915… → USD 17.92.
        Assert.Equal(2320.00m, payment.Dec("amount"));
        Assert.Equal(17.92m, payment.Dec("chargedAmount"));
        var invoicePdf = $"{Prefix}/invoices/{payment.Str("invoiceId")}/pdf";

        // Before the payer approves, the open invoice says what PayPal will take.
        var open = await PdfTextAsync(client, invoicePdf);
        Assert.Contains("KES 2,320.00", open);
        Assert.Contains("To be charged by PayPal", open);
        Assert.Contains("USD 17.92", open);

        api.PayPal.Orders[payment.Str("gatewayReference")]["status"] = "APPROVED";
        Assert.Equal("completed", (await (await client.PostAsync($"{Prefix}/payments/{payment.Id()}/check")).JsonAsync()).Str("status"));

        foreach (var text in new[] { await PdfTextAsync(client, invoicePdf), await PdfTextAsync(client, $"{Prefix}/payments/{payment.Id()}/receipt") })
        {
            Assert.Contains("KES 2,320.00", text);
            Assert.Contains("Charged by PayPal", text);
            Assert.Contains("USD 17.92", text);
            Assert.DoesNotContain("To be charged", text);
        }
    }

    private static async Task<string> PdfTextAsync(ApiClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        return string.Join("\n", document.GetPages().Select(p => p.Text));
    }
}

/// <summary>With the shipped settings (no keys) the page is told which gateways it cannot offer, and why, before any click.</summary>
public sealed class PaymentChoicesTests(FinanceApiFactory api) : IClassFixture<FinanceApiFactory>
{
    [Fact]
    public async Task Without_keys_only_the_sandbox_is_available_and_each_other_gateway_says_why()
    {
        var (_, client) = await api.PartnerAsync();
        var choices = (await client.GetJsonAsync<JsonElement>($"{FinanceTestKit.Prefix}/gateways")).EnumerateArray().ToDictionary(c => c.Str("gateway"));

        Assert.True(choices["sandbox"].GetProperty("available").GetBoolean());
        Assert.Equal(JsonValueKind.Null, choices["sandbox"].GetProperty("reason").ValueKind);
        foreach (var (name, words) in new[] { ("mpesa", "M-Pesa is not set up"), ("stripe", "Card payments are not set up"), ("paypal", "PayPal is not set up") })
        {
            Assert.False(choices[name].GetProperty("available").GetBoolean(), name);
            Assert.Contains(words, choices[name].Str("reason"));
            Assert.Equal(JsonValueKind.Null, choices[name].GetProperty("clientKey").ValueKind);
        }
    }
}
