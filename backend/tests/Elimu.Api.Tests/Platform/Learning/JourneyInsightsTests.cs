using Elimu.Api.Platform.Learning;
using Elimu.Api.Platform.Learning.Insights;
using Elimu.Api.Tests.Infrastructure;

namespace Elimu.Api.Tests.Platform.Learning;

// "Today" is Monday 16 March 2026 in Nairobi. Trend windows: recent 17 Feb–16 Mar, prior 20 Jan–16 Feb.
public sealed class JourneyInsightsTests(ElimuApiFactory api) : IClassFixture<ElimuApiFactory>
{
    private static readonly FixedClock Monday = FixedClock.AtNairobi(2026, 3, 16);

    private Task<LearningJourney> JourneyAsync(Guid student) =>
        api.RunAsync(Monday, s => s.GetJourneyAsync(student, CancellationToken.None));

    [Fact]
    public async Task Weekly_progress_has_twelve_monday_weeks_zero_filled()
    {
        var data = new LearningTestData();
        var math = data.Area("Mathematics");
        data.Session(Eat.At(2026, 3, 16, 8), 20)
            .Session(new DateTime(2026, 3, 15, 22, 30, 0, DateTimeKind.Utc), 15) // Monday 01:30 in Nairobi: this week
            .Session(Eat.At(2026, 3, 10, 18), 30)
            .Session(Eat.At(2025, 12, 28, 18), 60)                                // the Sunday before the first week
            .Progress(data.Lesson(math, "Fractions"), LessonStatus.completed, Eat.At(2026, 3, 12, 18), 80)
            .Progress(data.Lesson(math, "Decimals"), LessonStatus.in_progress, Eat.At(2026, 3, 12, 19))
            .Assessment(math, 60, RubricLevel.AE, Eat.At(2026, 3, 11, 10))
            .Assessment(math, 71, RubricLevel.ME, Eat.At(2026, 3, 13, 10));
        var journey = await JourneyAsync(await data.SaveAsync(api));

        var weeks = journey.WeeklyProgress;
        Assert.Equal(12, weeks.Count);
        Assert.Equal(new DateOnly(2025, 12, 29), weeks[0].WeekStart);
        Assert.All(weeks, w => Assert.Equal(DayOfWeek.Monday, w.WeekStart.DayOfWeek));
        Assert.Equal(new WeeklyProgress(new DateOnly(2026, 3, 16), 35, 0, 0, null), weeks[^1]);
        Assert.Equal(new WeeklyProgress(new DateOnly(2026, 3, 9), 30, 1, 2, 65.5m), weeks[^2]);
        Assert.All(weeks.Take(10), w => Assert.Equal(new WeeklyProgress(w.WeekStart, 0, 0, 0, null), w));
    }

