using System.Net;
using System.Text.Json;
using Elimu.Api.Common;
using Elimu.Api.Partners.Finance;
using Elimu.Api.Payments;

namespace Elimu.Api.Tests.Payments.Stripe;

/// <summary>POST /api/v1/payments/stripe/webhook over HTTP: what each delivery hands to finance, exactly.</summary>
public sealed class StripeWebhookTests : IClassFixture<StripeApi>
{
    private readonly StripeApi _api;

    public StripeWebhookTests(StripeApi api)
    {
        _api = api;
        _api.Reset();
    }

    private static async Task<string?> CodeOf(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetString();

    [Fact]
    public async Task A_signed_succeeded_event_applies_the_amount_and_charge_Stripe_reports()
    {
        var payload = StripeApi.Event("evt_ok_1", "payment_intent.succeeded", "pi_ok_1", "succeeded", 123450, 123450, charge: "ch_ok_1");

        var response = await _api.PostWebhookAsync(payload);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(new GatewayResult(PaymentGateway.stripe, "pi_ok_1", GatewayState.Completed, new Money(1234.50m, "KES"), "ch_ok_1"),
            Assert.Single(_api.Results.Applied));
    }

    [Fact]
    public async Task A_payment_failed_event_applies_a_failure_with_the_decline_code()
    {
        var payload = StripeApi.Event("evt_fail_1", "payment_intent.payment_failed", "pi_fail_1", "requires_payment_method", 123450, 0, declineCode: "insufficient_funds");

        var response = await _api.PostWebhookAsync(payload);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(new GatewayResult(PaymentGateway.stripe, "pi_fail_1", GatewayState.Failed, Code: "insufficient_funds", Message: "Your card has insufficient funds."),
            Assert.Single(_api.Results.Applied));
    }

    [Fact]
    public async Task A_duplicated_event_is_acknowledged_and_applied_once()
    {
        var payload = StripeApi.Event("evt_dup_1", "payment_intent.succeeded", "pi_dup_1", "succeeded", 5000, 5000, charge: "ch_dup_1");

        var first = await _api.PostWebhookAsync(payload);
        _api.Time.Advance(TimeSpan.FromSeconds(30)); // Stripe re-signs each delivery
        var second = await _api.PostWebhookAsync(payload);
        var replayed = await _api.PostWebhookAsync(payload, signedAt: _api.Time.GetUtcNow() - TimeSpan.FromSeconds(30)); // the first request again

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK], new[] { first.StatusCode, second.StatusCode, replayed.StatusCode });
        Assert.Single(_api.Results.Applied);
    }

    [Fact]
    public async Task A_forged_or_missing_signature_is_400_and_applies_nothing()
    {
        var payload = StripeApi.Event("evt_forged", "payment_intent.succeeded", "pi_forged", "succeeded", 5000, 5000, charge: "ch_forged");

        var forged = await _api.PostWebhookAsync(payload, secret: "whsec_somebodyElse");
        var missing = await _api.PostWebhookAsync(payload, header: "");
        var unsignedScheme = await _api.PostWebhookAsync(payload, header: $"t={_api.Time.GetUtcNow().ToUnixTimeSeconds()},v0=abc");
        // Signed, then the body changed: the amount doubled.
        var header = global::Stripe.EventUtility.GenerateSignatureHeader(payload, StripeApi.WebhookSecret, _api.Time.GetUtcNow().ToUnixTimeSeconds());
        var tampered = await _api.PostWebhookAsync(payload.Replace("5000", "10000"), header: header);

        var mangled = await _api.PostWebhookAsync(payload, header: "t=yesterday,v1=zz");

        foreach (var response in new[] { forged, missing, unsignedScheme, tampered, mangled })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("invalid_signature", await CodeOf(response));
        }
        Assert.Empty(_api.Results.Applied);
    }

    [Fact]
    public async Task Any_v1_signature_that_matches_is_enough()
    {
        var payload = StripeApi.Event("evt_roll", "payment_intent.succeeded", "pi_roll", "succeeded", 5000, 5000, charge: "ch_roll");
        var t = _api.Time.GetUtcNow().ToUnixTimeSeconds();
        var good = global::Stripe.EventUtility.ComputeSignature(StripeApi.WebhookSecret, t.ToString(), payload);

        var response = await _api.PostWebhookAsync(payload, header: $"t={t},v1={new string('0', 64)},v1={good}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(_api.Results.Applied);
    }

    [Fact]
    public async Task A_replay_outside_five_minutes_of_the_hosts_clock_is_400()
    {
        var payload = StripeApi.Event("evt_old", "payment_intent.succeeded", "pi_old", "succeeded", 5000, 5000, charge: "ch_old");
        var now = _api.Time.GetUtcNow();

        var old = await _api.PostWebhookAsync(payload, signedAt: now - TimeSpan.FromSeconds(301));
        var future = await _api.PostWebhookAsync(payload, signedAt: now + TimeSpan.FromSeconds(301));
        // The real clock is months away from the host's: a timestamp from it would fail if the host read the system clock.
        var edge = await _api.PostWebhookAsync(payload, signedAt: now - TimeSpan.FromSeconds(299));

        Assert.Equal(HttpStatusCode.BadRequest, old.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
        Assert.Equal(HttpStatusCode.OK, edge.StatusCode);
        Assert.Single(_api.Results.Applied);
    }

    [Fact]
    public async Task A_wrong_amount_or_currency_is_passed_to_finance_as_Stripe_sent_it()
    {
        await _api.PostWebhookAsync(StripeApi.Event("evt_amt", "payment_intent.succeeded", "pi_amt", "succeeded", 123450, 100, charge: "ch_amt"));
        await _api.PostWebhookAsync(StripeApi.Event("evt_cur", "payment_intent.succeeded", "pi_cur", "succeeded", 123450, 123450, currency: "usd", charge: "ch_cur"));

        Assert.Equal(
            [new(PaymentGateway.stripe, "pi_amt", GatewayState.Completed, new Money(1.00m, "KES"), "ch_amt"),
             new(PaymentGateway.stripe, "pi_cur", GatewayState.Completed, new Money(1234.50m, "USD"), "ch_cur")],
            _api.Results.Applied.ToArray());
    }

    [Fact]
    public async Task Other_events_are_acknowledged_and_ignored()
    {
        var response = await _api.PostWebhookAsync(StripeApi.Event("evt_created", "payment_intent.created", "pi_new", "requires_payment_method", 5000, 0));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(_api.Results.Applied);
    }

    [Fact]
    public async Task Only_the_webhook_path_is_exempt_from_antiforgery_under_payments()
    {
        // Before, everything under /api/v1/payments skipped the token check; a route added there later would have too.
        var response = await _api.CreateClient().PostAsync("/api/v1/payments/stripe/other", new StringContent("{}"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("antiforgery_failed", await CodeOf(response));
    }
}
