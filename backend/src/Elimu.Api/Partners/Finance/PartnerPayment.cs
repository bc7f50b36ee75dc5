using Elimu.Api.Platform.Identity;

namespace Elimu.Api.Partners.Finance;

public class PartnerPayment
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SubscriptionId { get; set; }
    public PartnerSubscription? Subscription { get; set; }
    public Guid PartnerId { get; set; }
    public AppUser? Partner { get; set; }
    public decimal Amount { get; set; }
    public string Currency { get; set; } = "KES";
    public PaymentStatus Status { get; set; } = PaymentStatus.pending;
    public PaymentGateway PaymentGateway { get; set; }
    public string? TransactionReference { get; set; }
    public GatewayResponse GatewayResponse { get; set; } = new();
    public string? ReceiptUrl { get; set; }
    public string? InvoiceNumber { get; set; }
    /// <summary>The invoice this pays (null on payments recorded before invoices were kept).</summary>
    public Guid? InvoiceId { get; set; }
    public PartnerInvoice? Invoice { get; set; }
    /// <summary>The client's Idempotency-Key: the same key from the same partner returns this payment.</summary>
    public string? IdempotencyKey { get; set; }
    /// <summary>What the gateway was asked to collect (PayPal: USD at the configured rate; otherwise the invoice's amount).</summary>
    public decimal? ChargedAmount { get; set; }
    public string? ChargedCurrency { get; set; }
    /// <summary>SHA-256 (hex) of the per-payment secret in an M-Pesa callback URL; the secret itself is never stored.</summary>
    public string? CallbackSecretHash { get; set; }
    /// <summary>PayPal: where the payer approves the order (kept so a reloaded page can send them there again).</summary>
    public string? ApprovalUrl { get; set; }
    public DateTime PeriodStart { get; set; }
    public DateTime PeriodEnd { get; set; }
    public DateTime? PaidAt { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>What the gateway last told us about this payment.</summary>
public record GatewayResponse
{
    public string? Code { get; set; }
    public string? Message { get; set; }
    public string? GatewayReference { get; set; }
    public DateTime? ReceivedAt { get; set; }
    /// <summary>The provider's receipt (M-Pesa receipt number, Stripe charge id, PayPal capture id).</summary>
    public string? Receipt { get; set; }
}
