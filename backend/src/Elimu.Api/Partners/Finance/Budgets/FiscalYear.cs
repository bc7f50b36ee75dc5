using Elimu.Api.Common;

namespace Elimu.Api.Partners.Finance.Budgets;

/// <summary>
/// A fiscal year in Nairobi days: twelve months from the first day of <see cref="StartMonth"/> of <see cref="Year"/>.
/// The default start is July because Kenya's government financial year runs 1 July to 30 June, and the county bursaries,
/// CDF education funds and many local donors an NGO here reports to follow it; a partner on calendar years chooses 1.
/// </summary>
public readonly record struct FiscalYear(int Year, int StartMonth)
{
    public const int DefaultStartMonth = 7;

    public DateOnly Start => new(Year, StartMonth, 1);
    /// <summary>The first day after the year.</summary>
    public DateOnly End => Start.AddYears(1);
    public DateTime StartUtc => NairobiTime.StartOfDayUtc(Start);
    public DateTime EndUtc => NairobiTime.StartOfDayUtc(End);

    /// <summary>"2026" for a calendar year, "2026/27" for one that starts later in the year.</summary>
    public string Label => StartMonth == 1 ? $"{Year}" : $"{Year}/{(Year + 1) % 100:00}";

    /// <summary>The twelve months, as the first day of each.</summary>
    public IEnumerable<DateOnly> Months
    {
        get
        {
            var start = Start;
            return Enumerable.Range(0, 12).Select(i => start.AddMonths(i));
        }
    }

    /// <summary>The fiscal year that holds <paramref name="day"/>.</summary>
    public static FiscalYear Containing(DateOnly day, int startMonth) =>
        new(day.Month >= startMonth ? day.Year : day.Year - 1, startMonth);
}
