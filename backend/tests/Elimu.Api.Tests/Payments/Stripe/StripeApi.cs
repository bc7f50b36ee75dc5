using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Elimu.Api.Partners.Finance;

namespace Elimu.Api.Tests.Payments.Stripe;

/// <summary>The API with the Stripe gateway pointed at a <see cref="FakeStripe"/>; signs webhook events as Stripe does.</summary>
public sealed class StripeApi : GatewayApiFactory
{
    public const string WebhookSecret = "whsec_elimuTestSecret0123456789";
    public FakeStripe Fake { get; private set; } = null!;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Payments:Stripe:BaseUrl"] = Fake.BaseUrl,
        ["Payments:Stripe:SecretKey"] = FakeStripe.SecretKey,
        ["Payments:Stripe:WebhookSecret"] = WebhookSecret,
    };

    public override async Task InitializeAsync()
    {
        Fake = await FakeStripe.StartNewAsync();
        await base.InitializeAsync();
    }

    public void Reset()
    {
        Fake.Reset();
        Results.Applied.Clear();
    }

    /// <summary>Posts <paramref name="payload"/> to the webhook as Stripe would: no session, no antiforgery token, signed at
    /// <paramref name="signedAt"/> (the host's clock by default) with <paramref name="secret"/>.</summary>
    public async Task<HttpResponseMessage> PostWebhookAsync(string payload, DateTimeOffset? signedAt = null, string secret = WebhookSecret, string? header = null)
    {
        var timestamp = (signedAt ?? Time.GetUtcNow()).ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/payments/stripe/webhook")
        {
            Content = new StringContent(payload, Encoding.UTF8, new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" }),
        };
        request.Headers.TryAddWithoutValidation("Stripe-Signature", header ?? global::Stripe.EventUtility.GenerateSignatureHeader(payload, secret, timestamp));
        return await CreateClient().SendAsync(request);
    }

    /// <summary>A webhook event around a PaymentIntent, shaped as Stripe sends it.</summary>
    public static string Event(string id, string type, string intentId, string status, long amount, long amountReceived,
        string currency = "kes", string? charge = null, string? declineCode = null) => new JsonObject
    {
        ["id"] = id, ["object"] = "event", ["api_version"] = "2025-09-30.clover", ["created"] = Start.ToUnixTimeSeconds(),
        ["livemode"] = false, ["pending_webhooks"] = 1, ["type"] = type,
        ["request"] = new JsonObject { ["id"] = "req_fake", ["idempotency_key"] = "key" },
        ["data"] = new JsonObject
        {
            ["object"] = new JsonObject
            {
                ["id"] = intentId, ["object"] = "payment_intent", ["amount"] = amount, ["amount_received"] = amountReceived,
                ["currency"] = currency, ["status"] = status, ["latest_charge"] = charge, ["livemode"] = false,
                ["last_payment_error"] = declineCode is null ? null : new JsonObject
                {
                    ["type"] = "card_error", ["code"] = "card_declined", ["decline_code"] = declineCode, ["message"] = "Your card has insufficient funds.",
                },
            },
        },
    }.ToJsonString();

    public PaymentGateway Which => PaymentGateway.stripe;
}
