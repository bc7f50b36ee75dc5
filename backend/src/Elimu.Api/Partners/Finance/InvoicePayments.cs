using System.Security.Cryptography;
using System.Text;
using Elimu.Api.Common;
using Elimu.Api.Data;
using Elimu.Api.Payments;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Partners.Finance;

/// <summary>
/// POST /payments: pays the subscription's due invoice through the chosen gateway. The Idempotency-Key makes a retry
/// (a double click, a dropped connection, two tabs) the same payment: the key is unique per partner in the database, so
/// of two racing requests one inserts and the other reads the winner's row; only the inserter asks the gateway.
/// </summary>
public sealed class InvoicePayments(AppDbContext db, Subscriptions subscriptions, InvoiceIssuer invoices, IEnumerable<IPaymentGateway> gateways,
    IPaymentResults results, PaymentReader reader, ILogger<InvoicePayments> log)
{
    public const int MaxKeyLength = 100;

    public sealed record Started(PaymentItem Payment, bool Replayed);

    public async Task<Started> PayAsync(Guid partnerId, string? idempotencyKey, CreatePaymentRequest request, CancellationToken ct)
    {
        var key = idempotencyKey?.Trim();
        if (string.IsNullOrEmpty(key))
            throw new DomainException(StatusCodes.Status400BadRequest, "idempotency_key_required", "An Idempotency-Key header is required.",
                "Send a unique Idempotency-Key header (a UUID) with each payment; send the same key again to retry it safely.");
        if (key.Length > MaxKeyLength)
            throw new DomainException(StatusCodes.Status400BadRequest, "idempotency_key_invalid", "The Idempotency-Key is too long.",
                $"Use at most {MaxKeyLength} characters (a UUID).");
        if (await ByKeyAsync(partnerId, key, ct) is { } earlier) return new(await ReplayAsync(earlier, request, ct), true);

        new Validation()
            .Check(request.SubscriptionId is not null, "subscriptionId", "Choose the subscription to pay.")
            .Check(request.Gateway is not null, "gateway", "Choose how to pay: sandbox, mpesa, stripe or paypal.")
            .ThrowIfInvalid();
        var kind = request.Gateway!.Value;
        var phone = Phone(kind, request.PhoneNumber);
        var gateway = gateways.FirstOrDefault(g => g.Gateway == kind && g.IsConfigured)
            ?? throw new DomainException(StatusCodes.Status422UnprocessableEntity, "gateway_not_configured", "This payment method is not available.",
                $"The {kind} gateway is not configured on this server; choose another way to pay.");

        var subscription = await subscriptions.OwnAsync(partnerId, request.SubscriptionId!.Value, ct);
        PartnerInvoice invoice;
        try
        {
            invoice = await invoices.DueAsync(subscription, ct);
        }
        catch (DomainException)
        {
            // A parallel request with this key may have paid the invoice meanwhile ("nothing due" now): answer with its payment.
            if (await ByKeyAsync(partnerId, key, ct) is { } winner) return new(await ReplayAsync(winner, request, ct), true);
            throw;
        }
        var charge = gateway.ChargeFor(new Money(invoice.Total, invoice.Currency));
        var secret = kind == PaymentGateway.mpesa ? NewSecret() : null;
        var payment = new PartnerPayment
        {
            SubscriptionId = subscription.Id, PartnerId = partnerId, InvoiceId = invoice.Id, InvoiceNumber = invoice.Number,
            Amount = invoice.Total, Currency = invoice.Currency, ChargedAmount = charge.Amount, ChargedCurrency = charge.Currency,
            PaymentGateway = kind, IdempotencyKey = key, CallbackSecretHash = secret is null ? null : HashSecret(secret),
            PeriodStart = NairobiTime.StartOfDayUtc(invoice.PeriodStart), PeriodEnd = NairobiTime.StartOfDayUtc(invoice.PeriodEnd),
        };
        db.PartnerPayments.Add(payment);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DatabaseConflicts.IsUniqueViolation(e))
        {
            // A parallel request with the same key inserted first: its payment is the answer, and only it asks the gateway.
            db.Entry(payment).State = EntityState.Detached;
            return new(await ReplayAsync(await ByKeyAsync(partnerId, key, ct) ?? throw new InvalidOperationException("Lost an idempotency race to nobody.", e), request, ct), true);
        }

        GatewayStart start;
        try
        {
            start = await gateway.StartAsync(new GatewayCharge(payment.Id, key, invoice.Number, charge,
                Description(invoice.Number), phone, secret), ct);
        }
        catch (GatewayUnavailableException e)
        {
            log.LogWarning(e, "Gateway {Gateway} refused or could not take payment {PaymentId}", kind, payment.Id);
            await FailAsync(payment, "gateway_unavailable", e.Message, ct);
            throw new DomainException(StatusCodes.Status503ServiceUnavailable, "gateway_unavailable", "The payment provider is not answering.",
                $"{kind} could not take the payment just now; nothing was charged. Try again in a few minutes or choose another way to pay.")
            { Extensions = { ["paymentId"] = payment.Id } };
        }

        // Columns only (not the gateway_response document), so a confirmation racing in from the gateway is never overwritten.
        await db.PartnerPayments.Where(p => p.Id == payment.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(p => p.TransactionReference, start.GatewayReference).SetProperty(p => p.ApprovalUrl, start.ApprovalUrl), ct);
        if (start.State != GatewayState.Pending)
            await results.ApplyAsync(new GatewayResult(kind, start.GatewayReference, start.State, start.State == GatewayState.Completed ? charge : null,
                Code: start.Code, Message: start.Message), ct);

        var item = await reader.ItemAsync(partnerId, payment.Id, ct);
        return new(item with { ApprovalUrl = start.ApprovalUrl, ClientSecret = start.ClientSecret }, false);
    }

    /// <summary>POST /payments/{id}/check: asks the gateway where a pending payment stands and applies its answer.</summary>
    public async Task<PaymentItem> CheckAsync(Guid partnerId, Guid id, CancellationToken ct)
    {
        var payment = await db.PartnerPayments.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id && p.PartnerId == partnerId, ct)
            ?? throw DomainException.NotFound("Payment");
        if (payment.Status == PaymentStatus.pending && payment.TransactionReference is { } reference
            && gateways.FirstOrDefault(g => g.Gateway == payment.PaymentGateway && g.IsConfigured) is { } gateway)
        {
            GatewayResult answer;
            try
            {
                answer = await gateway.QueryAsync(reference, ct);
            }
            catch (GatewayUnavailableException e)
            {
                throw new DomainException(StatusCodes.Status503ServiceUnavailable, "gateway_unavailable", "The payment provider is not answering.",
                    $"{payment.PaymentGateway} could not say where this payment stands just now; try again in a minute. ({e.Message})");
            }
            if (answer.State != GatewayState.Pending) await results.ApplyAsync(answer, ct);
        }
        return await reader.ItemAsync(partnerId, id, ct);
    }

    /// <summary>SHA-256 hex of an M-Pesa callback secret: what is stored and compared.</summary>
    public static string HashSecret(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string NewSecret() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>M-Pesa's TransactionDesc takes 13 characters: "Elimu 000123".</summary>
    private static string Description(string invoiceNumber) => "Elimu " + invoiceNumber[^6..];

    /// <summary>
    /// M-Pesa needs a Kenyan mobile number, stored as 2547XXXXXXXX (or 2541…); the sandbox takes one optionally (its
    /// fail switch). Anything else is a 422 naming phoneNumber with the expected forms.
    /// </summary>
    private static string? Phone(PaymentGateway gateway, string? text)
    {
        if (gateway is not (PaymentGateway.mpesa or PaymentGateway.sandbox)) return null;
        if (gateway == PaymentGateway.sandbox && string.IsNullOrWhiteSpace(text)) return null;
        return MpesaNumber(text);
    }

    /// <summary>A number M-Pesa can take, as 2547XXXXXXXX (or 2541…); else the 422 naming phoneNumber with the expected forms.</summary>
    public static string MpesaNumber(string? text)
    {
        var normalised = string.IsNullOrWhiteSpace(text) ? null : ContactFormats.KenyanPhone(text);
        return normalised?.TrimStart('+') ?? throw new ValidationFailedException(new Dictionary<string, string[]>
        {
            ["phoneNumber"] = ["Enter the M-Pesa number as 07XXXXXXXX, 7XXXXXXXX, +2547XXXXXXXX or 2547XXXXXXXX (01… numbers too)."],
        }, StatusCodes.Status422UnprocessableEntity);
    }

    private Task<PartnerPayment?> ByKeyAsync(Guid partnerId, string key, CancellationToken ct) =>
        db.PartnerPayments.AsNoTracking().FirstOrDefaultAsync(p => p.PartnerId == partnerId && p.IdempotencyKey == key, ct);

    /// <summary>The first payment of this key; a different request under the same key is refused (the key names one payment).</summary>
    private Task<PaymentItem> ReplayAsync(PartnerPayment earlier, CreatePaymentRequest request, CancellationToken ct)
    {
        if ((request.SubscriptionId is { } s && s != earlier.SubscriptionId) || (request.Gateway is { } g && g != earlier.PaymentGateway))
            throw DomainException.Conflict("idempotency_key_reused", "This Idempotency-Key was used for another payment; use a new key for a new payment.");
        return reader.ItemAsync(earlier.PartnerId, earlier.Id, ct);
    }

    private async Task FailAsync(PartnerPayment payment, string code, string message, CancellationToken ct)
    {
        await db.PartnerPayments.Where(p => p.Id == payment.Id && p.Status == PaymentStatus.pending)
            .ExecuteUpdateAsync(u => u.SetProperty(p => p.Status, PaymentStatus.failed), ct);
        await db.Entry(payment).ReloadAsync(ct);
        payment.GatewayResponse = payment.GatewayResponse with { Code = code, Message = message };
        await db.SaveChangesAsync(ct);
    }
}
