using System.Text.Json;
using Elimu.Api.Platform.Learning;
using Elimu.Api.Platform.Learning.Insights;
using Elimu.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Elimu.Api.Tests.Platform.Learning;

// "Today" is Monday 16 March 2026 in Nairobi; the weeks before start on 9 Mar, 2 Mar, 23 Feb, 16 Feb.
public sealed class LearningSignalsTests(ElimuApiFactory api) : IClassFixture<ElimuApiFactory>
{
    private static readonly FixedClock Monday = FixedClock.AtNairobi(2026, 3, 16);

    private Task<LearningSignals> SignalsAsync(Guid student, params GoalSpec[] goals) =>
        api.RunAsync(Monday, s => s.GetSignalsAsync(student, goals, CancellationToken.None));

    private static IEnumerable<string> Codes(LearningSignals s) => s.Warnings.Select(w => w.Code);

    [Theory]
    [InlineData(6, null)]
    [InlineData(7, WarningSeverity.medium)]
    [InlineData(13, WarningSeverity.medium)]
    [InlineData(14, WarningSeverity.high)]
    public async Task Inactive_7_days_fires_from_the_seventh_nairobi_day(int daysAgo, WarningSeverity? severity)
    {
        var last = new DateOnly(2026, 3, 16).AddDays(-daysAgo);
        var student = await new LearningTestData().Session(Eat.At(last.Year, last.Month, last.Day, 23, 30), 20).SaveAsync(api);

        var signals = await SignalsAsync(student);

        var warning = signals.Warnings.SingleOrDefault(w => w.Code == WarningCodes.Inactive7Days);
        Assert.Equal(severity, warning?.Severity);
        Assert.Equal(severity is not null, signals.HasAlert);
        if (warning is not null)
            Assert.Equal($"No learning session for {daysAgo} days (last active {last:yyyy-MM-dd}, Nairobi time).", warning.Message);
    }

    [Fact]
    public async Task A_child_who_never_learned_is_flagged_inactive()
    {
        var signals = await SignalsAsync(await new LearningTestData().SaveAsync(api));

        var warning = Assert.Single(signals.Warnings);
        Assert.Equal((WarningCodes.Inactive7Days, WarningSeverity.high), (warning.Code, warning.Severity));
        Assert.Null(signals.TimePattern.PreferredTimeOfDay);
        Assert.Null(signals.StrongestArea);
        Assert.StartsWith("No sessions yet", signals.SupportTips[0]);
    }

    [Theory]
    [InlineData(new[] { 80.0, 72.0, 65.0 }, true)]          // two falls in a row
    [InlineData(new[] { 80.0, 72.0, 75.0 }, false)]         // the last week rose
    [InlineData(new[] { 90.0, 80.0 }, false)]               // one fall is not a pattern
    [InlineData(new[] { 60.0, 80.0, 79.0, 70.0 }, true)]    // the trailing run counts, not the whole history
    public async Task Score_falling_needs_two_consecutive_weekly_falls(double[] weeklyAverages, bool fires)
    {
        var data = new LearningTestData().Session(Eat.At(2026, 3, 16, 8), 30);
        var math = data.Area("Mathematics");
        // One assessed week every other week (the gaps have no assessments and are skipped), the last one being this week.
        for (var i = 0; i < weeklyAverages.Length; i++)
        {
            var monday = new DateOnly(2026, 3, 16).AddDays(-14 * (weeklyAverages.Length - 1 - i));
            var score = (decimal)weeklyAverages[i];
            data.Assessment(math, score - 5, RubricLevel.AE, Eat.At(monday.Year, monday.Month, monday.Day, 9))
                .Assessment(math, score + 5, RubricLevel.ME, Eat.At(monday.Year, monday.Month, monday.Day, 10));
        }

        var signals = await SignalsAsync(await data.SaveAsync(api));

        Assert.Equal(fires, Codes(signals).Contains(WarningCodes.ScoreFalling));
        Assert.Equal(fires, signals.HasAlert);
        if (weeklyAverages.Length == 3 && fires)
        {
            var warning = signals.Warnings.Single();
            Assert.Equal(WarningSeverity.high, warning.Severity);
            Assert.Equal("Average assessment score fell 2 assessed weeks in a row: 80% → 72% → 65%.", warning.Message);
        }
    }

    [Fact]
    public async Task Goal_at_risk_fires_once_per_goal_at_risk_or_overdue()
    {
        var data = new LearningTestData().Session(Eat.At(2026, 3, 16, 8), 30);
        var student = await data.SaveAsync(api);
        var (atRisk, overdue) = (Guid.NewGuid(), Guid.NewGuid());

        var signals = await SignalsAsync(student,
            new GoalSpec(atRisk, GoalKinds.WeeklyMinutes, null, "150", new DateOnly(2026, 3, 20)),
            new GoalSpec(overdue, GoalKinds.LessonsCompleted, null, "4", new DateOnly(2026, 3, 1)),
            new GoalSpec(Guid.NewGuid(), GoalKinds.StreakDays, null, "1", new DateOnly(2026, 3, 20)),
            new GoalSpec(Guid.NewGuid(), GoalKinds.WeeklyMinutes, null, "40", new DateOnly(2026, 5, 20)));

        Assert.Equal(
        [
            (WarningCodes.GoalAtRisk, WarningSeverity.medium, atRisk, "Goal \"150 minutes a week\" is 20% done with 4 days left."),
            (WarningCodes.GoalAtRisk, WarningSeverity.high, overdue, "Goal \"4 lessons completed\" is 0% done and 15 days past its due date."),
        ], signals.Warnings.Select(w => (w.Code, w.Severity, w.GoalId!.Value, w.Message)));
        Assert.Contains("Review the goals at risk with the child's teacher and adjust the weekly learning plan.", signals.SupportTips);
    }

