using System.Text;
using System.Text.Json.Nodes;

namespace Elimu.Api.Tests.Payments.PayPal;

/// <summary>The API with the PayPal gateway pointed at a <see cref="FakePayPal"/> (USD at 129.50 KES).</summary>
public sealed class PayPalApi : GatewayApiFactory
{
    public FakePayPal Fake { get; private set; } = null!;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Payments:PayPal:BaseUrl"] = Fake.BaseUrl,
        ["Payments:PayPal:ClientId"] = FakePayPal.ClientId,
        ["Payments:PayPal:ClientSecret"] = FakePayPal.ClientSecret,
        ["Payments:PayPal:WebhookId"] = FakePayPal.WebhookId,
        ["Payments:PayPal:KesPerUsd"] = "129.50",
        ["Payments:PayPal:ReturnUrl"] = "https://localhost/partner/funding?paypal=approved",
        ["Payments:PayPal:CancelUrl"] = "https://localhost/partner/funding?paypal=cancelled",
    };

    public override async Task InitializeAsync()
    {
        Fake = await FakePayPal.StartNewAsync();
        await base.InitializeAsync();
    }

    public void Reset()
    {
        Fake.Reset();
        Results.Applied.Clear();
        Time.Advance(TimeSpan.FromDays(1)); // the gateway's cached token expires: each test starts with a token request
    }

    public async Task<HttpResponseMessage> PostWebhookAsync(string rawEvent, string signature = FakePayPal.GoodSignature, bool withHeaders = true)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/payments/paypal/webhook")
        {
            Content = new StringContent(rawEvent, Encoding.UTF8, "application/json"),
        };
        if (withHeaders)
        {
            request.Headers.Add("PAYPAL-TRANSMISSION-ID", "69cd13f0-d67a-11e5-baa3-778b53f4ae55");
            request.Headers.Add("PAYPAL-TRANSMISSION-TIME", "2026-03-02T09:00:01Z");
            request.Headers.Add("PAYPAL-TRANSMISSION-SIG", signature);
            request.Headers.Add("PAYPAL-CERT-URL", "https://api.sandbox.paypal.com/v1/notifications/certs/CERT-360caa42-fca2a594-1d93a270");
            request.Headers.Add("PAYPAL-AUTH-ALGO", "SHA256withRSA");
        }
        return await CreateClient().SendAsync(request);
    }

    /// <summary>An event as PayPal posts it (formatted with spaces and a key order of its own, which must reach verification untouched).</summary>
    public static string Event(string id, string type, JsonObject resource) =>
        "{\n  \"id\": \"" + id + "\",\n  \"create_time\": \"2026-03-02T09:00:00.000Z\",  \"resource_type\": \"" +
        (type.StartsWith("CHECKOUT", StringComparison.Ordinal) ? "checkout-order" : "capture") + "\",\n  \"event_version\": \"1.0\",\n  \"event_type\": \"" + type +
        "\",\n  \"summary\": \"Payment event\",\n  \"resource\": " + resource.ToJsonString() + "\n}";

    public static JsonObject CaptureResource(string captureId, string status, string orderId, string value, string currency = "USD") => new()
    {
        ["id"] = captureId, ["status"] = status, ["amount"] = new JsonObject { ["currency_code"] = currency, ["value"] = value },
        ["final_capture"] = true, ["custom_id"] = "INV-2026-000042",
        ["supplementary_data"] = new JsonObject { ["related_ids"] = new JsonObject { ["order_id"] = orderId } },
    };
}
