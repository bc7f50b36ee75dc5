namespace Elimu.Api.Platform.Learning.Insights;

/// <summary>Mastery per learning area, the rubric distribution and the focus areas, from assessment rows.</summary>
internal static class AreaMasteryCalculator
{
    /// <summary>Length of each of the two windows whose averages make an area's trend.</summary>
    public const int TrendWindowDays = 28;

    /// <summary>Score changes smaller than this many points count as flat, so one lucky quiz is not a trend.</summary>
    public const decimal FlatBandPoints = 2m;

    public const int FocusAreaCount = 3;

    /// <summary>Areas the child has been assessed in, by name. <paramref name="assessments"/> are oldest first.</summary>
    public static List<AreaMastery> Areas(IReadOnlyList<AssessmentRow> assessments, DateOnly today)
    {
        var recentFrom = today.AddDays(-(TrendWindowDays - 1));
        var priorFrom = recentFrom.AddDays(-TrendWindowDays);
        return assessments.GroupBy(a => a.LearningAreaId).Select(g =>
        {
            var latest = g.Last();
            var recent = g.Where(a => InsightDates.DayOf(a.AssessedAt) >= recentFrom).ToList();
            var prior = g.Where(a => InsightDates.DayOf(a.AssessedAt) is var d && d >= priorFrom && d < recentFrom).ToList();
            decimal? trend = recent.Count > 0 && prior.Count > 0
                ? InsightDates.Round1(recent.Average(a => a.Score) - prior.Average(a => a.Score))
                : null;
            return new AreaMastery(g.Key, latest.AreaCode, latest.AreaName, latest.Score, latest.Level, latest.AssessedAt,
                InsightDates.Round1(g.Average(a => a.Score)), g.Count(), trend, Direction(trend));
        }).OrderBy(a => a.Name, StringComparer.Ordinal).ToList();
    }

    public static TrendDirection Direction(decimal? points) => points switch
    {
        >= FlatBandPoints => TrendDirection.up,
        <= -FlatBandPoints => TrendDirection.down,
        _ => TrendDirection.flat,
    };

    /// <summary>Always the four levels, EE first, with their share of all assessments.</summary>
    public static List<RubricCount> Distribution(IReadOnlyList<AssessmentRow> assessments) =>
        [.. new[] { RubricLevel.EE, RubricLevel.ME, RubricLevel.AE, RubricLevel.BE }.Select(level =>
        {
            var count = assessments.Count(a => a.Level == level);
            return new RubricCount(level, CbcLabels.Of(level), count, InsightDates.Percent(count, assessments.Count));
        })];

    /// <summary>The areas with the lowest latest scores (ties by name), each with a reason built from its figures.</summary>
    public static List<FocusArea> FocusAreas(IReadOnlyList<AreaMastery> areas) =>
        [.. areas.OrderBy(a => a.LatestScore).ThenBy(a => a.Name, StringComparer.Ordinal).Take(FocusAreaCount)
            .Select(a => new FocusArea(a.LearningAreaId, a.Code, a.Name, a.LatestScore, a.LatestRubricLevel, Reason(a)))];

    /// <summary>E.g. "Latest score 48% (Approaching Expectations), down 12 points on the previous 4 weeks; average 55% over 6 assessments."</summary>
    internal static string Reason(AreaMastery a)
    {
        var reason = $"Latest score {InsightDates.Num(a.LatestScore)}% ({CbcLabels.Of(a.LatestRubricLevel)})";
        reason += a.Trend switch
        {
            TrendDirection.down => $", down {InsightDates.Num(-a.TrendPoints!.Value)} points on the previous 4 weeks",
            TrendDirection.up => $", up {InsightDates.Num(a.TrendPoints!.Value)} points on the previous 4 weeks",
            _ when a.TrendPoints is not null => ", steady over the last 8 weeks",
            _ => "",
        };
        var assessments = a.AssessmentCount == 1 ? "1 assessment" : $"{a.AssessmentCount} assessments";
        return $"{reason}; average {InsightDates.Num(a.AverageScore)}% over {assessments}.";
    }
}
