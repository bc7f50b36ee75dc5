using Elimu.Api.Common;
using Elimu.Api.Partners.Sponsorships;

namespace Elimu.Api.Partners.Finance;

/// <summary>A billing period, first day inclusive, <see cref="End"/> exclusive (the first day of the next one).</summary>
public readonly record struct BillingWindow(DateOnly Start, DateOnly End)
{
    public int Days => End.DayNumber - Start.DayNumber;
    public bool Contains(DateOnly day) => day >= Start && day < End;
    public DateTime StartUtc => NairobiTime.StartOfDayUtc(Start);
    public DateTime EndUtc => NairobiTime.StartOfDayUtc(End);
}

/// <summary>
/// Where billing periods begin and end. Monthly and annual periods count whole months or years from the subscription's
/// anchor day (so a subscription anchored on the 31st bills on the last day of shorter months and comes back to the
/// 31st); a termly period is a school term from <see cref="BillingOptions.Terms"/>, from its first day to the day after
/// its last, and in the holidays between two terms the next term is the period (across a year boundary too: after
/// term 3 comes term 1 of the next year).
/// </summary>
public sealed class BillingPeriods(IReadOnlyList<SchoolTerm> terms)
{
    private readonly SchoolTerm[] _terms = [.. terms.OrderBy(t => t.Start)];

    /// <summary>The period that contains <paramref name="day"/> (termly: or the next term, in the holidays).</summary>
    public BillingWindow Containing(BillingPeriod kind, DateOnly anchor, DateOnly day) => kind switch
    {
        BillingPeriod.monthly => Counted(anchor, day, 1),
        BillingPeriod.annual => Counted(anchor, day, 12),
        BillingPeriod.termly => Term(t => t.End >= day, day),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>The period after <paramref name="current"/>.</summary>
    public BillingWindow After(BillingPeriod kind, DateOnly anchor, BillingWindow current) => kind switch
    {
        BillingPeriod.termly => Term(t => t.Start >= current.End, current.End),
        _ => Containing(kind, anchor, current.End),
    };

    /// <summary>The period before <paramref name="current"/>, or null when there is none (before the first configured term).</summary>
    public BillingWindow? Before(BillingPeriod kind, DateOnly anchor, BillingWindow current)
    {
        if (kind != BillingPeriod.termly) return Containing(kind, anchor, current.Start.AddDays(-1));
        var previous = _terms.LastOrDefault(t => t.End < current.Start);
        return previous is null ? null : new BillingWindow(previous.Start, previous.End.AddDays(1));
    }

    private static BillingWindow Counted(DateOnly anchor, DateOnly day, int months)
    {
        var n = ((day.Year - anchor.Year) * 12 + day.Month - anchor.Month) / months * months;
        // Whole steps from the anchor (never from the previous period), so the 31st survives February.
        while (anchor.AddMonths(n) > day) n -= months;
        while (anchor.AddMonths(n + months) <= day) n += months;
        return new BillingWindow(anchor.AddMonths(n), anchor.AddMonths(n + months));
    }

    private BillingWindow Term(Func<SchoolTerm, bool> from, DateOnly day)
    {
        var term = _terms.FirstOrDefault(from) ?? throw new DomainException(StatusCodes.Status409Conflict, "school_terms_not_configured",
            "The school calendar is not configured that far.",
            $"No school term on or after {day:yyyy-MM-dd} is configured (Billing:Terms); termly billing needs the year's term dates.");
        return new BillingWindow(term.Start, term.End.AddDays(1));
    }
}
