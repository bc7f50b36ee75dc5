using System.Text.Json.Nodes;
using Elimu.Api.Common;
using Elimu.Api.Partners.Finance;
using Elimu.Api.Payments;

namespace Elimu.Api.Tests.Payments.Stripe;

/// <summary>The Stripe adapter against a fake Stripe: PaymentIntents in minor units with our idempotency key, Stripe's error forms, and queries.</summary>
public sealed class StripeGatewayTests : IClassFixture<StripeApi>, IDisposable
{
    private readonly StripeApi _api;
    private readonly IPaymentGateway _stripe;

    public StripeGatewayTests(StripeApi api)
    {
        _api = api;
        _api.Reset();
        _stripe = api.Gateway(PaymentGateway.stripe);
    }

    public void Dispose() => Assert.Empty(_api.Fake.Violations);

    private static GatewayCharge Charge(string key, decimal kes = 1234.50m) =>
        new(Guid.Parse("6f9a2a0e-0d0b-4a8f-9a51-2f7f5b1d0c11"), key, "INV-2026-000042", new Money(kes, "KES"), "Elimu subscription");

    [Fact]
    public async Task Start_creates_a_PaymentIntent_in_minor_units_with_our_idempotency_key()
    {
        Assert.True(_stripe.IsConfigured);
        Assert.Equal(new Money(1234.50m, "KES"), _stripe.ChargeFor(new Money(1234.50m, "KES")));

        var start = await _stripe.StartAsync(Charge("pay-key-1"), CancellationToken.None);

        var call = Assert.Single(_api.Fake.Calls);
        Assert.Equal("/v1/payment_intents", call.Path);
        Assert.Equal("pay-key-1", call.IdempotencyKey);
        Assert.Equal("123450", call.Form["amount"]);
        Assert.Equal("kes", call.Form["currency"]);
        Assert.Equal("INV-2026-000042", call.Form["metadata[invoice_number]"]);
        Assert.Equal("6f9a2a0e-0d0b-4a8f-9a51-2f7f5b1d0c11", call.Form["metadata[payment_id]"]);
        var intent = Assert.Single(_api.Fake.Intents.Values);
        Assert.Equal(new GatewayStart(GatewayState.Pending, intent["id"]!.GetValue<string>(), ClientSecret: intent["client_secret"]!.GetValue<string>()), start);
    }

    [Fact]
    public async Task The_same_idempotency_key_gets_the_first_intent_back_and_Stripe_charges_once()
    {
        var first = await _stripe.StartAsync(Charge("pay-key-2"), CancellationToken.None);
        var again = await _stripe.StartAsync(Charge("pay-key-2"), CancellationToken.None);

        Assert.Equal(first, again);
        Assert.Single(_api.Fake.Intents);
        Assert.All(_api.Fake.Calls, c => Assert.Equal("pay-key-2", c.IdempotencyKey));
    }

    [Fact]
    public async Task A_conflict_Stripe_asks_to_retry_is_retried_with_the_same_key()
    {
        _api.Fake.NextCreateErrors.Enqueue((409, "idempotency_error", "idempotency_key_in_use",
            "There is currently another in-progress request using this Stripe-Idempotency-Key.", true));

        var start = await _stripe.StartAsync(Charge("pay-key-3"), CancellationToken.None);

        Assert.Equal(2, _api.Fake.Calls.Count);
        Assert.All(_api.Fake.Calls, c => Assert.Equal("pay-key-3", c.IdempotencyKey));
        Assert.Equal(Assert.Single(_api.Fake.Intents.Keys), start.GatewayReference);
    }

    [Theory]
    [InlineData(400, "invalid_request_error", "amount_too_small", "Amount must be at least KES 50.00")]
    [InlineData(500, "api_error", "", "An unknown error occurred")]
    public async Task Stripe_refusing_the_request_is_GatewayUnavailable_with_Stripes_message(int status, string type, string code, string message)
    {
        _api.Fake.NextCreateErrors.Enqueue((status, type, code, message, false));

        var error = await Assert.ThrowsAsync<GatewayUnavailableException>(() => _stripe.StartAsync(Charge($"pay-key-{status}"), CancellationToken.None));

        Assert.Equal(PaymentGateway.stripe, error.Gateway);
        Assert.Contains(message, error.Message);
        Assert.Single(_api.Fake.Calls); // Stripe said not to retry
        Assert.Empty(_api.Fake.Intents);
    }

    [Fact]
    public async Task Query_reads_the_intent_succeeded_failed_canceled_or_still_open()
    {
        var start = await _stripe.StartAsync(Charge("pay-key-q"), CancellationToken.None);
        var id = start.GatewayReference;
        var intent = _api.Fake.Intents[id];

        Assert.Equal(new GatewayResult(PaymentGateway.stripe, id, GatewayState.Pending), await _stripe.QueryAsync(id, CancellationToken.None));

        intent["status"] = "processing";
        Assert.Equal(GatewayState.Pending, (await _stripe.QueryAsync(id, CancellationToken.None)).State);

        intent["status"] = "requires_payment_method";
        intent["last_payment_error"] = new JsonObject { ["type"] = "card_error", ["code"] = "card_declined", ["decline_code"] = "insufficient_funds", ["message"] = "Your card has insufficient funds." };
        Assert.Equal(new GatewayResult(PaymentGateway.stripe, id, GatewayState.Failed, Code: "insufficient_funds", Message: "Your card has insufficient funds."),
            await _stripe.QueryAsync(id, CancellationToken.None));

        intent["status"] = "canceled";
        intent["cancellation_reason"] = "abandoned";
        Assert.Equal(GatewayState.Failed, (await _stripe.QueryAsync(id, CancellationToken.None)).State);

        intent["status"] = "succeeded";
        intent["amount_received"] = 123450;
        intent["latest_charge"] = "ch_3Fake";
        intent["last_payment_error"] = null;
        Assert.Equal(new GatewayResult(PaymentGateway.stripe, id, GatewayState.Completed, new Money(1234.50m, "KES"), "ch_3Fake"),
            await _stripe.QueryAsync(id, CancellationToken.None));
    }

    [Fact]
    public async Task Query_of_an_intent_Stripe_does_not_know_is_GatewayUnavailable()
    {
        var error = await Assert.ThrowsAsync<GatewayUnavailableException>(() => _stripe.QueryAsync("pi_unknown", CancellationToken.None));
        Assert.Contains("No such payment_intent", error.Message);
    }

    [Fact]
    public void Another_charge_currency_converts_at_the_configured_rate_rounded_to_the_cent()
    {
        Assert.Equal(new Money(10.00m, "USD"), CurrencyConversion.Convert(new Money(1295m, "KES"), "usd", 129.50m, PaymentGateway.stripe));
        Assert.Equal(new Money(7.72m, "USD"), CurrencyConversion.Convert(new Money(1000m, "KES"), "usd", 129.50m, PaymentGateway.stripe));
        // 1000.65 / 129.50 = 7.72703…: to the nearest cent.
        Assert.Equal(new Money(7.73m, "USD"), CurrencyConversion.Convert(new Money(1000.65m, "KES"), "usd", 129.50m, PaymentGateway.stripe));
        Assert.Throws<GatewayUnavailableException>(() => CurrencyConversion.Convert(new Money(1000m, "KES"), "usd", null, PaymentGateway.stripe));
    }
}
