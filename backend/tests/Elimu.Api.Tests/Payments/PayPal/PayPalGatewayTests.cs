using Elimu.Api.Common;
using Elimu.Api.Partners.Finance;
using Elimu.Api.Payments;

namespace Elimu.Api.Tests.Payments.PayPal;

/// <summary>The PayPal adapter against a fake PayPal: OAuth token reuse and refresh, orders in USD, capture, PayPal's error forms.</summary>
public sealed class PayPalGatewayTests : IClassFixture<PayPalApi>, IDisposable
{
    private readonly PayPalApi _api;
    private readonly IPaymentGateway _paypal;

    public PayPalGatewayTests(PayPalApi api)
    {
        _api = api;
        _api.Reset();
        _paypal = api.Gateway(PaymentGateway.paypal);
    }

    public void Dispose() => Assert.Empty(_api.Fake.Violations);

    private static readonly Guid PaymentId = Guid.Parse("0b7f3c52-1d7e-4d59-9c4e-5d1e0e0f2a77");

    private GatewayCharge Charge(string key, decimal kes = 1295m) =>
        new(PaymentId, key, "INV-2026-000042", _paypal.ChargeFor(new Money(kes, "KES")), "Elimu subscription");

    private async Task<string> ApprovedOrderAsync(string key)
    {
        var start = await _paypal.StartAsync(Charge(key), CancellationToken.None);
        _api.Fake.Orders[start.GatewayReference]["status"] = "APPROVED"; // the payer approved on PayPal's page
        return start.GatewayReference;
    }

    [Fact]
    public void KES_is_charged_in_USD_at_the_configured_rate_rounded_to_the_cent()
    {
        Assert.Equal(new Money(10.00m, "USD"), _paypal.ChargeFor(new Money(1295m, "KES")));
        Assert.Equal(new Money(7.72m, "USD"), _paypal.ChargeFor(new Money(1000m, "KES")));
        Assert.Equal(new Money(7.73m, "USD"), _paypal.ChargeFor(new Money(1000.65m, "KES")));
    }

    [Fact]
    public async Task Start_creates_a_CAPTURE_order_in_USD_with_our_request_id_and_returns_the_approve_link()
    {
        var start = await _paypal.StartAsync(Charge("pp-key-1"), CancellationToken.None);

        var calls = _api.Fake.Calls.ToArray();
        Assert.Equal(["/v1/oauth2/token", "/v2/checkout/orders"], calls.Select(c => c.Path)); // Reset expired the cached token
        var create = calls[1];
        Assert.Equal("pp-key-1", create.RequestId);
        var unit = create.Body!["purchase_units"]![0]!;
        Assert.Equal(PaymentId.ToString(), unit["reference_id"]!.GetValue<string>());
        Assert.Equal("INV-2026-000042", unit["custom_id"]!.GetValue<string>());
        Assert.Equal("""{"currency_code":"USD","value":"10.00"}""", unit["amount"]!.ToJsonString());
        Assert.Equal("https://localhost/partner/funding?paypal=approved", create.Body["application_context"]!["return_url"]!.GetValue<string>());

        Assert.Equal(GatewayState.Pending, start.State);
        Assert.Equal(Assert.Single(_api.Fake.Orders.Keys), start.GatewayReference);
        Assert.Equal($"https://www.sandbox.paypal.com/checkoutnow?token={start.GatewayReference}", start.ApprovalUrl);
    }

    [Fact]
    public async Task The_same_request_id_gets_the_first_order_back()
    {
        var first = await _paypal.StartAsync(Charge("pp-key-2"), CancellationToken.None);
        var again = await _paypal.StartAsync(Charge("pp-key-2"), CancellationToken.None);

        Assert.Equal(first, again);
        Assert.Single(_api.Fake.Orders);
    }

    [Fact]
    public async Task The_token_is_reused_until_it_expires_and_fetched_again_once_on_401()
    {
        _api.Fake.ExpiresIn = 600; // the first token of this test (Reset expired the one before)
        await _paypal.StartAsync(Charge("pp-tok-1"), CancellationToken.None);
        await _paypal.StartAsync(Charge("pp-tok-2"), CancellationToken.None);
        var issued = _api.Fake.TokensIssued;
        Assert.Equal(1, _api.Fake.Calls.Count(c => c.Path == "/v1/oauth2/token"));

        _api.Time.Advance(TimeSpan.FromSeconds(600));
        await _paypal.StartAsync(Charge("pp-tok-3"), CancellationToken.None);
        Assert.Equal(2, _api.Fake.Calls.Count(c => c.Path == "/v1/oauth2/token"));

        // PayPal drops the token early: one 401, a new token, the same request again.
        _api.Fake.RevokeTokens();
        var start = await _paypal.StartAsync(Charge("pp-tok-4"), CancellationToken.None);
        Assert.Equal(3, _api.Fake.Calls.Count(c => c.Path == "/v1/oauth2/token"));
        Assert.Equal(2, _api.Fake.Calls.Count(c => c.RequestId == "pp-tok-4"));
        Assert.True(_api.Fake.Orders.ContainsKey(start.GatewayReference));
        Assert.Equal(issued + 2, _api.Fake.TokensIssued);
    }

