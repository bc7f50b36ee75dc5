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
public sealed class PaymentReader(AppDbContext db)
{
    public async Task<PaymentItem> ItemAsync(Guid partnerId, Guid id, CancellationToken ct)
    {
        await foreach (var row in Query(db, partnerId, id, null, null, null, null, null, 0, 1).WithCancellation(ct)) return row.Payment.ToItem();
        throw DomainException.NotFound("Payment");
    }

    /// <summary>The partner's payments that pass <paramref name="filter"/>, newest first: <paramref name="take"/> of them after <paramref name="skip"/>, and how many pass in all.</summary>
    public async Task<(List<PaymentItem> Items, int Total)> PageAsync(Guid partnerId, PaymentFilter filter, int skip, int take, CancellationToken ct)
    {
        var items = new List<PaymentItem>(take);
        var total = 0;
        await foreach (var row in Query(db, partnerId, null, filter.Status, filter.Gateway, filter.SubscriptionId, filter.FromUtc, filter.ToUtc, skip, take)
            .WithCancellation(ct))
        {
            items.Add(row.Payment.ToItem());
            total = row.Total;
        }
        // An empty page past the first carries no count: the first row does.
        if (items.Count == 0 && skip > 0) return (items, (await PageAsync(partnerId, filter, 0, 1, ct)).Total);
        return (items, total);
    }

    private sealed record CountedRow(PaymentRow Payment, int Total);

    // Compiled once: the list is the finance page's busiest request, and building, parameterising and looking up a LINQ
    // query on every request was a third of its CPU (bench/RESULTS.md, 2026-12-03). A null filter drops out of the SQL:
    // EF keeps one statement per combination of null parameters. The count rides along as an uncorrelated subquery,
    // which PostgreSQL and SQLite run once per statement, so a page is one round trip; its filter repeats the page's
    // because a compiled query's parameters cannot be passed on to a shared predicate.
    private static readonly Func<AppDbContext, Guid, Guid?, PaymentStatus?, PaymentGateway?, Guid?, DateTime?, DateTime?, int, int, IAsyncEnumerable<CountedRow>> Query =
        EF.CompileAsyncQuery((AppDbContext db, Guid partnerId, Guid? id, PaymentStatus? status, PaymentGateway? gateway, Guid? subscriptionId,
                DateTime? fromUtc, DateTime? toUtc, int skip, int take) =>
            db.PartnerPayments.AsNoTracking()
                .Where(p => p.PartnerId == partnerId && (id == null || p.Id == id) && (status == null || p.Status == status)
                    && (gateway == null || p.PaymentGateway == gateway) && (subscriptionId == null || p.SubscriptionId == subscriptionId)
                    && (fromUtc == null || p.CreatedAt >= fromUtc) && (toUtc == null || p.CreatedAt < toUtc))
                .OrderByDescending(p => p.CreatedAt).ThenByDescending(p => p.Id).Skip(skip).Take(take)
                .Select(p => new CountedRow(new PaymentRow
                {
                    Id = p.Id, Status = p.Status, Amount = p.Amount, Currency = p.Currency, InvoiceNumber = p.InvoiceNumber, InvoiceId = p.InvoiceId,
                    SubscriptionId = p.SubscriptionId, Gateway = p.PaymentGateway,
                    ProgramName = ProgramListings.In(db).Where(g => g.Id == p.Subscription!.ProgramId).Select(g => g.Name).FirstOrDefault(),
                    ChargedAmount = p.ChargedAmount, ChargedCurrency = p.ChargedCurrency, Reference = p.TransactionReference,
                    Receipt = p.GatewayResponse.Receipt, Code = p.GatewayResponse.Code, Message = p.GatewayResponse.Message,
                    PeriodStart = p.PeriodStart, PeriodEnd = p.PeriodEnd, CreatedAt = p.CreatedAt, PaidAt = p.PaidAt, ReceiptUrl = p.ReceiptUrl,
                    ApprovalUrl = p.ApprovalUrl,
                }, db.PartnerPayments.Count(c => c.PartnerId == partnerId && (id == null || c.Id == id) && (status == null || c.Status == status)
                    && (gateway == null || c.PaymentGateway == gateway) && (subscriptionId == null || c.SubscriptionId == subscriptionId)
                    && (fromUtc == null || c.CreatedAt >= fromUtc) && (toUtc == null || c.CreatedAt < toUtc)))));
}

/// <summary>The billing history's filters; a null one lets every payment through.</summary>
public sealed record PaymentFilter(PaymentStatus? Status, PaymentGateway? Gateway, Guid? SubscriptionId, DateTime? FromUtc, DateTime? ToUtc);

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
