namespace Elimu.Api.Platform.Learning.Insights;

/// <summary>
/// The child's sessions over the last <see cref="StreakCalculator.LongestStreakWindowDays"/> Nairobi days and the
/// habit figures derived from them, shared by activity, goals and signals so they can never disagree.
/// </summary>
internal sealed class RecentActivity
{
    public DateOnly Today { get; }
    public IReadOnlyList<SessionRow> Sessions { get; }
    public IReadOnlySet<DateOnly> ActiveDays { get; }
    public int CurrentStreak { get; }
    public int LongestStreak { get; }
    public int MinutesLast7Days { get; }
    public int ActiveDaysLast7Days { get; }
    public Engagement Engagement { get; }

    /// <summary>The first Nairobi day whose sessions must be loaded for <paramref name="today"/>.</summary>
    public static DateOnly FirstDay(DateOnly today) => today.AddDays(-(StreakCalculator.LongestStreakWindowDays - 1));

    public RecentActivity(IReadOnlyList<SessionRow> sessions, DateOnly today)
    {
        Today = today;
        Sessions = sessions;
        ActiveDays = sessions.Select(s => InsightDates.DayOf(s.StartedAt)).ToHashSet();
        CurrentStreak = StreakCalculator.Current(ActiveDays, today);
        LongestStreak = StreakCalculator.Longest(ActiveDays, FirstDay(today), today);
        var (weekFrom, weekTo) = LearningWeek.Current(today);
        var last7 = SessionsOn(weekFrom, weekTo).ToList();
        MinutesLast7Days = last7.Sum(s => s.Minutes);
        ActiveDaysLast7Days = last7.Select(s => InsightDates.DayOf(s.StartedAt)).Distinct().Count();
        Engagement = EngagementScore.Compute(MinutesLast7Days, ActiveDaysLast7Days, CurrentStreak);
    }

    /// <summary>Sessions that started on Nairobi days from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public IEnumerable<SessionRow> SessionsOn(DateOnly from, DateOnly to) =>
        Sessions.Where(s => InsightDates.DayOf(s.StartedAt) is var d && d >= from && d <= to);
}
