using Elimu.Api.Partners.Sponsorships;
using Microsoft.Extensions.Options;

namespace Elimu.Api.Partners.Finance.Budgets;

/// <summary>
/// When an active subscription bills next, and after that, within a window: monthly and annual step by the calendar,
/// termly to the start of each school term. The terms are billing's (Billing:Terms, <see cref="BillingOptions"/>): one
/// school calendar in configuration, so a forecast bills on the days invoices will be issued. Past the last configured year
/// (a forecast may look further than the Ministry has published) the last year's term days are taken again, a year later.
/// </summary>
public sealed class RenewalSchedule(IOptionsMonitor<BillingOptions> billing)
{
    /// <summary>
    /// Billing days in [<paramref name="from"/>, <paramref name="to"/>): the next billing date and its successors. A next
    /// billing date before <paramref name="today"/> (the renewal job has not billed it yet) is still owed: it counts once, today.
    /// </summary>
    public IEnumerable<DateOnly> Dates(DateOnly next, BillingPeriod period, DateOnly today, DateOnly from, DateOnly to)
    {
        var day = next;
        if (day < today && today >= from && today < to) yield return today;
        while (day < from || day < today) day = After(day, period);
        for (; day < to; day = After(day, period)) yield return day;
    }

    private DateOnly After(DateOnly day, BillingPeriod period) => period switch
    {
        BillingPeriod.monthly => day.AddMonths(1),
        BillingPeriod.annual => day.AddYears(1),
        _ => NextTermStart(day),
    };

    private DateOnly NextTermStart(DateOnly day)
    {
        var starts = billing.CurrentValue.Terms.Select(t => t.Start).Order().ToList();
        if (starts.Count == 0) return day.AddMonths(4);
        foreach (var start in starts)
            if (start > day) return start;
        var lastYear = starts[^1].Year;
        var pattern = starts.Where(s => s.Year == lastYear).ToList();
        for (var shift = 1; ; shift++)
            foreach (var start in pattern)
            {
                var later = new DateOnly(start.Year + shift, start.Month, Math.Min(start.Day, DateTime.DaysInMonth(start.Year + shift, start.Month)));
                if (later > day) return later;
            }
    }
}
