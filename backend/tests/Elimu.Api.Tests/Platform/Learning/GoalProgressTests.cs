using Elimu.Api.Common;
using Elimu.Api.Platform.Learning;
using Elimu.Api.Platform.Learning.Insights;
using Elimu.Api.Tests.Infrastructure;

namespace Elimu.Api.Tests.Platform.Learning;

// "Today" is Monday 16 March 2026 in Nairobi. The child: 100 minutes in the last 7 days, a 3-day streak
// (Sat–Mon), latest Mathematics rubric AE, 5 lessons completed (2 in February, 3 since 1 March).
public sealed class GoalProgressTests(ElimuApiFactory api) : IClassFixture<ElimuApiFactory>
{
    private static readonly FixedClock Monday = FixedClock.AtNairobi(2026, 3, 16);

    private async Task<(Guid Student, string MathCode, string EnglishCode)> ChildAsync()
    {
        var data = new LearningTestData();
        var (math, english) = (data.Area("Mathematics"), data.Area("English"));
        data.Session(Eat.At(2026, 3, 11, 18), 40).Session(Eat.At(2026, 3, 14, 18), 20)
            .Session(Eat.At(2026, 3, 15, 18), 20).Session(Eat.At(2026, 3, 16, 8), 20)
            .Session(Eat.At(2026, 3, 9, 18), 300) // 8 days back: not in "the last 7 days"
            .Assessment(math, 72, RubricLevel.ME, Eat.At(2026, 2, 20)).Assessment(math, 58, RubricLevel.AE, Eat.At(2026, 3, 12));
        foreach (var (day, month) in new[] { (10, 2), (20, 2), (1, 3), (5, 3), (15, 3) })
            data.Progress(data.Lesson(math, $"Lesson {month}-{day}"), LessonStatus.completed, Eat.At(2026, month, day, 18));
        data.Progress(data.Lesson(math, "Not finished"), LessonStatus.in_progress, Eat.At(2026, 3, 15, 19));
        return (await data.SaveAsync(api), math.Code, english.Code);
    }

    private Task<IReadOnlyList<GoalProgress>> MeasureAsync(Guid student, params GoalSpec[] goals) =>
        api.RunAsync(Monday, s => s.GetGoalProgressAsync(student, goals, CancellationToken.None));

    private static GoalSpec Goal(string kind, string target, DateOnly? due = null, string? area = null, DateOnly? started = null) =>
        new(Guid.NewGuid(), kind, area, target, due, started);

    [Fact]
    public async Task Each_kind_is_measured_from_the_records()
    {
        var (student, math, english) = await ChildAsync();

        var progress = await MeasureAsync(student,
            Goal(GoalKinds.RubricLevel, "ME", new DateOnly(2026, 4, 30), math),
            Goal(GoalKinds.RubricLevel, "AE", area: math),
            Goal(GoalKinds.RubricLevel, "EE", area: english),
            Goal(GoalKinds.WeeklyMinutes, "150"),
            Goal(GoalKinds.StreakDays, "3"),
            Goal(GoalKinds.LessonsCompleted, "3", started: new DateOnly(2026, 3, 1)),
            Goal(GoalKinds.LessonsCompleted, "10"));

        Assert.Equal(
        [
            ("AE", 2m, 3m, 66, GoalStatus.on_track),
            ("AE", 2m, 2m, 100, GoalStatus.achieved),
            (null, 0m, 4m, 0, GoalStatus.on_track),
            ("100", 100m, 150m, 66, GoalStatus.on_track),
            ("3", 3m, 3m, 100, GoalStatus.achieved),
            ("3", 3m, 3m, 100, GoalStatus.achieved),
            ("5", 5m, 10m, 50, GoalStatus.on_track),
        ], progress.Select(p => (p.Current, p.CurrentValue, p.TargetValue, p.Percent, p.Status)));
        Assert.Equal(45, progress[0].DaysLeft);
        Assert.Null(progress[1].DaysLeft);
    }

    [Fact]
    public async Task Statuses_follow_due_dates_and_the_75_percent_line()
    {
        var (student, math, _) = await ChildAsync();

        var progress = await MeasureAsync(student,
            Goal(GoalKinds.RubricLevel, "ME", new DateOnly(2026, 3, 25), math),    // 66%, due in 9 days
            Goal(GoalKinds.WeeklyMinutes, "150", new DateOnly(2026, 3, 20)),        // 66%, due in 4 days
            Goal(GoalKinds.WeeklyMinutes, "120", new DateOnly(2026, 3, 20)),        // 83%, due in 4 days
            Goal(GoalKinds.WeeklyMinutes, "150", new DateOnly(2026, 3, 31)),        // 66%, due in 15 days
            Goal(GoalKinds.WeeklyMinutes, "400", new DateOnly(2026, 3, 16)),        // 25%, due today
            Goal(GoalKinds.StreakDays, "7", new DateOnly(2026, 3, 10)),             // 42%, 6 days late
            Goal(GoalKinds.StreakDays, "3", new DateOnly(2026, 3, 10)));            // reached, though past due

        Assert.Equal(
        [
            (GoalStatus.at_risk, 66, 9), (GoalStatus.at_risk, 66, 4), (GoalStatus.on_track, 83, 4), (GoalStatus.on_track, 66, 15),
            (GoalStatus.at_risk, 25, 0), (GoalStatus.overdue, 42, -6), (GoalStatus.achieved, 100, -6),
        ], progress.Select(p => (p.Status, p.Percent, p.DaysLeft!.Value)));
    }

    [Fact]
    public async Task Goals_that_cannot_be_measured_are_refused_by_field()
    {
        var (student, _, _) = await ChildAsync();

        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() => MeasureAsync(student,
            Goal(GoalKinds.WeeklyMinutes, "150"),
            Goal("reading_speed", "10"),
            Goal(GoalKinds.RubricLevel, "Excellent"),
            Goal(GoalKinds.StreakDays, "-2")));

        Assert.Equal(["goals[1].kind", "goals[2].learningAreaCode", "goals[2].target", "goals[3].target"], refused.Errors.Keys.Order());
        Assert.Empty(Goal(GoalKinds.RubricLevel, "EE", area: "MATH").Validate());
    }

    [Fact]
    public async Task Goal_progress_costs_three_queries_and_none_without_goals()
    {
        var (student, math, _) = await ChildAsync();
        var goals = Enumerable.Range(0, 20).Select(i => Goal(GoalKinds.All[i % 4], i % 4 == 0 ? "ME" : "5", area: math)).ToArray();

        Assert.Equal(3, await api.CountQueriesAsync(Monday, s => s.GetGoalProgressAsync(student, goals, CancellationToken.None)));
        Assert.Equal(0, await api.CountQueriesAsync(Monday, s => s.GetGoalProgressAsync(student, [], CancellationToken.None)));
    }
}
