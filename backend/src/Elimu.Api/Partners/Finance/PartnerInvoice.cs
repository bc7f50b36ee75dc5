using Elimu.Api.Platform.Identity;

namespace Elimu.Api.Partners.Finance;

public enum InvoiceStatus { open, paid, @void }

/// <summary>
/// What a subscription owes for one billing period: one line per child-period (children billable on the period's first
/// day, and children who became billable during the previous period, pro rata). Amounts and tax are fixed when issued.
/// </summary>
public class PartnerInvoice
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PartnerId { get; set; }
    public AppUser? Partner { get; set; }
    public Guid SubscriptionId { get; set; }
    public PartnerSubscription? Subscription { get; set; }
    /// <summary>INV-2026-000001: sequential per year of issue, without gaps (<see cref="InvoiceNumbers"/>).</summary>
    public string Number { get; set; } = "";
    public DateOnly PeriodStart { get; set; }
    /// <summary>The first day after the period.</summary>
    public DateOnly PeriodEnd { get; set; }
    public string Currency { get; set; } = "KES";
    public decimal Subtotal { get; set; }
    public decimal TaxRate { get; set; }
    public decimal TaxAmount { get; set; }
    public decimal Total { get; set; }
    /// <summary>The partner profile's tax fields when the invoice was issued.</summary>
    public bool TaxExempt { get; set; }
    public string? TaxId { get; set; }
    public InvoiceStatus Status { get; set; } = InvoiceStatus.open;
    public DateTime IssuedAt { get; set; }
    public DateTime? PaidAt { get; set; }
    public List<PartnerInvoiceLine> Lines { get; set; } = [];
}

/// <summary>One child for one period (or the part of a period they were billable, pro rata).</summary>
public class PartnerInvoiceLine
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid InvoiceId { get; set; }
    public Guid SponsoredChildId { get; set; }
    public string Description { get; set; } = "";
    public DateOnly PeriodStart { get; set; }
    /// <summary>The first day after the charged days.</summary>
    public DateOnly PeriodEnd { get; set; }
    public decimal UnitPrice { get; set; }
    /// <summary>Days charged of <see cref="PeriodDays"/> (equal for a full period).</summary>
    public int DaysCharged { get; set; }
    public int PeriodDays { get; set; }
    public bool Prorated { get; set; }
    public decimal Amount { get; set; }
}

/// <summary>The last invoice number given in a year: updated in the transaction that issues the invoice.</summary>
public class InvoiceCounter
{
    public int Year { get; set; }
    public int LastNumber { get; set; }
}
