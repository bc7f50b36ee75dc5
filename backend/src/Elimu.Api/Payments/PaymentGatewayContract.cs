using Elimu.Api.Common;
using Elimu.Api.Partners.Finance;

namespace Elimu.Api.Payments;

/// <summary>
/// One payment gateway (sandbox, M-Pesa Daraja, Stripe, PayPal). Finance decides what is owed and records payments;
/// a gateway only talks to its provider. Each adapter is registered as an <see cref="IPaymentGateway"/> and picked by
/// <see cref="Gateway"/>; its base URL and credentials come from configuration (<c>Payments:&lt;Name&gt;</c>).
/// </summary>
public interface IPaymentGateway
{
    PaymentGateway Gateway { get; }

    /// <summary>False when its credentials are not configured: the gateway is not offered and a payment through it is refused.</summary>
    bool IsConfigured { get; }

    /// <summary>Why the partner's payment page cannot pay through it (null when it can): its keys are missing, or, for a
    /// gateway whose page needs more than the server's keys (Stripe's card form), that part. Listed with the gateway.</summary>
    string? UnavailableReason => IsConfigured ? null : "It is not configured on this server.";

    /// <summary>What the payment page needs from the server to use it (Stripe: the publishable key); null for none.</summary>
    string? ClientKey => null;

    /// <summary>The script the payment page loads to use it (Stripe.js), only when the payer chooses it; null for none.</summary>
    string? ClientScriptUrl => null;

    /// <summary>What the provider charges for an invoice of <paramref name="invoiceAmount"/>: the same money, or for PayPal,
    /// which does not take KES, the amount in its configured currency at the configured rate.</summary>
    Money ChargeFor(Money invoiceAmount);

    /// <summary>True when the gateway can start a charge of a saved method with nobody on the page (the renewal job's
    /// auto-pay): the sandbox; M-Pesa, whose STK push reaches the saved number's phone. A gateway that needs the payer on
    /// the page (PayPal's approval, a card form) cannot: its renewal invoice waits for the partner.</summary>
    bool ChargesUnattended => false;

    /// <summary>Asks the provider to collect <see cref="GatewayCharge.Charge"/>. Most providers answer "pending" and confirm
    /// later through a callback or webhook (or <see cref="QueryAsync"/>). Throws <see cref="GatewayUnavailableException"/>
    /// when the provider cannot be reached or refuses the request itself.</summary>
    Task<GatewayStart> StartAsync(GatewayCharge charge, CancellationToken ct);

    /// <summary>Asks the provider where a payment it accepted stands (reconciliation of payments whose callback never came).</summary>
    Task<GatewayResult> QueryAsync(string gatewayReference, CancellationToken ct);
}

/// <summary>What a gateway is asked to collect for one payment row.</summary>
/// <param name="PaymentId">Our payment's id.</param>
/// <param name="IdempotencyKey">Passed to providers that take one (Stripe <c>Idempotency-Key</c>, PayPal
/// <c>PayPal-Request-Id</c>), so a retried request never charges twice at the provider either.</param>
/// <param name="InvoiceNumber">The reference the payer sees (M-Pesa <c>AccountReference</c>, Stripe metadata, PayPal <c>custom_id</c>).</param>
/// <param name="Charge">What <see cref="IPaymentGateway.ChargeFor"/> gave for the invoice's amount.</param>
/// <param name="Description">A short description (M-Pesa <c>TransactionDesc</c> takes 13 characters).</param>
/// <param name="PhoneNumber">M-Pesa only: the payer's number as 2547XXXXXXXX or 2541XXXXXXXX.</param>
/// <param name="CallbackSecret">M-Pesa only: the per-payment secret that goes into the callback URL
/// (<c>/api/v1/payments/mpesa/callback/{secret}</c>); only its hash is stored.</param>
public sealed record GatewayCharge(
    Guid PaymentId, string IdempotencyKey, string InvoiceNumber, Money Charge, string Description,
    string? PhoneNumber = null, string? CallbackSecret = null);

public enum GatewayState { Pending, Completed, Failed }

/// <summary>The provider's first answer.</summary>
/// <param name="GatewayReference">The provider's id for the payment (M-Pesa CheckoutRequestID, Stripe PaymentIntent id,
/// PayPal order id); callbacks, webhooks and queries name it.</param>
/// <param name="ApprovalUrl">PayPal: where the payer approves the order.</param>
/// <param name="ClientSecret">Stripe: the PaymentIntent's client secret, for the card form.</param>
public sealed record GatewayStart(
    GatewayState State, string GatewayReference, string? ApprovalUrl = null, string? ClientSecret = null,
    string? Code = null, string? Message = null);

/// <summary>What a provider says about a payment: from a verified callback or webhook, or from a query.</summary>
/// <param name="Amount">What the provider says it collected (null when it does not say, or the payment failed).</param>
/// <param name="Receipt">The provider's receipt (M-Pesa MpesaReceiptNumber, Stripe charge id, PayPal capture id).</param>
public sealed record GatewayResult(
    PaymentGateway Gateway, string GatewayReference, GatewayState State, Money? Amount = null,
    string? Receipt = null, string? Code = null, string? Message = null);

/// <summary>Finance's side: applies a verified provider result to the payment it names, at most once.</summary>
public interface IPaymentResults
{
    Task<ResultApplied> ApplyAsync(GatewayResult result, CancellationToken ct);

    /// <summary>The gateway reference of the still-pending payment whose callback secret this is (M-Pesa puts the secret
    /// in the callback URL, so a callback names the one payment it may speak about); null when none matches.</summary>
    Task<string?> ReferenceForCallbackSecretAsync(PaymentGateway gateway, string callbackSecret, CancellationToken ct);
}

public enum ResultApplied
{
    /// <summary>The payment moved to completed or failed (and its invoice was paid).</summary>
    Applied,
    /// <summary>The payment had already left pending: a repeated callback changes nothing.</summary>
    AlreadyApplied,
    /// <summary>No payment of that gateway has this reference: logged, nothing changes.</summary>
    UnknownReference,
    /// <summary>The amount or currency differs from what was charged: logged, nothing changes.</summary>
    Mismatch,
}

/// <summary>The provider could not be reached, timed out, or refused the request (not the payer's decision).</summary>
public sealed class GatewayUnavailableException(PaymentGateway gateway, string message, Exception? inner = null)
    : Exception(message, inner)
{
    public PaymentGateway Gateway { get; } = gateway;
}
