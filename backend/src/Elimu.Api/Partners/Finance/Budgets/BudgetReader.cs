using Elimu.Api.Common;
using Elimu.Api.Data;
using Elimu.Api.Partners.Sponsorships;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Partners.Finance.Budgets;

/// <summary>
/// Computes <see cref="BudgetOverview"/> in four queries whatever the number of programs and payments: the budget, the
/// partner's programs, the payments that touch the year, the active subscriptions. Sums are made in memory (SQLite keeps
/// decimals as text) and per currency: only amounts in the budget's currency meet its allocations.
/// </summary>
public sealed class BudgetReader(AppDbContext db, ProgramListings listings, RenewalSchedule renewals, TimeProvider clock)
{
    public async Task<BudgetOverview> OverviewAsync(Guid partnerId, int? year, CancellationToken ct)
    {
        var today = NairobiTime.Today(clock);
        var startMonth = await StartMonthAsync(partnerId, ct);
        var fy = year is { } y ? new FiscalYear(y, startMonth) : FiscalYear.Containing(today, startMonth);
        var budget = await db.PartnerBudgets.AsNoTracking().Include(b => b.Allocations)
            .SingleOrDefaultAsync(b => b.PartnerId == partnerId && b.FiscalYear == fy.Year, ct);
        if (budget is not null) fy = new FiscalYear(budget.FiscalYear, budget.StartMonth);
        var currency = budget?.Currency ?? Money.DefaultCurrency;

        var programs = await listings.OfPartner(partnerId).OrderBy(p => p.Name).Select(p => new { p.Id, p.Name }).ToListAsync(ct);
        var yearHasToday = today >= fy.Start && today < fy.End;
        var (startUtc, endUtc) = (fy.StartUtc, fy.EndUtc);
        var payments = await db.PartnerPayments.AsNoTracking()
            .Where(p => p.PartnerId == partnerId
                && ((p.Status == PaymentStatus.completed && (p.PaidAt ?? p.CreatedAt) >= startUtc && (p.PaidAt ?? p.CreatedAt) < endUtc)
                    || (yearHasToday && p.Status == PaymentStatus.pending)))
            .Select(p => new { p.Amount, p.Currency, p.Status, Day = p.PaidAt ?? p.CreatedAt, p.Subscription!.ProgramId })
            .ToListAsync(ct);
        var subscriptions = await db.PartnerSubscriptions.AsNoTracking()
            .Where(s => s.PartnerId == partnerId && s.Status == SubscriptionStatus.ACTIVE && s.NextBillingDate != null)
            .Select(s => new { s.ProgramId, s.BillingPeriod, s.TotalAmount, s.Currency, s.NextBillingDate })
            .ToListAsync(ct);

        // Every amount as (program, day it falls on, amount, currency, spent or committed).
        var entries = new List<(Guid Program, DateOnly Day, decimal Amount, string Currency, bool Spent)>();
        foreach (var p in payments)
            entries.Add(p.Status == PaymentStatus.completed
                ? (p.ProgramId, DateOnly.FromDateTime(NairobiTime.ToNairobi(p.Day)), p.Amount, p.Currency.ToUpperInvariant(), true)
                : (p.ProgramId, today, p.Amount, p.Currency.ToUpperInvariant(), false));
        var from = today > fy.Start ? today : fy.Start;
        foreach (var s in subscriptions)
        {
            var next = DateOnly.FromDateTime(NairobiTime.ToNairobi(s.NextBillingDate!.Value));
            foreach (var day in renewals.Dates(next, s.BillingPeriod, today, from, fy.End))
                entries.Add((s.ProgramId, day, s.TotalAmount, s.Currency.ToUpperInvariant(), false));
        }

        var mine = entries.Where(e => e.Currency == currency).ToList();
        var allocated = budget?.Allocations.ToDictionary(a => a.ProgramId, a => a.Amount) ?? [];
        var rows = programs
            .Where(p => allocated.ContainsKey(p.Id) || mine.Any(e => e.Program == p.Id))
            .Select(p =>
            {
                var a = allocated.GetValueOrDefault(p.Id);
                var spent = mine.Where(e => e.Program == p.Id && e.Spent).Sum(e => e.Amount);
                var committed = mine.Where(e => e.Program == p.Id && !e.Spent).Sum(e => e.Amount);
                return new ProgramBudget(p.Id, p.Name, a, spent, committed, a - spent - committed);
            }).ToList();
        var totalAllocated = rows.Sum(r => r.Allocated);
        var totals = new BudgetFigures(totalAllocated, mine.Where(e => e.Spent).Sum(e => e.Amount), mine.Where(e => !e.Spent).Sum(e => e.Amount), 0);
        totals = totals with { Remaining = totals.Allocated - totals.Spent - totals.Committed };

        var months = fy.Months.Select(m =>
        {
            var next = m.AddMonths(1);
            var inMonth = mine.Where(e => e.Day >= m && e.Day < next).ToList();
            var kind = next <= today ? "past" : m > today ? "future" : "current";
            return new BudgetMonth(m, inMonth.Where(e => e.Spent).Sum(e => e.Amount), inMonth.Where(e => !e.Spent).Sum(e => e.Amount), kind);
        }).ToList();

        var others = entries.Where(e => e.Currency != currency).GroupBy(e => e.Currency).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new OtherCurrencyFigures(g.Key, g.Where(e => e.Spent).Sum(e => e.Amount), g.Where(e => !e.Spent).Sum(e => e.Amount)))
            .ToList();

        var total = budget?.Total ?? 0m;
        return new BudgetOverview(fy.Year, fy.Label, fy.StartMonth, fy.Start, fy.End.AddDays(-1), budget is not null, currency, total,
            total - totalAllocated, totals, rows, months, others, today);
    }

    /// <summary>The partner's chosen first month (its latest budget's), or the default when it never saved one.</summary>
    public async Task<int> StartMonthAsync(Guid partnerId, CancellationToken ct) =>
        await db.PartnerBudgets.Where(b => b.PartnerId == partnerId).OrderByDescending(b => b.FiscalYear)
            .Select(b => (int?)b.StartMonth).FirstOrDefaultAsync(ct) ?? FiscalYear.DefaultStartMonth;
}
