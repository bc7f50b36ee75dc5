using Elimu.Api.Platform.Learning.Rollups;

namespace Elimu.Api.Platform.Learning.Insights;

/// <summary>
/// The child's learning days over the last <see cref="StreakCalculator.LongestStreakWindowDays"/> Nairobi days (from the
/// daily rollups) and the habit figures derived from them, shared by activity, goals, signals and the children list so
/// they can never disagree. <see cref="Sessions"/> holds raw sessions only where a figure needs the hour of day.
/// </summary>
internal sealed class RecentActivity
{
    public DateOnly Today { get; }
    public IReadOnlyList<DayFigures> Days { get; }
    public IReadOnlyList<SessionRow> Sessions { get; }
    public IReadOnlySet<DateOnly> ActiveDays { get; }
    public int CurrentStreak { get; }
    public int LongestStreak { get; }
    public int MinutesLast7Days { get; }
    public int ActiveDaysLast7Days { get; }
    public Engagement Engagement { get; }

    /// <summary>The first Nairobi day whose figures must be loaded for <paramref name="today"/>.</summary>
    public static DateOnly FirstDay(DateOnly today) => today.AddDays(-(StreakCalculator.LongestStreakWindowDays - 1));

    public RecentActivity(IReadOnlyList<DayFigures> days, DateOnly today, IReadOnlyList<SessionRow>? sessions = null)
    {
        Today = today;
        Days = days;
        Sessions = sessions ?? [];
        ActiveDays = days.Where(d => d.Sessions > 0).Select(d => d.Day).ToHashSet();
        CurrentStreak = StreakCalculator.Current(ActiveDays, today);
        LongestStreak = StreakCalculator.Longest(ActiveDays, FirstDay(today), today);
        var (weekFrom, weekTo) = LearningWeek.Current(today);
        var last7 = DaysOn(weekFrom, weekTo).ToList();
        MinutesLast7Days = last7.Sum(d => d.Minutes);
        ActiveDaysLast7Days = last7.Count(d => d.Sessions > 0);
        Engagement = EngagementScore.Compute(MinutesLast7Days, ActiveDaysLast7Days, CurrentStreak);
    }

    /// <summary>The days from <paramref name="from"/> to <paramref name="to"/> that have figures.</summary>
    public IEnumerable<DayFigures> DaysOn(DateOnly from, DateOnly to) => Days.Where(d => d.Day >= from && d.Day <= to);

    /// <summary>Raw sessions (when loaded) that started on Nairobi days from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public IEnumerable<SessionRow> SessionsOn(DateOnly from, DateOnly to) =>
        Sessions.Where(s => InsightDates.DayOf(s.StartedAt) is var d && d >= from && d <= to);
}
