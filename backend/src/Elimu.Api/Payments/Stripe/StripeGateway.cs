using Elimu.Api.Common;
using Elimu.Api.Partners.Finance;
using Microsoft.Extensions.Options;
using Stripe;

namespace Elimu.Api.Payments.Stripe;

/// <summary>
/// Card payments through Stripe PaymentIntents: the server creates the intent (amount in minor units, our idempotency key),
/// the card form confirms it with the client secret, and the signed webhook (<see cref="StripeWebhook"/>) says how it ended.
/// </summary>
internal sealed class StripeGateway(IOptions<StripeOptions> options, IHttpClientFactory httpClients, ILogger<StripeGateway> log) : IPaymentGateway
{
    public const string HttpClientName = "stripe";
    // Stripe.net retries network failures and 409/5xx with the same Idempotency-Key, which is what makes a retry safe.
    private const int NetworkRetries = 2;

    private readonly Lazy<StripeClient> _client = new(() => new StripeClient(
        options.Value.SecretKey,
        httpClient: new SystemNetHttpClient(httpClients.CreateClient(HttpClientName), NetworkRetries, enableTelemetry: false),
        apiBase: options.Value.BaseUrl.TrimEnd('/')));

    public PaymentGateway Gateway => PaymentGateway.stripe;
    public bool IsConfigured => options.Value.IsConfigured;

    public string? UnavailableReason =>
        !IsConfigured ? "Card payments are not set up on this server (Stripe's secret key and webhook secret)."
        : string.IsNullOrWhiteSpace(options.Value.PublishableKey) ? "The card form is not set up on this server (Stripe's publishable key)."
        : null;

    public string? ClientKey => options.Value.CardFormOffered ? options.Value.PublishableKey : null;

    public string? ClientScriptUrl => options.Value.CardFormOffered ? options.Value.JsUrl : null;

    public Money ChargeFor(Money invoiceAmount) =>
        CurrencyConversion.Convert(invoiceAmount, options.Value.Currency, options.Value.KesPerUnit, Gateway);

    public async Task<GatewayStart> StartAsync(GatewayCharge charge, CancellationToken ct)
    {
        var create = new PaymentIntentCreateOptions
        {
            Amount = StripeAmounts.ToMinor(charge.Charge),
            Currency = charge.Charge.Currency.ToLowerInvariant(),
            Description = charge.Description,
            Metadata = new() { ["invoice_number"] = charge.InvoiceNumber, ["payment_id"] = charge.PaymentId.ToString() },
        };
        var intent = await Call(s => s.CreateAsync(create, new RequestOptions { IdempotencyKey = charge.IdempotencyKey }, ct), ct);
        return new GatewayStart(GatewayState.Pending, intent.Id, ClientSecret: intent.ClientSecret);
    }

    public async Task<GatewayResult> QueryAsync(string gatewayReference, CancellationToken ct) =>
        ResultOf(await Call(s => s.GetAsync(gatewayReference, cancellationToken: ct), ct));

    /// <summary>What a PaymentIntent says: succeeded is paid; canceled, or a failed attempt waiting for another card, is failed.</summary>
    internal static GatewayResult ResultOf(PaymentIntent intent) => intent.Status switch
    {
        "succeeded" => new(PaymentGateway.stripe, intent.Id, GatewayState.Completed,
            StripeAmounts.FromMinor(intent.AmountReceived, intent.Currency), intent.LatestChargeId),
        "canceled" => new(PaymentGateway.stripe, intent.Id, GatewayState.Failed,
            Code: intent.CancellationReason ?? "canceled", Message: intent.LastPaymentError?.Message),
        "requires_payment_method" when intent.LastPaymentError is not null => FailureOf(intent),
        _ => new(PaymentGateway.stripe, intent.Id, GatewayState.Pending),
    };

    internal static GatewayResult FailureOf(PaymentIntent intent) => new(PaymentGateway.stripe, intent.Id, GatewayState.Failed,
        Code: intent.LastPaymentError?.DeclineCode ?? intent.LastPaymentError?.Code ?? "payment_failed", Message: intent.LastPaymentError?.Message);

    private async Task<PaymentIntent> Call(Func<PaymentIntentService, Task<PaymentIntent>> call, CancellationToken ct)
    {
        try { return await call(new PaymentIntentService(_client.Value)); }
        catch (StripeException e)
        {
            log.LogWarning("Stripe refused the request: {Status} {Type} {Code} {Message}", (int)e.HttpStatusCode, e.StripeError?.Type, e.StripeError?.Code, e.StripeError?.Message ?? e.Message);
            throw new GatewayUnavailableException(PaymentGateway.stripe, $"Stripe: {e.StripeError?.Message ?? e.Message}", e);
        }
        catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !ct.IsCancellationRequested))
        {
            log.LogWarning(e, "Stripe could not be reached");
            throw new GatewayUnavailableException(PaymentGateway.stripe, "Stripe could not be reached; try again shortly.", e);
        }
    }
}
