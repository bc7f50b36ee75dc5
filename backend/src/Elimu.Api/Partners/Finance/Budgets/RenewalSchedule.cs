using Elimu.Api.Partners.Sponsorships;

namespace Elimu.Api.Partners.Finance.Budgets;

/// <summary>
/// When an active subscription bills next, and after that, within a window: monthly and annual step by the calendar,
/// termly to the start of each school term. Term starts come from Budgets:TermStarts ("MM-dd", one per term) so a year's
/// calendar changes without code; the default is Kenya's 2026 school calendar (5 January, 27 April, 24 August).
/// </summary>
public sealed class RenewalSchedule(IConfiguration configuration)
{
    private static readonly string[] DefaultTermStarts = ["01-05", "04-27", "08-24"];

    private readonly (int Month, int Day)[] _terms = [.. (configuration.GetSection("Budgets:TermStarts").Get<string[]>() is { Length: > 0 } t ? t : DefaultTermStarts)
        .Select(s => (int.Parse(s[..2], System.Globalization.CultureInfo.InvariantCulture), int.Parse(s[3..], System.Globalization.CultureInfo.InvariantCulture)))
        .OrderBy(t => t)];

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
        foreach (var year in new[] { day.Year, day.Year + 1 })
            foreach (var (month, d) in _terms)
            {
                var start = new DateOnly(year, month, Math.Min(d, DateTime.DaysInMonth(year, month)));
                if (start > day) return start;
            }
        return day.AddMonths(4);
    }
}
