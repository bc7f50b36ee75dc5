using Elimu.Api.Common;
using Elimu.Api.Data;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Partners.Finance;

/// <summary>A partner's billing for a period, one entry per currency it has payments in: KES is never added to USD.</summary>
/// <param name="Currencies">Per-currency figures, KES first; a partner without payments gets one KES entry of zeros.</param>
/// <param name="PendingPayments">Payments still pending or failed, in every currency.</param>
public sealed record BillingSummary(DateOnly PeriodStart, DateOnly PeriodEnd, IReadOnlyList<CurrencyBilling> Currencies, int PendingPayments);

/// <param name="BilledThisPeriod">Payments whose billing period starts in the period, except refunded ones.</param>
/// <param name="PaidThisPeriod">Completed payments received in the period.</param>
/// <param name="Outstanding">Everything still pending or failed, whatever its period.</param>
/// <param name="PendingPayments">How many payments make up <paramref name="Outstanding"/>.</param>
public sealed record CurrencyBilling(string Currency, Money BilledThisPeriod, Money PaidThisPeriod, Money Outstanding, int PendingPayments);

public sealed class BillingStats(AppDbContext db)
{
    public const string DefaultCurrency = Money.DefaultCurrency;

    /// <summary>One query: the partner's payments that touch the period or are still open, summed in memory per currency.</summary>
    public async Task<BillingSummary> SummaryAsync(Guid partnerId, DateTime fromUtc, DateTime toUtc, DateOnly start, DateOnly end, CancellationToken ct)
    {
        var rows = (await db.PartnerPayments
            .Where(p => p.PartnerId == partnerId
                && ((p.PeriodStart >= fromUtc && p.PeriodStart < toUtc)
                    || (p.PaidAt >= fromUtc && p.PaidAt < toUtc)
                    || p.Status == PaymentStatus.pending || p.Status == PaymentStatus.failed))
            .Select(p => new { p.Amount, p.Currency, p.Status, p.PeriodStart, p.PaidAt })
            .ToListAsync(ct))
            .Select(p => new { Money = new Money(p.Amount, p.Currency), p.Status, p.PeriodStart, p.PaidAt }).ToList();

        var currencies = rows.Count == 0 ? [DefaultCurrency] : Money.TotalsByCurrency(rows.Select(r => r.Money)).Select(m => m.Currency).ToList();
        var perCurrency = currencies.Select(currency =>
        {
            var mine = rows.Where(r => r.Money.Currency == currency).ToList();
            Money Sum(IEnumerable<Money> amounts) => amounts.Aggregate(Money.Zero(currency), (total, m) => total + m);
            var open = mine.Where(p => p.Status is PaymentStatus.pending or PaymentStatus.failed).ToList();
            return new CurrencyBilling(currency,
                Sum(mine.Where(p => p.PeriodStart >= fromUtc && p.PeriodStart < toUtc && p.Status != PaymentStatus.refunded).Select(p => p.Money)),
                Sum(mine.Where(p => p.Status == PaymentStatus.completed && p.PaidAt >= fromUtc && p.PaidAt < toUtc).Select(p => p.Money)),
                Sum(open.Select(p => p.Money)),
                open.Count);
        }).ToList();
        return new(start, end, perCurrency, perCurrency.Sum(c => c.PendingPayments));
    }

    /// <summary>
    /// Completed payments received in [<paramref name="fromUtc"/>, <paramref name="toUtc"/>), for one program's
    /// subscriptions or all, per currency (KES first; one KES zero when there are none): an impact report's spend.
    /// </summary>
    public async Task<IReadOnlyList<Money>> PaidAsync(Guid partnerId, Guid? programId, DateTime fromUtc, DateTime toUtc, CancellationToken ct)
    {
        var paid = (await db.PartnerPayments
            .Where(p => p.PartnerId == partnerId && p.Status == PaymentStatus.completed && p.PaidAt >= fromUtc && p.PaidAt < toUtc
                && (programId == null || p.Subscription!.ProgramId == programId))
            .Select(p => new { p.Amount, p.Currency }).ToListAsync(ct))
            .Select(p => new Money(p.Amount, p.Currency)).ToList();
        return paid.Count == 0 ? [Money.Zero(DefaultCurrency)] : Money.TotalsByCurrency(paid);
    }

    /// <summary>
    /// As <see cref="PaidAsync"/> (completed payments received in the span), per program of <paramref name="programIds"/>
    /// and currency, in one query: a grant's spend on each program it funds. Programs without payments are absent.
    /// </summary>
    public async Task<ILookup<Guid, Money>> PaidPerProgramAsync(Guid partnerId, IReadOnlyCollection<Guid> programIds, DateTime fromUtc, DateTime toUtc,
        CancellationToken ct)
    {
        var rows = await db.PartnerPayments
            .Where(p => p.PartnerId == partnerId && p.Status == PaymentStatus.completed && p.PaidAt >= fromUtc && p.PaidAt < toUtc
                && programIds.Contains(p.Subscription!.ProgramId))
            .Select(p => new { p.Subscription!.ProgramId, p.Amount, p.Currency }).ToListAsync(ct);
        // Summed in memory: SQLite keeps decimals as text.
        return rows.GroupBy(r => r.ProgramId)
            .SelectMany(g => Money.TotalsByCurrency(g.Select(r => new Money(r.Amount, r.Currency))).Select(m => (g.Key, m)))
            .ToLookup(x => x.Key, x => x.m);
    }
}
