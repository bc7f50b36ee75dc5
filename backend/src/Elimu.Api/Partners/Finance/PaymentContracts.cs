using Elimu.Api.Partners.Sponsorships;

namespace Elimu.Api.Partners.Finance;

/// <summary>The contract of issue 17: the amount is the invoice's, never the client's.</summary>
/// <param name="PhoneNumber">M-Pesa: the payer's number (07…, 7…, +254…, 254…). Sandbox: optional (see SandboxOptions.FailPhoneNumber).</param>
public sealed record CreatePaymentRequest(Guid? SubscriptionId, PaymentGateway? Gateway, string? PhoneNumber);

/// <param name="Amount">The invoice's amount, in <paramref name="Currency"/>.</param>
/// <param name="ChargedAmount">What the gateway collects (PayPal: USD at the configured rate), in <paramref name="ChargedCurrency"/>.</param>
/// <param name="ApprovalUrl">PayPal: where the payer approves the order.</param>
/// <param name="ClientSecret">Stripe: the PaymentIntent's client secret, for the card form (first answer only).</param>
public sealed record PaymentItem(
    Guid Id, PaymentStatus Status, decimal Amount, string Currency, string? InvoiceNumber, Guid? InvoiceId, Guid SubscriptionId,
    string? ProgramName, PaymentGateway Gateway, decimal? ChargedAmount, string? ChargedCurrency, string? GatewayReference,
    string? Receipt, string? FailureCode, string? FailureMessage, DateOnly PeriodStart, DateOnly PeriodEnd, DateTime CreatedAt,
    DateTime? PaidAt, string? ReceiptUrl, string? ApprovalUrl = null, string? ClientSecret = null);

public sealed record InvoiceSummary(
    Guid Id, string Number, Guid SubscriptionId, string? ProgramName, InvoiceStatus Status, DateOnly PeriodStart, DateOnly PeriodEnd,
    string Currency, decimal Subtotal, decimal TaxRate, decimal TaxAmount, decimal Total, bool TaxExempt, string? TaxId,
    DateTime IssuedAt, DateTime? PaidAt, int Lines);

public sealed record InvoiceLineItem(
    Guid Id, Guid SponsoredChildId, string Description, DateOnly PeriodStart, DateOnly PeriodEnd, decimal UnitPrice,
    int DaysCharged, int PeriodDays, bool Prorated, decimal Amount);

public sealed record InvoiceDetail(InvoiceSummary Invoice, BillingPeriod BillingPeriod, IReadOnlyList<InvoiceLineItem> Lines);

/// <summary>GET /subscriptions/{id}/due: what "pay now" charges. <paramref name="Issued"/> false: no invoice yet, so these are
/// the current period's figures as the invoice would be issued now (<paramref name="InvoiceId"/> and the number are null).</summary>
/// <param name="Children">The children the invoice bills (a child with a pro-rata line and a full line counts once).</param>
public sealed record DueInvoice(Guid? InvoiceId, string? Number, DateOnly PeriodStart, DateOnly PeriodEnd, int Children, decimal Subtotal,
    decimal TaxAmount, decimal Total, string Currency, bool Issued);
