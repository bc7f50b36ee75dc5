using System.Globalization;

namespace Elimu.Api.Platform.Learning.Insights;

// Goals are set on the partner side; the platform only knows this input shape, so Platform never depends
// on Partners. The partner code maps its ChildGoal to a GoalSpec.

public static class GoalKinds
{
    public const string RubricLevel = "rubric_level";
    public const string WeeklyMinutes = "weekly_minutes";
    public const string StreakDays = "streak_days";
    public const string LessonsCompleted = "lessons_completed";
    public static readonly IReadOnlyList<string> All = [RubricLevel, WeeklyMinutes, StreakDays, LessonsCompleted];
}

/// <summary>
/// A goal to measure. <see cref="Target"/> is a rubric level (EE/ME/AE/BE) for rubric_level goals and a
/// positive whole number otherwise. <see cref="StartedOn"/> (Nairobi date) bounds lessons_completed goals;
/// without it lessons are counted all-time.
/// </summary>
public sealed record GoalSpec(
    Guid Id,
    string Kind,
    string? LearningAreaCode,
    string Target,
    DateOnly? DueDate,
    DateOnly? StartedOn = null)
{
    /// <summary>Problems with this goal by field name; empty when it can be measured. Call it before storing a goal.</summary>
    public IReadOnlyDictionary<string, string> Validate()
    {
        var errors = new Dictionary<string, string>();
        if (!GoalKinds.All.Contains(Kind))
            errors["kind"] = $"Kind must be one of {string.Join(", ", GoalKinds.All)}.";
        else if (Kind == GoalKinds.RubricLevel)
        {
            if (string.IsNullOrWhiteSpace(LearningAreaCode)) errors["learningAreaCode"] = "A rubric goal needs a learning area.";
            if (!Enum.GetNames<RubricLevel>().Contains(Target))
                errors["target"] = "Target must be a rubric level: EE, ME, AE or BE.";
        }
        else if (NumericTarget is not > 0)
            errors["target"] = "Target must be a whole number greater than zero.";
        return errors;
    }

    internal int? NumericTarget =>
        int.TryParse(Target, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
}

public enum GoalStatus { achieved, on_track, at_risk, overdue }

/// <summary>
/// Progress towards one goal. <see cref="CurrentValue"/> and <see cref="TargetValue"/> are numbers (for rubric
/// goals the rank BE=1, AE=2, ME=3, EE=4); <see cref="Current"/> is the display form ("AE", "95").
/// </summary>
public sealed record GoalProgress(
    Guid GoalId,
    string Kind,
    string? LearningAreaCode,
    string Target,
    decimal TargetValue,
    string? Current,
    decimal CurrentValue,
    int Percent,
    GoalStatus Status,
    DateOnly? DueDate,
    int? DaysLeft);
