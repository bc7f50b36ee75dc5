using System.Globalization;
using Elimu.Api.Common;

namespace Elimu.Api.Platform.Learning.Insights;

/// <summary>
/// Calendar arithmetic in Nairobi time. Rows are stored in UTC, but a child's "day" and "week" are the ones
/// on the wall clock in Kenya: a session at 22:30 UTC belongs to the next Nairobi day (01:30 EAT).
/// </summary>
internal static class InsightDates
{
    public static DateOnly DayOf(DateTime utc) => DateOnly.FromDateTime(NairobiTime.ToNairobi(utc));

    public static int HourOf(DateTime utc) => NairobiTime.ToNairobi(utc).Hour;

    /// <summary>Weeks start on Monday, as school weeks do.</summary>
    public static DateOnly WeekStart(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    public static bool IsWeekend(DateOnly day) => day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    /// <summary>The UTC instant at which the Nairobi day <paramref name="day"/> starts, for query bounds.</summary>
    public static DateTime StartUtc(DateOnly day) => NairobiTime.StartOfDayUtc(day);

    /// <summary>Every day from <paramref name="from"/> to <paramref name="to"/>, both included.</summary>
    public static IEnumerable<DateOnly> Days(DateOnly from, DateOnly to)
    {
        for (var d = from; d <= to; d = d.AddDays(1)) yield return d;
    }

    public static decimal Round1(decimal value) => Math.Round(value, 1, MidpointRounding.AwayFromZero);

    /// <summary>Part of a whole as a percentage with one decimal; 0 when the whole is 0.</summary>
    public static decimal Percent(decimal part, decimal whole) => whole == 0 ? 0 : Round1(part * 100m / whole);

    /// <summary>A figure for a sentence: at most one decimal, invariant culture ("47.5", "60").</summary>
    public static string Num(decimal value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
