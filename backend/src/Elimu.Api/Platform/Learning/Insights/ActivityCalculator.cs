using Elimu.Api.Platform.Learning.Rollups;

namespace Elimu.Api.Platform.Learning.Insights;

/// <summary>Builds <see cref="ActivitySummary"/> from the child's recent sessions.</summary>
internal static class ActivityCalculator
{
    public static (DateOnly From, DateOnly To) Window(ActivityPeriod period, DateOnly today) => period switch
    {
        ActivityPeriod.day => (today, today),
        ActivityPeriod.week => LearningWeek.Current(today),
        ActivityPeriod.month => (today.AddDays(-29), today),
        _ => throw new ArgumentOutOfRangeException(nameof(period), period, "Unknown activity period."),
    };

    /// <param name="todaySessions">Today's raw sessions, for the hours of the day period (the daily rollups have no hours).</param>
    public static ActivitySummary Build(RecentActivity recent, DateTime? lastActiveAt, ActivityPeriod period, IReadOnlyList<SessionRow> todaySessions)
    {
        var (from, to) = Window(period, recent.Today);
        var figures = recent.DaysOn(from, to).ToDictionary(d => d.Day);
        var days = InsightDates.Days(from, to)
            .Select(d => figures.TryGetValue(d, out var f) ? new DayMinutes(d, f.Minutes, f.Sessions) : new DayMinutes(d, 0, 0))
            .ToList();

        var total = figures.Values.Sum(d => d.Minutes);
        var count = figures.Values.Sum(d => d.Sessions);
        var devices = Enum.GetValues<DeviceKind>().Select(device =>
        {
            var (sessions, minutes) = (figures.Values.Sum(d => d.Devices[device].Sessions), figures.Values.Sum(d => d.Devices[device].Minutes));
            return new DeviceUsage(device, sessions, minutes, InsightDates.Percent(minutes, total));
        }).ToList();

        return new ActivitySummary(
            period, from, to, days,
            period == ActivityPeriod.day ? Hours(todaySessions) : null,
            count,
            total,
            count == 0 ? 0 : InsightDates.Round1((decimal)total / count),
            devices,
            recent.CurrentStreak,
            recent.LongestStreak,
            lastActiveAt,
            LearningWeek.DaysSinceActive(lastActiveAt, recent.Today),
            recent.Engagement);
    }

    /// <summary>The 24 Nairobi hours of a single day, by the hour each session started.</summary>
    private static List<HourMinutes> Hours(IReadOnlyList<SessionRow> sessions)
    {
        var byHour = sessions.ToLookup(s => InsightDates.HourOf(s.StartedAt));
        return Enumerable.Range(0, 24).Select(h => new HourMinutes(h, byHour[h].Sum(s => s.Minutes), byHour[h].Count())).ToList();
    }
}
