using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Elimu.Api.Common;
using Elimu.Api.Partners.Finance;
using Elimu.Api.Payments;

namespace Elimu.Api.Tests.Payments.PayPal;

/// <summary>POST /api/v1/payments/paypal/webhook over HTTP: verified through PayPal first, then exactly what reaches finance.</summary>
public sealed class PayPalWebhookTests : IClassFixture<PayPalApi>, IDisposable
{
    private readonly PayPalApi _api;
    private readonly IPaymentGateway _paypal;

    public PayPalWebhookTests(PayPalApi api)
    {
        _api = api;
        _api.Reset();
        _paypal = api.Gateway(PaymentGateway.paypal);
    }

    public void Dispose() => Assert.Empty(_api.Fake.Violations);

    private async Task<string> ApprovedOrderAsync(string key)
    {
        var start = await _paypal.StartAsync(new(Guid.NewGuid(), key, "INV-2026-000042", new Money(10.00m, "USD"), "Elimu subscription"), CancellationToken.None);
        _api.Fake.Orders[start.GatewayReference]["status"] = "APPROVED";
        return start.GatewayReference;
    }

    private static JsonObject OrderResource(string orderId) => new() { ["id"] = orderId, ["intent"] = "CAPTURE", ["status"] = "APPROVED" };

    private int Captures => _api.Fake.Calls.Count(c => c.Path.EndsWith("/capture", StringComparison.Ordinal));

    [Fact]
    public async Task An_approved_order_is_verified_captured_and_applied()
    {
        var order = await ApprovedOrderAsync("wh-approve");
        var raw = PayPalApi.Event("WH-APPROVE-1", "CHECKOUT.ORDER.APPROVED", OrderResource(order));

        var response = await _api.PostWebhookAsync(raw);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var verification = Assert.Single(_api.Fake.Verifications);
        Assert.Equal(raw[raw.IndexOf('{')..], verification.RawEvent); // byte for byte, as PayPal sent it
        Assert.Equal(FakePayPal.WebhookId, verification.Fields["webhook_id"]!.GetValue<string>());
        Assert.Equal("69cd13f0-d67a-11e5-baa3-778b53f4ae55", verification.Fields["transmission_id"]!.GetValue<string>());
        Assert.Equal("2026-03-02T09:00:01Z", verification.Fields["transmission_time"]!.GetValue<string>());
        Assert.Equal("SHA256withRSA", verification.Fields["auth_algo"]!.GetValue<string>());
        Assert.StartsWith("https://api.sandbox.paypal.com/v1/notifications/certs/", verification.Fields["cert_url"]!.GetValue<string>());
        Assert.Equal(1, Captures);
        var capture = _api.Fake.Orders[order]["purchase_units"]![0]!["payments"]!["captures"]![0]!["id"]!.GetValue<string>();
        Assert.Equal(new GatewayResult(PaymentGateway.paypal, order, GatewayState.Completed, new Money(10.00m, "USD"), capture), Assert.Single(_api.Results.Applied));
    }

