using Elimu.Api.Data;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Partners.Finance;

/// <param name="BilledThisPeriod">Payments whose billing period starts in the period, except refunded ones.</param>
/// <param name="PaidThisPeriod">Completed payments received in the period.</param>
/// <param name="Outstanding">Everything still pending or failed, whatever its period.</param>
public sealed record BillingSummary(string Currency, DateOnly PeriodStart, DateOnly PeriodEnd,
    decimal BilledThisPeriod, decimal PaidThisPeriod, decimal Outstanding, int PendingPayments);

public sealed class BillingStats(AppDbContext db)
{
    public const string DefaultCurrency = "KES";

    /// <summary>One query: the partner's payments that touch the period or are still open, summed in memory.</summary>
    public async Task<BillingSummary> SummaryAsync(Guid partnerId, DateTime fromUtc, DateTime toUtc, DateOnly start, DateOnly end, CancellationToken ct)
    {
        var rows = await db.PartnerPayments
            .Where(p => p.PartnerId == partnerId
                && ((p.PeriodStart >= fromUtc && p.PeriodStart < toUtc)
                    || (p.PaidAt >= fromUtc && p.PaidAt < toUtc)
                    || p.Status == PaymentStatus.pending || p.Status == PaymentStatus.failed))
            .Select(p => new { p.Amount, p.Currency, p.Status, p.PeriodStart, p.PaidAt })
            .ToListAsync(ct);

        var billed = rows.Where(p => p.PeriodStart >= fromUtc && p.PeriodStart < toUtc && p.Status != PaymentStatus.refunded).Sum(p => p.Amount);
        var paid = rows.Where(p => p.Status == PaymentStatus.completed && p.PaidAt >= fromUtc && p.PaidAt < toUtc).Sum(p => p.Amount);
        var open = rows.Where(p => p.Status is PaymentStatus.pending or PaymentStatus.failed).ToList();
        var currency = rows.Select(p => p.Currency).FirstOrDefault() ?? DefaultCurrency;
        return new(currency, start, end, billed, paid, open.Sum(p => p.Amount), open.Count);
    }
}
