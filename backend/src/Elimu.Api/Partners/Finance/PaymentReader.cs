using Elimu.Api.Common;
using Elimu.Api.Data;
using Elimu.Api.Partners.Sponsorships;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Partners.Finance;

/// <summary>
/// Reads a partner's payments: the list, and one payment (also after paying or checking one). Apart from <see cref="InvoicePayments"/> because
/// reading needs only the database: the list is the finance page's busiest request, and building the payer (four gateway
/// adapters with their HttpClients) for every read of it cost more than the query itself.
/// </summary>
public sealed class PaymentReader(AppDbContext db, ProgramListings programs)
{
    public async Task<PaymentItem> ItemAsync(Guid partnerId, Guid id, CancellationToken ct) =>
        (await Rows(partnerId).FirstOrDefaultAsync(p => p.Id == id, ct))?.ToItem() ?? throw DomainException.NotFound("Payment");

    /// <summary>The partner's payments as list rows (composable: the list filters and pages them).</summary>
    public IQueryable<PaymentRow> Rows(Guid partnerId) =>
        from p in db.PartnerPayments.AsNoTracking()
        where p.PartnerId == partnerId
        select new PaymentRow
        {
            Id = p.Id, Status = p.Status, Amount = p.Amount, Currency = p.Currency, InvoiceNumber = p.InvoiceNumber, InvoiceId = p.InvoiceId,
            SubscriptionId = p.SubscriptionId, ProgramName = programs.All().Where(g => g.Id == p.Subscription!.ProgramId).Select(g => g.Name).FirstOrDefault(), Gateway = p.PaymentGateway,
            ChargedAmount = p.ChargedAmount, ChargedCurrency = p.ChargedCurrency, Reference = p.TransactionReference,
            Receipt = p.GatewayResponse.Receipt, Code = p.GatewayResponse.Code, Message = p.GatewayResponse.Message,
            PeriodStart = p.PeriodStart, PeriodEnd = p.PeriodEnd, CreatedAt = p.CreatedAt, PaidAt = p.PaidAt, ReceiptUrl = p.ReceiptUrl,
            ApprovalUrl = p.ApprovalUrl,
        };
}

/// <summary>A payment as the list query reads it; <see cref="ToItem"/> turns its instants into Nairobi dates.</summary>
public sealed class PaymentRow
{
    public Guid Id { get; init; }
    public PaymentStatus Status { get; init; }
    public decimal Amount { get; init; }
    public string Currency { get; init; } = "";
    public string? InvoiceNumber { get; init; }
    public Guid? InvoiceId { get; init; }
    public Guid SubscriptionId { get; init; }
    public string? ProgramName { get; init; }
    public PaymentGateway Gateway { get; init; }
    public decimal? ChargedAmount { get; init; }
    public string? ChargedCurrency { get; init; }
    public string? Reference { get; init; }
    public string? Receipt { get; init; }
    public string? Code { get; init; }
    public string? Message { get; init; }
    public DateTime PeriodStart { get; init; }
    public DateTime PeriodEnd { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime? PaidAt { get; init; }
    public string? ReceiptUrl { get; init; }
    public string? ApprovalUrl { get; init; }

    public PaymentItem ToItem() => new(Id, Status, Amount, Currency, InvoiceNumber, InvoiceId, SubscriptionId, ProgramName, Gateway,
        ChargedAmount, ChargedCurrency, Reference, Receipt, Status == PaymentStatus.failed ? Code : null,
        Status == PaymentStatus.failed ? Message : null, Subscriptions.DayOf(PeriodStart), Subscriptions.DayOf(PeriodEnd), CreatedAt,
        PaidAt, ReceiptUrl, Status == PaymentStatus.pending ? ApprovalUrl : null);
}
