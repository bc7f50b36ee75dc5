using Elimu.Api.Common;
using Elimu.Api.Partners.Finance;
using Microsoft.Extensions.Options;

namespace Elimu.Api.Partners.Analytics;

/// <summary>
/// Which days an impact report covers (first and last, inclusive): a calendar month, a school term from Billing:Terms
/// (in the holidays, the term just ended), a calendar year, or the partner's own range. A period still running ends
/// today; the report compares it with the period of the same length just before it.
/// </summary>
public sealed class ImpactReportPeriods(IOptionsMonitor<BillingOptions> billing)
{
    public const int MaxCustomDays = 366;

    public (ReportType Type, DateOnly From, DateOnly To) Resolve(GenerateImpactReportRequest r, DateOnly today)
    {
        var v = new Validation();
        ReportType type = default;
        v.Check(Enum.TryParse(r.Period, ignoreCase: false, out type) && Enum.IsDefined(type), "period", "Use monthly, termly, annual or custom.");
        v.ThrowIfInvalid();
        v.Date("from", r.From).Date("to", r.To).ThrowIfInvalid();
        var day = r.From ?? today;
        if (type != ReportType.custom) v.Check(day <= today, "from", "A report covers days that have begun: name a day up to today.");
        if (type == ReportType.custom)
        {
            v.Check(r.From is not null, "from", "A custom period needs its first day.");
            v.Check(r.To is not null, "to", "A custom period needs its last day.");
            v.ThrowIfInvalid();
            v.Check(r.From <= r.To, "to", "The last day comes on or after the first.");
            v.Check(r.From <= today, "from", "A report covers days that have begun: the first day is today at the latest.");
            v.Check(r.To!.Value.DayNumber - r.From!.Value.DayNumber < MaxCustomDays, "to", $"A custom period is at most {MaxCustomDays} days.");
        }
        v.ThrowIfInvalid();
        var (from, to) = type switch
        {
            ReportType.monthly => (new DateOnly(day.Year, day.Month, 1), new DateOnly(day.Year, day.Month, 1).AddMonths(1).AddDays(-1)),
            ReportType.annual => (new DateOnly(day.Year, 1, 1), new DateOnly(day.Year, 12, 31)),
            ReportType.termly => Term(day),
            _ => (r.From!.Value, r.To!.Value),
        };
        return (type, from, to < today ? to : today);
    }

    private (DateOnly, DateOnly) Term(DateOnly day)
    {
        var term = billing.CurrentValue.Terms.Where(t => t.Start <= day).OrderByDescending(t => t.Start).FirstOrDefault()
            ?? throw new ValidationFailedException(new Dictionary<string, string[]>
            {
                ["from"] = [$"No school term starts on or before {day:yyyy-MM-dd} in the configured calendar (Billing:Terms)."],
            });
        return (term.Start, term.End);
    }
}
