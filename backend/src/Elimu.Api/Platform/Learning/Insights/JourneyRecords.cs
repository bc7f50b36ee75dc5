namespace Elimu.Api.Platform.Learning.Insights;

// Result shapes of ChildLearningInsights.GetJourneyAsync (plan Step 6: ChildLearningJourney).
// Every figure is computed from learning records; AI features may narrate them but never produce them.

public enum TrendDirection { up, down, flat }

/// <summary>A child's learning journey: mastery, CBC rubric and competencies, weekly progress, focus areas.</summary>
public sealed record LearningJourney(
    IReadOnlyList<AreaMastery> Areas,
    IReadOnlyList<RubricCount> RubricDistribution,
    IReadOnlyList<CompetencyProgress> Competencies,
    IReadOnlyList<WeeklyProgress> WeeklyProgress,
    IReadOnlyList<FocusArea> FocusAreas,
    IReadOnlyList<RecentLesson> RecentLessons);

/// <summary>
/// Mastery of one learning area the child has been assessed in. <see cref="TrendPoints"/> is the average score
/// of the last 28 Nairobi days minus that of the 28 days before (null when either window has no assessment).
/// </summary>
public sealed record AreaMastery(
    Guid LearningAreaId,
    string Code,
    string Name,
    decimal LatestScore,
    RubricLevel LatestRubricLevel,
    DateTime LatestAssessedAt,
    decimal AverageScore,
    int AssessmentCount,
    decimal? TrendPoints,
    TrendDirection Trend);

/// <summary>How many assessments landed on one CBC rubric level; always four rows, EE first.</summary>
public sealed record RubricCount(RubricLevel Level, string Label, int Count, decimal Percent);

/// <summary>One of the seven CBC core competencies (scores 1.0 = BE … 4.0 = EE); null scores when never rated.</summary>
public sealed record CompetencyProgress(
    CoreCompetency Competency,
    string Label,
    decimal? LatestScore,
    DateOnly? LatestAssessedOn,
    decimal? PreviousScore,
    TrendDirection Trend);

/// <summary>One Monday-start Nairobi week; weeks without activity are present with zeros.</summary>
public sealed record WeeklyProgress(
    DateOnly WeekStart,
    int Minutes,
    int LessonsCompleted,
    int AssessmentCount,
    decimal? AverageScore);

/// <summary>A learning area to work on (lowest latest score), with the reason in plain words from the figures.</summary>
public sealed record FocusArea(
    Guid LearningAreaId,
    string Code,
    string Name,
    decimal LatestScore,
    RubricLevel LatestRubricLevel,
    string Reason);

public sealed record RecentLesson(
    Guid LessonId,
    string LessonTitle,
    string CourseTitle,
    string LearningAreaName,
    LessonStatus Status,
    decimal? Score,
    int TimeSpentSeconds,
    DateTime? CompletedAt,
    DateTime UpdatedAt);