    [Fact]
    public async Task Mastery_rubric_distribution_and_focus_areas_come_from_the_assessments()
    {
        var data = new LearningTestData();
        var (math, english, kiswahili, science) = (data.Area("Mathematics"), data.Area("English"), data.Area("Kiswahili"), data.Area("Science"));
        data.Assessment(math, 70, RubricLevel.ME, Eat.At(2026, 1, 25)).Assessment(math, 66, RubricLevel.ME, Eat.At(2026, 2, 10))
            .Assessment(math, 50, RubricLevel.AE, Eat.At(2026, 3, 5))
            .Assessment(english, 85, RubricLevel.EE, Eat.At(2026, 3, 1))
            .Assessment(kiswahili, 60, RubricLevel.AE, Eat.At(2026, 2, 1)).Assessment(kiswahili, 64, RubricLevel.ME, Eat.At(2026, 3, 10))
            .Assessment(science, 55, RubricLevel.AE, Eat.At(2026, 2, 14)).Assessment(science, 56, RubricLevel.AE, Eat.At(2026, 3, 12));
        var journey = await JourneyAsync(await data.SaveAsync(api));

        var areas = journey.Areas.ToDictionary(a => a.Name);
        Assert.Equal(["English", "Kiswahili", "Mathematics", "Science"], journey.Areas.Select(a => a.Name));
        var m = areas["Mathematics"];
        Assert.Equal((50m, RubricLevel.AE, 62m, 3, -18m, TrendDirection.down),
            (m.LatestScore, m.LatestRubricLevel, m.AverageScore, m.AssessmentCount, m.TrendPoints, m.Trend));
        Assert.Equal((null, TrendDirection.flat), (areas["English"].TrendPoints, areas["English"].Trend));
        Assert.Equal((4m, TrendDirection.up), (areas["Kiswahili"].TrendPoints, areas["Kiswahili"].Trend));
        Assert.Equal((1m, TrendDirection.flat), (areas["Science"].TrendPoints, areas["Science"].Trend));

        Assert.Equal([(RubricLevel.EE, 1, 12.5m), (RubricLevel.ME, 3, 37.5m), (RubricLevel.AE, 4, 50m), (RubricLevel.BE, 0, 0m)],
            journey.RubricDistribution.Select(r => (r.Level, r.Count, r.Percent)));
        Assert.Equal("Approaching Expectations", journey.RubricDistribution[2].Label);

        Assert.Equal(["Mathematics", "Science", "Kiswahili"], journey.FocusAreas.Select(f => f.Name));
        Assert.Equal("Latest score 50% (Approaching Expectations), down 18 points on the previous 4 weeks; average 62% over 3 assessments.",
            journey.FocusAreas[0].Reason);
        Assert.Equal("Latest score 56% (Approaching Expectations), steady over the last 8 weeks; average 55.5% over 2 assessments.",
            journey.FocusAreas[1].Reason);
        Assert.Equal("Latest score 64% (Meeting Expectations), up 4 points on the previous 4 weeks; average 62% over 2 assessments.",
            journey.FocusAreas[2].Reason);
    }

    [Fact]
    public async Task All_seven_competencies_are_listed_even_without_ratings()
    {
        var empty = await JourneyAsync(await new LearningTestData().SaveAsync(api));
        Assert.Equal(Enum.GetValues<CoreCompetency>(), empty.Competencies.Select(c => c.Competency));
        Assert.All(empty.Competencies, c => Assert.Equal((null, null, TrendDirection.flat), (c.LatestScore, c.PreviousScore, c.Trend)));
        Assert.Empty(empty.Areas);
        Assert.Empty(empty.FocusAreas);
        Assert.All(empty.RubricDistribution, r => Assert.Equal(0, r.Count));

        var rated = await JourneyAsync(await new LearningTestData()
            .Competency(CoreCompetency.critical_thinking_and_problem_solving, 2.5m, new DateOnly(2026, 1, 20))
            .Competency(CoreCompetency.critical_thinking_and_problem_solving, 3.0m, new DateOnly(2026, 3, 2))
            .Competency(CoreCompetency.citizenship, 3.5m, new DateOnly(2026, 1, 20))
            .Competency(CoreCompetency.citizenship, 3.0m, new DateOnly(2026, 3, 2))
            .Competency(CoreCompetency.digital_literacy, 2.0m, new DateOnly(2026, 3, 2))
            .SaveAsync(api));
        var c = rated.Competencies.ToDictionary(x => x.Competency);
        Assert.Equal(7, c.Count);
        Assert.Equal((3.0m, 2.5m, TrendDirection.up, new DateOnly(2026, 3, 2)),
            (c[CoreCompetency.critical_thinking_and_problem_solving].LatestScore, c[CoreCompetency.critical_thinking_and_problem_solving].PreviousScore,
             c[CoreCompetency.critical_thinking_and_problem_solving].Trend, c[CoreCompetency.critical_thinking_and_problem_solving].LatestAssessedOn));
        Assert.Equal((3.0m, 3.5m, TrendDirection.down), (c[CoreCompetency.citizenship].LatestScore, c[CoreCompetency.citizenship].PreviousScore, c[CoreCompetency.citizenship].Trend));
        Assert.Equal((2.0m, null, TrendDirection.flat), (c[CoreCompetency.digital_literacy].LatestScore, c[CoreCompetency.digital_literacy].PreviousScore, c[CoreCompetency.digital_literacy].Trend));
        Assert.Equal("Critical thinking and problem solving", c[CoreCompetency.critical_thinking_and_problem_solving].Label);
    }