    [Fact]
    public async Task Capture_completed_and_denied_events_are_applied_as_PayPal_reports_them()
    {
        var completed = await _api.PostWebhookAsync(PayPalApi.Event("WH-CAP-1", "PAYMENT.CAPTURE.COMPLETED", PayPalApi.CaptureResource("3C111", "COMPLETED", "5O111", "10.00")));
        var denied = await _api.PostWebhookAsync(PayPalApi.Event("WH-CAP-2", "PAYMENT.CAPTURE.DENIED", PayPalApi.CaptureResource("3C222", "DECLINED", "5O222", "10.00")));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (completed.StatusCode, denied.StatusCode));
        Assert.Equal(
            [new(PaymentGateway.paypal, "5O111", GatewayState.Completed, new Money(10.00m, "USD"), "3C111"),
             new(PaymentGateway.paypal, "5O222", GatewayState.Failed, Code: "DECLINED", Message: "PayPal declined the payment.")],
            _api.Results.Applied.ToArray());
        Assert.Equal(0, Captures);
    }

    [Fact]
    public async Task Duplicated_events_are_acknowledged_and_applied_once_and_capture_once()
    {
        var order = await ApprovedOrderAsync("wh-dup");
        var approved = PayPalApi.Event("WH-DUP-1", "CHECKOUT.ORDER.APPROVED", OrderResource(order));

        var answers = new[] { await _api.PostWebhookAsync(approved), await _api.PostWebhookAsync(approved) };
        // The same approval under another event id (PayPal resends, or a second subscription): captured once at PayPal.
        answers = [.. answers, await _api.PostWebhookAsync(PayPalApi.Event("WH-DUP-2", "CHECKOUT.ORDER.APPROVED", OrderResource(order)))];

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.Equal(1, Captures);
        // WH-DUP-2 hands the same completed result over again; finance answers AlreadyApplied to it.
        Assert.Equal(2, _api.Results.Applied.Count);
        Assert.Single(_api.Results.Applied.Distinct());
    }

    [Fact]
    public async Task An_event_PayPal_does_not_verify_is_400_and_nothing_is_captured_or_applied()
    {
        var order = await ApprovedOrderAsync("wh-forged");

        var forged = await _api.PostWebhookAsync(PayPalApi.Event("WH-FORGED", "CHECKOUT.ORDER.APPROVED", OrderResource(order)), signature: "forged");
        var capture = await _api.PostWebhookAsync(PayPalApi.Event("WH-FORGED-2", "PAYMENT.CAPTURE.COMPLETED", PayPalApi.CaptureResource("3C9", "COMPLETED", order, "10.00")), signature: "forged");
        var bare = await _api.PostWebhookAsync(PayPalApi.Event("WH-BARE", "PAYMENT.CAPTURE.COMPLETED", PayPalApi.CaptureResource("3C9", "COMPLETED", order, "10.00")), withHeaders: false);

        foreach (var response in new[] { forged, capture, bare })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("invalid_signature", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetString());
        }
        Assert.Equal(2, _api.Fake.Verifications.Count); // the one without headers never reached PayPal
        Assert.Equal(0, Captures);
        Assert.Empty(_api.Results.Applied);
    }

    [Fact]
    public async Task A_wrong_amount_or_currency_is_passed_to_finance_as_PayPal_sent_it()
    {
        var order = await ApprovedOrderAsync("wh-amount");
        _api.Fake.CapturedValues[order] = "0.01";

        await _api.PostWebhookAsync(PayPalApi.Event("WH-AMT-1", "CHECKOUT.ORDER.APPROVED", OrderResource(order)));
        await _api.PostWebhookAsync(PayPalApi.Event("WH-AMT-2", "PAYMENT.CAPTURE.COMPLETED", PayPalApi.CaptureResource("3C333", "COMPLETED", "5O333", "10.00", "EUR")));

        var applied = _api.Results.Applied.ToArray();
        Assert.Equal(2, applied.Length);
        Assert.Equal(new Money(0.01m, "USD"), applied[0].Amount);
        Assert.Equal(new GatewayResult(PaymentGateway.paypal, "5O333", GatewayState.Completed, new Money(10.00m, "EUR"), "3C333"), applied[1]);
    }

    [Fact]
    public async Task A_verified_event_without_an_order_is_acknowledged_and_changes_nothing()
    {
        var bare = await _api.PostWebhookAsync("""{"id":"WH-NO-RES","event_type":"CHECKOUT.ORDER.APPROVED"}""");
        var orderless = await _api.PostWebhookAsync(PayPalApi.Event("WH-NO-ORDER", "PAYMENT.CAPTURE.COMPLETED", new JsonObject { ["id"] = "3C5", ["status"] = "COMPLETED" }));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (bare.StatusCode, orderless.StatusCode));
        Assert.Empty(_api.Results.Applied);
    }

    [Fact]
    public async Task Other_events_are_acknowledged_and_ignored_after_verification()
    {
        var response = await _api.PostWebhookAsync(PayPalApi.Event("WH-OTHER", "PAYMENT.CAPTURE.REFUNDED", PayPalApi.CaptureResource("3C444", "REFUNDED", "5O444", "10.00")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(_api.Fake.Verifications);
        Assert.Empty(_api.Results.Applied);
    }
}
