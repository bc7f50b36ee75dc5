namespace Elimu.Api.Platform.Learning.Insights;

// Result shapes of ChildLearningInsights.GetSignalsAsync: the computed facts behind ChildAIInsight
// (learning style, early warnings, support tips). An AI narrator may phrase them; it must not invent them.

public enum TimeOfDay { morning, afternoon, evening, night }

public enum WarningSeverity { low, medium, high }

public static class WarningCodes
{
    public const string Inactive7Days = "inactive_7_days";
    public const string ScoreFalling = "score_falling";
    public const string GoalAtRisk = "goal_at_risk";
}

public sealed record LearningSignals(
    LearningTimePattern TimePattern,
    AreaSignal? StrongestArea,
    AreaSignal? WeakestArea,
    IReadOnlyList<EarlyWarning> Warnings,
    IReadOnlyList<string> SupportTips,
    bool HasAlert);

/// <summary>
/// When the child learns, over the last 30 Nairobi days, by minutes. Buckets by Nairobi start hour:
/// morning 05–11, afternoon 12–16, evening 17–20, night 21–04. Preferred is null with no sessions.
/// </summary>
public sealed record LearningTimePattern(
    int DaysConsidered,
    int Sessions,
    TimeOfDay? PreferredTimeOfDay,
    IReadOnlyList<TimeOfDayShare> ByTimeOfDay,
    decimal WeekdayPercent,
    decimal WeekendPercent,
    decimal AverageSessionMinutes);

public sealed record TimeOfDayShare(TimeOfDay TimeOfDay, int Minutes, decimal Percent);

/// <summary>A learning area picked out by its latest assessment score.</summary>
public sealed record AreaSignal(string Code, string Name, decimal LatestScore, RubricLevel LatestRubricLevel);

/// <summary>One early warning; <see cref="GoalId"/> is set for goal_at_risk.</summary>
public sealed record EarlyWarning(string Code, WarningSeverity Severity, string Message, Guid? GoalId = null);