    [Fact]
    public async Task A_server_error_is_GatewayUnavailable()
    {
        _api.Fake.FailNextOrderCall = true;
        var error = await Assert.ThrowsAsync<GatewayUnavailableException>(() => _paypal.StartAsync(Charge("pp-500"), CancellationToken.None));
        Assert.Contains("INTERNAL_SERVICE_ERROR", error.Message);
        Assert.Contains("90957fca61718", error.Message); // PayPal's debug_id, for their support
    }

    [Fact]
    public async Task Query_captures_an_approved_order_once_and_reports_the_capture()
    {
        var order = await ApprovedOrderAsync("pp-cap-1");

        var result = await _paypal.QueryAsync(order, CancellationToken.None);
        var capture = _api.Fake.Orders[order]["purchase_units"]![0]!["payments"]!["captures"]![0]!;
        Assert.Equal(new GatewayResult(PaymentGateway.paypal, order, GatewayState.Completed, new Money(10.00m, "USD"), capture["id"]!.GetValue<string>()), result);
        var captureCall = Assert.Single(_api.Fake.Calls, c => c.Path.EndsWith("/capture", StringComparison.Ordinal));
        Assert.Equal($"capture-{order}", captureCall.RequestId);

        // Asked again (reconciliation, a repeated webhook): the order is COMPLETED, nothing is captured twice.
        Assert.Equal(result, await _paypal.QueryAsync(order, CancellationToken.None));
        Assert.Single(_api.Fake.Calls, c => c.Path.EndsWith("/capture", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_declined_or_pending_capture_is_failed_or_pending()
    {
        var declined = await ApprovedOrderAsync("pp-dec");
        _api.Fake.CaptureOutcomes[declined] = "DECLINED";
        var pending = await ApprovedOrderAsync("pp-pen");
        _api.Fake.CaptureOutcomes[pending] = "PENDING";

        Assert.Equal(new GatewayResult(PaymentGateway.paypal, declined, GatewayState.Failed, Code: "DECLINED_BY_RISK_FRAUD_FILTERS", Message: "PayPal declined the payment."),
            await _paypal.QueryAsync(declined, CancellationToken.None));
        Assert.Equal(new GatewayResult(PaymentGateway.paypal, pending, GatewayState.Pending, Code: "PENDING_REVIEW"),
            await _paypal.QueryAsync(pending, CancellationToken.None));
    }

    [Fact]
    public async Task A_422_that_is_the_payers_fails_the_payment_with_the_issue_and_any_other_is_GatewayUnavailable()
    {
        var payer = await ApprovedOrderAsync("pp-422-a");
        _api.Fake.CaptureOutcomes[payer] = "INSTRUMENT_DECLINED";
        var ours = await ApprovedOrderAsync("pp-422-b");
        _api.Fake.CaptureOutcomes[ours] = "PAYEE_ACCOUNT_RESTRICTED";

        var failed = await _paypal.QueryAsync(payer, CancellationToken.None);
        Assert.Equal((GatewayState.Failed, "INSTRUMENT_DECLINED"), (failed.State, failed.Code));
        var error = await Assert.ThrowsAsync<GatewayUnavailableException>(() => _paypal.QueryAsync(ours, CancellationToken.None));
        Assert.Contains("PAYEE_ACCOUNT_RESTRICTED", error.Message);
    }

    [Fact]
    public async Task Unapproved_orders_are_pending_and_unknown_ones_GatewayUnavailable()
    {
        var start = await _paypal.StartAsync(Charge("pp-new"), CancellationToken.None);

        Assert.Equal(new GatewayResult(PaymentGateway.paypal, start.GatewayReference, GatewayState.Pending), await _paypal.QueryAsync(start.GatewayReference, CancellationToken.None));
        Assert.DoesNotContain(_api.Fake.Calls, c => c.Path.EndsWith("/capture", StringComparison.Ordinal));
        var error = await Assert.ThrowsAsync<GatewayUnavailableException>(() => _paypal.QueryAsync("5O000000000000000", CancellationToken.None));
        Assert.Contains("RESOURCE_NOT_FOUND", error.Message);
    }
}
