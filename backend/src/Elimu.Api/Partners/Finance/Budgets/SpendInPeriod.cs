using Elimu.Api.Common;
using Elimu.Api.Data;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Partners.Finance.Budgets;

/// <summary>What the partner paid in a span of Nairobi days, and the share of its budgets that falls in the span.</summary>
/// <param name="Budget">The allocation (or the total, for all programs) of each fiscal year the span touches, pro rata to
/// the span's days in that year; null when no budget covers any of it.</param>
public sealed record PeriodSpend(decimal Spent, decimal? Budget, string Currency);

/// <summary>
/// Finance's answer to Analytics: completed payments (by the day they were paid) and budgets, per program or in total. Two
/// queries whatever the number of payments; only amounts in the budget's currency (KES when there is none) count.
/// </summary>
public sealed class SpendInPeriod(AppDbContext db)
{
    public async Task<PeriodSpend> ReadAsync(Guid partnerId, Guid? programId, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var budgets = await db.PartnerBudgets.AsNoTracking().Include(b => b.Allocations).Where(b => b.PartnerId == partnerId).ToListAsync(ct);
        var (startUtc, endUtc) = (NairobiTime.StartOfDayUtc(from), NairobiTime.StartOfDayUtc(to.AddDays(1)));
        var payments = await db.PartnerPayments.AsNoTracking()
            .Where(p => p.PartnerId == partnerId && p.Status == PaymentStatus.completed
                && (p.PaidAt ?? p.CreatedAt) >= startUtc && (p.PaidAt ?? p.CreatedAt) < endUtc
                && (programId == null || p.Subscription!.ProgramId == programId))
            .Select(p => new { p.Amount, p.Currency }).ToListAsync(ct);

        var currency = budgets.OrderByDescending(b => b.FiscalYear).Select(b => b.Currency).FirstOrDefault() ?? Money.DefaultCurrency;
        // Sums in memory: SQLite keeps decimals as text.
        var spent = payments.Where(p => string.Equals(p.Currency, currency, StringComparison.OrdinalIgnoreCase)).Sum(p => p.Amount);

        decimal? budget = null;
        foreach (var b in budgets.Where(b => b.Currency == currency))
        {
            var fy = new FiscalYear(b.FiscalYear, b.StartMonth);
            var first = from > fy.Start ? from : fy.Start;
            var last = to < fy.End.AddDays(-1) ? to : fy.End.AddDays(-1);
            if (last < first) continue;
            var amount = programId is { } id ? b.Allocations.Where(a => a.ProgramId == id).Sum(a => a.Amount) : b.Total;
            var share = (decimal)(last.DayNumber - first.DayNumber + 1) / (fy.End.DayNumber - fy.Start.DayNumber);
            budget = (budget ?? 0) + Math.Round(amount * share, 2);
        }
        return new PeriodSpend(spent, budget, currency);
    }
}
