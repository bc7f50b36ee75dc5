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
}
