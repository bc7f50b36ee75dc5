using System.Text;
using Elimu.Api.Partners.Finance;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Stripe;

namespace Elimu.Api.Payments.Stripe;

/// <summary>
/// POST /api/v1/payments/stripe/webhook: Stripe's signed event. The signature (HMAC-SHA256 over "t.rawBody" with the
/// whole whsec_ secret, within five minutes of our clock) is checked before anything is read; an event id already
/// applied is acknowledged and not applied again. Only payment_intent.succeeded and payment_intent.payment_failed
/// change a payment; every other event is acknowledged and ignored.
/// </summary>
internal static class StripeWebhook
{
    public const string Path = "/api/v1/payments/stripe/webhook";
    public const long ToleranceSeconds = 300;

    public static async Task<IResult> Handle(
        HttpRequest request, [FromServices] IOptions<StripeOptions> options, [FromServices] TimeProvider clock,
        [FromServices] WebhookEventLedger ledger, [FromServices] IPaymentResults results, [FromServices] ILoggerFactory logs, CancellationToken ct)
    {
        var log = logs.CreateLogger(typeof(StripeWebhook));
        // Unconfigured, there is no secret to check against: nothing may pass.
        if (!options.Value.IsConfigured) return WebhookAnswers.NotConfigured(PaymentGateway.stripe);

        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(ct);
        Event stripeEvent;
        try
        {
            stripeEvent = EventUtility.ConstructEvent(body, request.Headers["Stripe-Signature"].ToString(), options.Value.WebhookSecret,
                ToleranceSeconds, clock.GetUtcNow().ToUnixTimeSeconds(), throwOnApiVersionMismatch: false);
        }
        // Stripe.net throws StripeException for a wrong or stale signature, and format errors for a mangled header or body.
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogWarning("Stripe webhook refused: {Reason}", e.Message);
            return WebhookAnswers.Unverified(PaymentGateway.stripe);
        }

        if (stripeEvent.Data?.Object is not PaymentIntent intent
            || stripeEvent.Type is not (EventTypes.PaymentIntentSucceeded or EventTypes.PaymentIntentPaymentFailed))
            return Results.Ok();

        if (!ledger.TryBegin($"stripe:{stripeEvent.Id}"))
        {
            log.LogInformation("Stripe event {EventId} was already applied; acknowledged again", stripeEvent.Id);
            return Results.Ok();
        }
        try
        {
            // The event type decides, not the intent's status at sending time; the amount is passed on as Stripe says it,
            // and finance refuses one that differs from what was charged.
            var result = stripeEvent.Type == EventTypes.PaymentIntentSucceeded
                ? new GatewayResult(PaymentGateway.stripe, intent.Id, GatewayState.Completed,
                    StripeAmounts.FromMinor(intent.AmountReceived, intent.Currency), intent.LatestChargeId)
                : StripeGateway.FailureOf(intent);
            var applied = await results.ApplyAsync(result, ct);
            if (applied is not ResultApplied.Applied)
                log.LogWarning("Stripe event {EventId} ({Type}) for {Intent}: {Outcome}", stripeEvent.Id, stripeEvent.Type, intent.Id, applied);
            return Results.Ok();
        }
        catch
        {
            ledger.Abandon($"stripe:{stripeEvent.Id}");
            throw;
        }
    }
}