    [Fact]
    public async Task Recent_lessons_are_the_ten_latest_with_course_and_area()
    {
        var data = new LearningTestData();
        var science = data.Area("Science");
        for (var i = 1; i <= 12; i++)
            data.Progress(data.Lesson(science, $"Lesson {i}"), i % 2 == 0 ? LessonStatus.completed : LessonStatus.in_progress,
                Eat.At(2026, 3, i, 18), i % 2 == 0 ? 70 + i : null, seconds: 60 * i);
        var journey = await JourneyAsync(await data.SaveAsync(api));

        Assert.Equal(Enumerable.Range(3, 10).Reverse().Select(i => $"Lesson {i}"), journey.RecentLessons.Select(l => l.LessonTitle));
        var latest = journey.RecentLessons[0];
        Assert.Equal(("Science Grade 5", "Science", LessonStatus.completed, 82m, 720, Eat.At(2026, 3, 12, 18)),
            (latest.CourseTitle, latest.LearningAreaName, latest.Status, latest.Score, latest.TimeSpentSeconds, latest.CompletedAt));
        Assert.Null(journey.RecentLessons[1].CompletedAt);
    }

    [Fact]
    public async Task Achievements_are_split_by_kind_newest_first()
    {
        var data = new LearningTestData();
        var math = data.Area("Mathematics");
        data.Award(AchievementKind.badge, "Fast learner", Eat.At(2026, 2, 1))
            .Award(AchievementKind.badge, "Fraction hero", Eat.At(2026, 3, 1), math)
            .Award(AchievementKind.certificate, "Term 1 Mathematics", Eat.At(2026, 3, 10), math)
            .Award(AchievementKind.milestone, "100 lessons", Eat.At(2026, 1, 15));
        var student = await data.SaveAsync(api);

        var list = await api.RunAsync(Monday, s => s.GetAchievementsAsync(student, CancellationToken.None));

        Assert.Equal(["Fraction hero", "Fast learner"], list.Badges.Select(b => b.Title));
        Assert.Equal(("Mathematics", Eat.At(2026, 3, 1)), (list.Badges[0].LearningAreaName, list.Badges[0].AwardedAt));
        Assert.Null(list.Badges[1].LearningAreaName);
        Assert.Equal("Term 1 Mathematics", Assert.Single(list.Certificates).Title);
        Assert.Equal("100 lessons", Assert.Single(list.Milestones).Title);
        Assert.Equal(new AchievementCounts(1, 2, 1, 4), list.Counts);
    }

    [Fact]
    public async Task Journey_and_achievements_cost_a_fixed_number_of_queries()
    {
        var data = new LearningTestData();
        var areas = Enumerable.Range(1, 5).Select(i => data.Area($"Area {i}")).ToList();
        for (var i = 0; i < 40; i++)
        {
            var area = areas[i % 5];
            data.Assessment(area, 40 + i, RubricLevel.AE, Eat.At(2026, 1, 1).AddDays(i))
                .Progress(data.Lesson(area, $"L{i}"), LessonStatus.completed, Eat.At(2026, 1, 1).AddDays(i), 50)
                .Session(Eat.At(2026, 1, 1).AddDays(i), 20)
                .Award(AchievementKind.badge, $"Badge {i}", Eat.At(2026, 1, 1).AddDays(i), area);
        }
        var student = await data.SaveAsync(api);

        // Assessments, competencies, the 12 weeks of daily rollups, recent lessons (ADR 0008).
        Assert.Equal(4, await api.CountQueriesAsync(Monday, s => s.GetJourneyAsync(student, CancellationToken.None)));
        Assert.Equal(1, await api.CountQueriesAsync(Monday, s => s.GetAchievementsAsync(student, CancellationToken.None)));
    }
}
