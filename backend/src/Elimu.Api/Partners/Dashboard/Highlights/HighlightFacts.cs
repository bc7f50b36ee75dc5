namespace Elimu.Api.Partners.Dashboard;

/// <summary>
/// The facts of a partner's daily highlights, all computed by code over consented children only: counts and minutes per
/// program, and score movement per learning area. No child appears in them, not even by pseudonym.
/// </summary>
public sealed record HighlightFacts(string Day, int ConsentedChildren, int MinutesThisWeek, int MinutesLastWeek, int InactiveChildren,
    int NewlyInactiveChildren, IReadOnlyList<ProgramHighlightFacts> Programs, IReadOnlyList<AreaHighlightFacts> LearningAreas);

/// <summary>
/// One program's week on week. <see cref="MinutesChangePercent"/> is null when last week had no minutes. The name is
/// the partner's own label, passed as data.
/// </summary>
public sealed record ProgramHighlightFacts(string Program, int ConsentedChildren, int MinutesThisWeek, int MinutesLastWeek,
    decimal? MinutesChangePercent, int InactiveChildren, int NewlyInactiveChildren);

/// <summary>Average assessment score of a learning area over the last 28 days against the 28 before (points; null without both).</summary>
public sealed record AreaHighlightFacts(string LearningArea, decimal? PreviousAverage, decimal? RecentAverage, decimal? ChangePoints,
    int RecentAssessments);
