using Elimu.Api.Platform.Learning;
using Elimu.Api.Platform.Learning.Insights;
using Elimu.Api.Tests.Infrastructure;

namespace Elimu.Api.Tests.Platform.Learning;

// "Today" is Monday 16 March 2026, 12:00 in Nairobi: Thu 12, Fri 13, Sat 14, Sun 15 are the days before.
public sealed class ActivityInsightsTests(ElimuApiFactory api) : IClassFixture<ElimuApiFactory>
{
    private static readonly FixedClock Monday = FixedClock.AtNairobi(2026, 3, 16);

    private Task<ActivitySummary> ActivityAsync(Guid student, ActivityPeriod period = ActivityPeriod.week, TimeProvider? clock = null) =>
        api.RunAsync(clock ?? Monday, s => s.GetActivityAsync(student, period, CancellationToken.None));

    [Fact]
    public async Task A_weekend_without_sessions_breaks_the_streak()
    {
        var student = await new LearningTestData()
            .Session(Eat.At(2026, 3, 13, 18), 30)
            .Session(Eat.At(2026, 3, 16, 8), 20)
            .SaveAsync(api);

        var activity = await ActivityAsync(student);

        Assert.Equal(1, activity.CurrentStreak);
        Assert.Equal(1, activity.LongestStreak);
    }

    [Fact]
    public async Task Thursday_to_monday_every_day_is_a_five_day_streak()
    {
        var data = new LearningTestData();
        for (var day = 12; day <= 16; day++) data.Session(Eat.At(2026, 3, day, 9), 15);
        var student = await data.SaveAsync(api);

        var activity = await ActivityAsync(student);

        Assert.Equal(5, activity.CurrentStreak);
        Assert.Equal(5, activity.LongestStreak);
    }

    [Fact]
    public async Task A_streak_holds_until_a_whole_day_passes_without_a_session()
    {
        var student = await new LearningTestData()
            .Session(Eat.At(2026, 3, 14, 10), 20)
            .Session(Eat.At(2026, 3, 15, 10), 20)
            .SaveAsync(api);

        Assert.Equal(2, (await ActivityAsync(student)).CurrentStreak);                                     // Monday, not yet learned today
        Assert.Equal(0, (await ActivityAsync(student, clock: FixedClock.AtNairobi(2026, 3, 17))).CurrentStreak); // Tuesday: Monday was missed
        Assert.Equal(2, (await ActivityAsync(student, clock: FixedClock.AtNairobi(2026, 3, 17))).LongestStreak);
    }

    [Fact]
    public async Task Longest_streak_looks_back_120_days_only()
    {
        var data = new LearningTestData();
        for (var day = 5; day <= 10; day++) data.Session(Eat.At(2026, 1, day, 17), 10);   // 6 days in January
        for (var day = 1; day <= 10; day++) data.Session(Eat.At(2025, 10, day, 17), 10);  // 10 days, 5+ months ago
        data.Session(Eat.At(2026, 3, 15, 17), 10).Session(Eat.At(2026, 3, 16, 7), 10);
        var student = await data.SaveAsync(api);

        var activity = await ActivityAsync(student);

        Assert.Equal(2, activity.CurrentStreak);
        Assert.Equal(6, activity.LongestStreak);
    }

    [Fact]
    public async Task A_session_at_22_30_utc_counts_on_the_next_nairobi_day()
    {
        var student = await new LearningTestData()
            .Session(new DateTime(2026, 3, 14, 22, 30, 0, DateTimeKind.Utc), 40)  // Sunday 15th, 01:30 EAT
            .Session(new DateTime(2026, 3, 13, 20, 59, 0, DateTimeKind.Utc), 5)   // Friday 13th, 23:59 EAT
            .Session(Eat.At(2026, 3, 16, 10), 25)
            .SaveAsync(api);

        var activity = await ActivityAsync(student);

        Assert.Equal(40, activity.Days.Single(d => d.Date == new DateOnly(2026, 3, 15)).Minutes);
        Assert.Equal(0, activity.Days.Single(d => d.Date == new DateOnly(2026, 3, 14)).Minutes);
        Assert.Equal(5, activity.Days.Single(d => d.Date == new DateOnly(2026, 3, 13)).Minutes);
        Assert.Equal(2, activity.CurrentStreak); // Sunday and Monday in Nairobi; in UTC it would be Saturday, and broken
    }

