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

    public static ActivitySummary Build(RecentActivity recent, DateTime? lastActiveAt, ActivityPeriod period)
    {
        var (from, to) = Window(period, recent.Today);
        var sessions = recent.SessionsOn(from, to).ToList();
        var byDay = sessions.ToLookup(s => InsightDates.DayOf(s.StartedAt));
        var days = InsightDates.Days(from, to)
            .Select(d => new DayMinutes(d, byDay[d].Sum(s => s.Minutes), byDay[d].Count()))
            .ToList();

        var total = sessions.Sum(s => s.Minutes);
        var devices = Enum.GetValues<DeviceKind>().Select(device =>
        {
            var used = sessions.Where(s => s.Device == device).ToList();
            var minutes = used.Sum(s => s.Minutes);
            return new DeviceUsage(device, used.Count, minutes, InsightDates.Percent(minutes, total));
        }).ToList();

        return new ActivitySummary(
            period, from, to, days,
            period == ActivityPeriod.day ? Hours(sessions) : null,
            sessions.Count,
            total,
            sessions.Count == 0 ? 0 : InsightDates.Round1((decimal)total / sessions.Count),
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
