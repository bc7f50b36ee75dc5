using System.Text;
using System.Text.Json;
using Elimu.Api.Partners.Finance;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Elimu.Api.Payments.PayPal;

/// <summary>
/// POST /api/v1/payments/paypal/webhook: PayPal's event, trusted only after PayPal's verify-webhook-signature call answers
/// SUCCESS for its five PAYPAL-* headers, our webhook id and the raw body. An approved order is captured (through
/// <see cref="PayPalGateway.QueryAsync"/>) and its outcome applied; completed and denied captures are applied as they come.
/// A duplicate is harmless: the capture is idempotent at PayPal and a payment takes a result once.
/// </summary>
internal static class PayPalWebhook
{
    public const string Path = "/api/v1/payments/paypal/webhook";

    public static async Task<IResult> Handle(
        HttpRequest request, [FromServices] IOptions<PayPalOptions> options, [FromServices] PayPalClient paypal,
        [FromServices] IEnumerable<IPaymentGateway> gateways, [FromServices] WebhookEventLedger ledger,
        [FromServices] IPaymentResults results, [FromServices] ILoggerFactory logs, CancellationToken ct)
    {
        var log = logs.CreateLogger(typeof(PayPalWebhook));
        if (!options.Value.IsConfigured) return WebhookAnswers.NotConfigured(PaymentGateway.paypal);

        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var raw = await reader.ReadToEndAsync(ct);
        PayPalWebhookEvent? notification;
        try { notification = JsonSerializer.Deserialize<PayPalWebhookEvent>(raw, PayPalJson.Options); }
        catch (JsonException) { notification = null; }
        if (PayPalTransmission.From(request.Headers) is not { } transmission || notification is not { Id.Length: > 0, EventType.Length: > 0 })
        {
            log.LogWarning("PayPal webhook refused: headers or event missing");
            return WebhookAnswers.Unverified(PaymentGateway.paypal);
        }

        try
        {
            if (!await paypal.VerifyWebhookAsync(transmission, raw, ct))
            {
                log.LogWarning("PayPal webhook {EventId} ({Type}) failed verification; nothing applied", notification.Id, notification.EventType);
                return WebhookAnswers.Unverified(PaymentGateway.paypal);
            }
        }
        catch (Exception e) when (e is PayPalApiException or HttpRequestException || (e is TaskCanceledException && !ct.IsCancellationRequested))
        {
            log.LogWarning("PayPal webhook {EventId} could not be verified: {Reason}", notification.Id, e.Message);
            return WebhookAnswers.Unavailable(PaymentGateway.paypal);
        }

        if (notification.EventType is not ("CHECKOUT.ORDER.APPROVED" or "PAYMENT.CAPTURE.COMPLETED" or "PAYMENT.CAPTURE.DENIED"))
            return Results.Ok();
        if (!ledger.TryBegin($"paypal:{notification.Id}"))
        {
            log.LogInformation("PayPal event {EventId} was already applied; acknowledged again", notification.Id);
            return Results.Ok();
        }
        try
        {
            var result = await ResultOfAsync(notification, gateways.OfType<PayPalGateway>().Single(), ct);
            if (result is null)
            {
                log.LogWarning("PayPal event {EventId} ({Type}) names no order; ignored", notification.Id, notification.EventType);
                return Results.Ok();
            }
            if (result.State == GatewayState.Pending) return Results.Ok();
            var applied = await results.ApplyAsync(result, ct);
            if (applied is not ResultApplied.Applied)
                log.LogWarning("PayPal event {EventId} ({Type}) for order {Order}: {Outcome}", notification.Id, notification.EventType, result.GatewayReference, applied);
            return Results.Ok();
        }
        catch (GatewayUnavailableException)
        {
            // The capture could not be made now: PayPal delivers the event again later.
            ledger.Abandon($"paypal:{notification.Id}");
            return WebhookAnswers.Unavailable(PaymentGateway.paypal);
        }
        catch
        {
            ledger.Abandon($"paypal:{notification.Id}");
            throw;
        }
    }

    private static async Task<GatewayResult?> ResultOfAsync(PayPalWebhookEvent notification, PayPalGateway gateway, CancellationToken ct)
    {
        if (notification.Resource.ValueKind != JsonValueKind.Object) return null;
        if (notification.EventType == "CHECKOUT.ORDER.APPROVED")
            return notification.Resource.TryGetProperty("id", out var id) && id.GetString() is { Length: > 0 } orderId
                ? await gateway.QueryAsync(orderId, ct) : null;

        // A capture event: the payment is known by its order, which PayPal names in supplementary_data.related_ids.
        var capture = notification.Resource.Deserialize<PayPalCapture>(PayPalJson.Options);
        return capture?.SupplementaryData?.RelatedIds?.OrderId is { Length: > 0 } order ? PayPalGateway.ResultOf(order, capture) : null;
    }
}
