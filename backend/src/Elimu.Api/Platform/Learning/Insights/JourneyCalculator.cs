using Elimu.Api.Platform.Learning.Rollups;

namespace Elimu.Api.Platform.Learning.Insights;

/// <summary>Builds <see cref="LearningJourney"/> from the rows one journey request loads.</summary>
internal static class JourneyCalculator
{
    public const int Weeks = 12;
    public const int RecentLessonCount = 10;

    /// <summary>Monday of the oldest of the <see cref="Weeks"/> weeks shown (the current, partial week is the last).</summary>
    public static DateOnly FirstWeekStart(DateOnly today) => InsightDates.WeekStart(today).AddDays(-7 * (Weeks - 1));

    public static LearningJourney Build(
        DateOnly today,
        IReadOnlyList<AssessmentRow> assessments,
        IReadOnlyList<CompetencyRow> competencies,
        IReadOnlyList<DayFigures> days,
        IReadOnlyList<RecentLesson> recentLessons)
    {
        var areas = AreaMasteryCalculator.Areas(assessments, today);
        return new LearningJourney(
            areas,
            AreaMasteryCalculator.Distribution(assessments),
            Competencies(competencies),
            WeeklyProgress(today, days),
            AreaMasteryCalculator.FocusAreas(areas),
            recentLessons);
    }

    /// <summary>All seven competencies in the curriculum's order, rated or not. <paramref name="rows"/> are oldest first.</summary>
    public static List<CompetencyProgress> Competencies(IReadOnlyList<CompetencyRow> rows)
    {
        var byCompetency = rows.ToLookup(r => r.Competency);
        return [.. Enum.GetValues<CoreCompetency>().Select(c =>
        {
            var scores = byCompetency[c].ToList();
            var latest = scores.Count > 0 ? scores[^1] : null;
            var previous = scores.Count > 1 ? scores[^2] : null;
            var trend = latest is null || previous is null || latest.Score == previous.Score ? TrendDirection.flat
                : latest.Score > previous.Score ? TrendDirection.up : TrendDirection.down;
            return new CompetencyProgress(c, CbcLabels.Of(c), latest?.Score, latest?.AssessedOn, previous?.Score, trend);
        })];
    }

    /// <summary>The last <see cref="Weeks"/> Monday-start Nairobi weeks, oldest first, zero-filled, from the daily rollups.</summary>
    public static List<WeeklyProgress> WeeklyProgress(DateOnly today, IReadOnlyList<DayFigures> days)
    {
        var byWeek = days.ToLookup(d => InsightDates.WeekStart(d.Day));
        var first = FirstWeekStart(today);
        return [.. Enumerable.Range(0, Weeks).Select(i =>
        {
            var week = first.AddDays(7 * i);
            var inWeek = byWeek[week].Where(d => d.Day <= today).ToList();
            var count = inWeek.Sum(d => d.Assessments);
            return new WeeklyProgress(week, inWeek.Sum(d => d.Minutes), inWeek.Sum(d => d.LessonsCompleted), count,
                count == 0 ? null : InsightDates.Round1(inWeek.Sum(d => d.AssessmentScoreHundredths) / 100m / count));
        })];
    }
}