    [Fact]
    public async Task Week_and_month_list_every_day_with_totals_and_devices()
    {
        var student = await new LearningTestData()
            .Session(Eat.At(2026, 3, 16, 8), 30, DeviceKind.mobile)
            .Session(Eat.At(2026, 3, 16, 17), 20, DeviceKind.tablet)
            .Session(Eat.At(2026, 3, 12, 18), 50, DeviceKind.mobile)
            .Session(Eat.At(2026, 3, 9, 18), 40, DeviceKind.shared_lab)   // 8th day back: month only
            .Session(Eat.At(2026, 2, 14, 18), 99, DeviceKind.desktop)     // 31st day back: neither
            .SaveAsync(api);

        var week = await ActivityAsync(student, ActivityPeriod.week);
        Assert.Equal((new DateOnly(2026, 3, 10), new DateOnly(2026, 3, 16)), (week.From, week.To));
        Assert.Equal([0, 0, 50, 0, 0, 0, 50], week.Days.Select(d => d.Minutes));
        Assert.Equal(Enumerable.Range(10, 7).Select(d => new DateOnly(2026, 3, d)), week.Days.Select(d => d.Date));
        Assert.Equal((3, 100, 33.3m), (week.SessionCount, week.TotalMinutes, week.AverageSessionMinutes));
        Assert.Null(week.Hours);
        var devices = week.Devices.ToDictionary(d => d.Device);
        Assert.Equal(4, devices.Count);
        Assert.Equal((2, 80, 80m), (devices[DeviceKind.mobile].Sessions, devices[DeviceKind.mobile].Minutes, devices[DeviceKind.mobile].Percent));
        Assert.Equal((1, 20, 20m), (devices[DeviceKind.tablet].Sessions, devices[DeviceKind.tablet].Minutes, devices[DeviceKind.tablet].Percent));
        Assert.Equal(0, devices[DeviceKind.desktop].Sessions);

        var month = await ActivityAsync(student, ActivityPeriod.month);
        Assert.Equal(30, month.Days.Count);
        Assert.Equal(new DateOnly(2026, 2, 15), month.From);
        Assert.Equal((4, 140), (month.SessionCount, month.TotalMinutes));

        var day = await ActivityAsync(student, ActivityPeriod.day);
        Assert.Equal(new DayMinutes(new DateOnly(2026, 3, 16), 50, 2), Assert.Single(day.Days));
        Assert.Equal(24, day.Hours!.Count);
        Assert.Equal(30, day.Hours[8].Minutes);
        Assert.Equal(20, day.Hours[17].Minutes);
        Assert.Equal(50, day.Hours.Sum(h => h.Minutes));
    }

    [Fact]
    public async Task Engagement_follows_the_published_formula()
    {
        // Last 7 days (10–16 March): 90 minutes on 3 days, streak of 2 (Sunday, Monday).
        // 40 × 90/150 + 30 × 3/5 + 30 × 2/7 = 24 + 18 + 8.57 = 50.57 → 51
        var student = await new LearningTestData()
            .Session(Eat.At(2026, 3, 12, 18), 30).Session(Eat.At(2026, 3, 15, 18), 30).Session(Eat.At(2026, 3, 16, 8), 30)
            .SaveAsync(api);

        var engagement = (await ActivityAsync(student)).Engagement;

        Assert.Equal(new Engagement(51, EngagementScore.Formula, 90, 3, 2), engagement);
        Assert.Contains("150", engagement.Formula);
    }

    [Fact]
    public async Task Engagement_is_capped_at_100_and_zero_without_sessions()
    {
        var busy = new LearningTestData();
        for (var day = 8; day <= 16; day++) busy.Session(Eat.At(2026, 3, day, 16), 45);
        var busyId = await busy.SaveAsync(api);
        var idleId = await new LearningTestData().SaveAsync(api);

        var full = await ActivityAsync(busyId);
        var idle = await ActivityAsync(idleId);

        Assert.Equal((100, 315, 7, 9), (full.Engagement.Score, full.Engagement.MinutesLast7Days, full.Engagement.ActiveDaysLast7Days, full.CurrentStreak));
        Assert.Equal(0, idle.Engagement.Score);
        Assert.Null(idle.LastActiveAt);
        Assert.Null(idle.DaysSinceLastActive);
        Assert.All(idle.Days, d => Assert.Equal(0, d.Minutes));
    }

    [Fact]
    public async Task Last_active_is_found_even_beyond_the_streak_window()
    {
        var lastUtc = Eat.At(2025, 8, 1, 9, 15);
        var student = await new LearningTestData().Session(Eat.At(2025, 7, 30, 9), 10).Session(lastUtc, 10).SaveAsync(api);

        var activity = await ActivityAsync(student);

        Assert.Equal(lastUtc, activity.LastActiveAt);
        Assert.Equal(227, activity.DaysSinceLastActive); // 1 Aug 2025 → 16 Mar 2026
        Assert.Equal(0, activity.LongestStreak);
    }

    [Fact]
    public async Task Activity_costs_one_query_however_many_sessions_and_a_second_only_for_a_child_idle_all_window()
    {
        var data = new LearningTestData();
        for (var i = 0; i < 60; i++) data.Session(Eat.At(2026, 3, 16, 0).AddHours(-i * 7), 5 + i % 3, (DeviceKind)(i % 4));
        var student = await data.SaveAsync(api);

        Assert.Equal(1, await api.CountQueriesAsync(Monday, s => s.GetActivityAsync(student, ActivityPeriod.month, CancellationToken.None)));
        // "Last active" of a child with no session in the days read looks further back (see Last_active_is_found_even_beyond_the_streak_window).
        var idle = await new LearningTestData().Session(Eat.At(2025, 8, 1, 9), 10).SaveAsync(api);
        Assert.Equal(2, await api.CountQueriesAsync(Monday, s => s.GetActivityAsync(idle, ActivityPeriod.month, CancellationToken.None)));
    }
}
