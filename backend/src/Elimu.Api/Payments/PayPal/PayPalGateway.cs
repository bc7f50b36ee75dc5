using System.Net;
using Elimu.Api.Common;
using Elimu.Api.Partners.Finance;
using Microsoft.Extensions.Options;

namespace Elimu.Api.Payments.PayPal;

/// <summary>
/// PayPal Orders v2: an order in USD (PayPal takes no KES) that the payer approves on PayPal's page; an approved order
/// is captured here, from the webhook or from a query, and the capture says whether money moved.
/// </summary>
internal sealed class PayPalGateway(PayPalClient paypal, IOptions<PayPalOptions> options, ILogger<PayPalGateway> log) : IPaymentGateway
{
    // 422 issues that are the payer's (their instrument or account), not ours: the payment fails, the service is fine.
    private static readonly HashSet<string> PayerIssues =
    [
        "INSTRUMENT_DECLINED", "PAYER_CANNOT_PAY", "PAYER_ACCOUNT_RESTRICTED", "PAYER_ACCOUNT_LOCKED_OR_CLOSED",
        "TRANSACTION_REFUSED", "MAX_NUMBER_OF_PAYMENT_ATTEMPTS_EXCEEDED", "REDIRECT_PAYER_FOR_ALTERNATE_FUNDING",
        "PAYER_COUNTRY_NOT_SUPPORTED", "COMPLIANCE_VIOLATION", "CARD_EXPIRED",
    ];

    public PaymentGateway Gateway => PaymentGateway.paypal;
    public bool IsConfigured => options.Value.IsConfigured;

    /// <summary>The page sends the payer to PayPal and expects them back at the return address, which PayPal needs to know.</summary>
    public string? UnavailableReason =>
        !IsConfigured ? "PayPal is not set up on this server (the app's client id and secret, and the webhook id)."
        : string.IsNullOrWhiteSpace(options.Value.ReturnUrl) ? "PayPal cannot send you back here: its return address is not set on this server."
        : null;

    public Money ChargeFor(Money invoiceAmount) =>
        CurrencyConversion.Convert(invoiceAmount, options.Value.Currency, options.Value.KesPerUsd, Gateway);

    public async Task<GatewayStart> StartAsync(GatewayCharge charge, CancellationToken ct)
    {
        var settings = options.Value;
        var order = new PayPalCreateOrder("CAPTURE",
            [new(charge.PaymentId.ToString(), charge.InvoiceNumber, charge.Description, PayPalAmount.Of(charge.Charge))],
            new(NullIfEmpty(settings.ReturnUrl), NullIfEmpty(settings.CancelUrl), "PAY_NOW", "NO_SHIPPING"));
        var created = await Call(() => paypal.CreateOrderAsync(order, charge.IdempotencyKey, ct), ct);
        var approve = created.Links?.FirstOrDefault(l => l.Rel is "approve" or "payer-action")?.Href;
        return new GatewayStart(GatewayState.Pending, created.Id, ApprovalUrl: approve);
    }

    public async Task<GatewayResult> QueryAsync(string gatewayReference, CancellationToken ct)
    {
        var order = await Call(() => paypal.GetOrderAsync(gatewayReference, ct), ct);
        switch (order.Status)
        {
            case "APPROVED":
                try { return ResultOf(await paypal.CaptureAsync(order.Id, ct)); }
                catch (PayPalApiException e) when (e.Status == HttpStatusCode.UnprocessableEntity && e.Issue == "ORDER_ALREADY_CAPTURED")
                {
                    return ResultOf(await Call(() => paypal.GetOrderAsync(gatewayReference, ct), ct));
                }
                catch (PayPalApiException e) when (e.Status == HttpStatusCode.UnprocessableEntity && e.Issue is { } issue && PayerIssues.Contains(issue))
                {
                    log.LogInformation("PayPal refused to capture order {Order}: {Issue}", order.Id, issue);
                    return new(Gateway, order.Id, GatewayState.Failed, Code: issue, Message: e.IssueDescription);
                }
                catch (Exception e) when (e is PayPalApiException or HttpRequestException || (e is TaskCanceledException && !ct.IsCancellationRequested))
                {
                    throw Unavailable(e);
                }
            case "COMPLETED":
                return ResultOf(order);
            case "VOIDED":
                return new(Gateway, order.Id, GatewayState.Failed, Code: "VOIDED", Message: "The order was voided before it was paid.");
            default: // CREATED, SAVED, PAYER_ACTION_REQUIRED: the payer has not approved yet
                return new(Gateway, order.Id, GatewayState.Pending);
        }
    }

    /// <summary>What the captures of an order say: one completed capture is paid, a declined one failed, else pending.</summary>
    internal static GatewayResult ResultOf(PayPalOrder order)
    {
        var captures = order.PurchaseUnits?.SelectMany(u => u.Payments?.Captures ?? []).ToList() ?? [];
        if (captures.FirstOrDefault(c => c.Status == "COMPLETED") is { } done) return ResultOf(order.Id, done);
        if (captures.FirstOrDefault(c => c.Status is "DECLINED" or "FAILED") is { } refused) return ResultOf(order.Id, refused);
        return new(PaymentGateway.paypal, order.Id, GatewayState.Pending, Code: captures.FirstOrDefault()?.StatusDetails?.Reason);
    }

    internal static GatewayResult ResultOf(string orderId, PayPalCapture capture) => capture.Status switch
    {
        "COMPLETED" => new(PaymentGateway.paypal, orderId, GatewayState.Completed, capture.Amount?.ToMoney(), capture.Id),
        "DECLINED" or "FAILED" => new(PaymentGateway.paypal, orderId, GatewayState.Failed,
            Code: capture.StatusDetails?.Reason ?? capture.Status, Message: "PayPal declined the payment."),
        _ => new(PaymentGateway.paypal, orderId, GatewayState.Pending, Code: capture.StatusDetails?.Reason),
    };

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private async Task<T> Call<T>(Func<Task<T>> call, CancellationToken ct)
    {
        try { return await call(); }
        catch (Exception e) when (e is PayPalApiException or HttpRequestException || (e is TaskCanceledException && !ct.IsCancellationRequested))
        {
            throw Unavailable(e);
        }
    }

    private GatewayUnavailableException Unavailable(Exception e)
    {
        log.LogWarning("PayPal request failed: {Reason}", e.Message);
        return new(Gateway, e is PayPalApiException ? e.Message : "PayPal could not be reached; try again shortly.", e);
    }
}