    [Fact]
    public async Task An_engaged_child_with_rising_scores_has_no_alert()
    {
        var data = new LearningTestData();
        var (math, english) = (data.Area("Mathematics"), data.Area("English"));
        for (var day = 9; day <= 16; day++) data.Session(Eat.At(2026, 3, day, 18), 30);
        data.Assessment(math, 60, RubricLevel.AE, Eat.At(2026, 3, 2)).Assessment(math, 70, RubricLevel.ME, Eat.At(2026, 3, 10))
            .Assessment(english, 82, RubricLevel.EE, Eat.At(2026, 3, 12));

        var signals = await SignalsAsync(await data.SaveAsync(api), new GoalSpec(Guid.NewGuid(), GoalKinds.StreakDays, null, "5", new DateOnly(2026, 3, 20)));

        Assert.Empty(signals.Warnings);
        Assert.False(signals.HasAlert);
        Assert.Equal(("English", 82m), (signals.StrongestArea!.Name, signals.StrongestArea.LatestScore));
        Assert.Equal(("Mathematics", 70m, RubricLevel.ME), (signals.WeakestArea!.Name, signals.WeakestArea.LatestScore, signals.WeakestArea.LatestRubricLevel));
        Assert.Contains("Celebrate the 8-day learning streak.", signals.SupportTips);
    }

    [Fact]
    public async Task Time_pattern_uses_nairobi_hours_and_feeds_the_tips()
    {
        var data = new LearningTestData();
        var (math, english) = (data.Area("Mathematics"), data.Area("English"));
        data.Session(new DateTime(2026, 3, 10, 15, 0, 0, DateTimeKind.Utc), 40)   // Tue 18:00 EAT: evening (15:00 UTC would be afternoon)
            .Session(new DateTime(2026, 3, 11, 16, 30, 0, DateTimeKind.Utc), 30)  // Wed 19:30 EAT: evening
            .Session(Eat.At(2026, 3, 14, 9), 10)                                   // Sat morning
            .Session(Eat.At(2026, 3, 15, 23), 10)                                  // Sun night
            .Session(Eat.At(2026, 3, 16, 13), 10)                                  // Mon afternoon
            .Assessment(math, 48, RubricLevel.AE, Eat.At(2026, 3, 10)).Assessment(english, 77, RubricLevel.ME, Eat.At(2026, 3, 11));

        var signals = await SignalsAsync(await data.SaveAsync(api));

        var p = signals.TimePattern;
        Assert.Equal((TimeOfDay.evening, 5, 20m), (p.PreferredTimeOfDay!.Value, p.Sessions, p.AverageSessionMinutes));
        Assert.Equal([(TimeOfDay.morning, 10), (TimeOfDay.afternoon, 10), (TimeOfDay.evening, 70), (TimeOfDay.night, 10)],
            p.ByTimeOfDay.Select(s => (s.TimeOfDay, s.Minutes)));
        Assert.Equal((80m, 20m), (p.WeekdayPercent, p.WeekendPercent));
        Assert.Equal(
        [
            "Plan short extra practice in Mathematics: the latest score is 48% (Approaching Expectations).",
            "Most learning happens in the evening (70% of minutes); keeping a fixed evening slot protects the habit.",
            "Build on the strength in English (77%).",
        ], signals.SupportTips);
    }

    [Fact]
    public async Task Signals_cost_four_queries_and_serialize_in_camel_case_with_enum_names()
    {
        var data = new LearningTestData();
        var math = data.Area("Mathematics");
        for (var i = 0; i < 30; i++) data.Session(Eat.At(2026, 2, 1, 18).AddDays(i), 20).Assessment(math, 50 + i, RubricLevel.AE, Eat.At(2026, 1, 1).AddDays(i * 2));
        var student = await data.SaveAsync(api);
        GoalSpec[] goals = [new(Guid.NewGuid(), GoalKinds.RubricLevel, math.Code, "ME", new DateOnly(2026, 3, 20))];

        // Rollup days (last session among them), 30 days of sessions for the time-of-day pattern, assessments, completed lessons (ADR 0008).
        Assert.Equal(4, await api.CountQueriesAsync(Monday, s => s.GetSignalsAsync(student, goals, CancellationToken.None)));

        var json = JsonSerializer.Serialize(await SignalsAsync(student, goals),
            api.Services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions);
        Assert.Contains("\"hasAlert\":true", json);
        Assert.Contains("\"code\":\"inactive_7_days\"", json);
        Assert.Contains("\"severity\":\"high\"", json);
        Assert.Contains("\"preferredTimeOfDay\":\"evening\"", json);
    }
}
