using Elimu.Api.Common;

namespace Elimu.Api.Platform.Learning;

/// <summary>
/// The one definition of a learning week (ADR 0005): the last 7 Nairobi calendar days, today included. "Minutes this
/// week", the card's trend, weekly-minutes goals, engagement and "inactive for 7 days" all count these days, so the
/// same label shows the same number on every surface. A session belongs to the Nairobi day on which it started.
/// </summary>
public static class LearningWeek
{
    public const int Days = 7;

    /// <summary>Today and the six Nairobi days before it.</summary>
    public static (DateOnly From, DateOnly To) Current(DateOnly today) => (today.AddDays(-(Days - 1)), today);

    /// <summary>The seven Nairobi days before <see cref="Current"/>: what "last week" on the card compares against.</summary>
    public static (DateOnly From, DateOnly To) Previous(DateOnly today) => (today.AddDays(-(2 * Days - 1)), today.AddDays(-Days));

    /// <summary>The UTC instant the Nairobi day <paramref name="day"/> starts, for query bounds.</summary>
    public static DateTime StartUtc(DateOnly day) => NairobiTime.StartOfDayUtc(day);

    /// <summary>The UTC instant today ends; sessions at or after it (clock skew, bad data) are not counted.</summary>
    public static DateTime EndOfTodayUtc(DateOnly today) => StartUtc(today.AddDays(1));

    /// <summary>A child is inactive when no session started on any day of the current week, i.e. before this instant.</summary>
    public static DateTime InactiveBeforeUtc(DateOnly today) => StartUtc(Current(today).From);

    /// <summary>Whole Nairobi days since the last session (0 = learned today); null when there has never been one.</summary>
    public static int? DaysSinceActive(DateTime? lastActiveUtc, DateOnly today) =>
        lastActiveUtc is { } last ? today.DayNumber - DateOnly.FromDateTime(NairobiTime.ToNairobi(last)).DayNumber : null;

    /// <summary>"Inactive for 7 days": never active, or no session in the current week.</summary>
    public static bool IsInactive(DateTime? lastActiveUtc, DateOnly today) => DaysSinceActive(lastActiveUtc, today) is null or >= Days;
}
