using Elimu.Api.Common;

namespace Elimu.Api.Platform.Learning.Insights;

/// <summary>
/// Measures partner-set goals against learning records. A goal is achieved when the current value reaches the
/// target; otherwise it is overdue after its due date, at risk when due within <see cref="AtRiskWindowDays"/>
/// days with less than <see cref="AtRiskBelowPercent"/>% done, and on track otherwise.
/// </summary>
internal static class GoalProgressCalculator
{
    public const int AtRiskWindowDays = 14;
    public const int AtRiskBelowPercent = 75;

    /// <summary>Refuses goals that cannot be measured with a 400 naming the field, never a 500.</summary>
    public static void EnsureValid(IReadOnlyList<GoalSpec> goals)
    {
        var errors = goals.SelectMany((g, i) => g.Validate().Select(e => (Field: $"goals[{i}].{e.Key}", Message: e.Value)))
            .ToDictionary(e => e.Field, e => new[] { e.Message });
        if (errors.Count > 0) throw new ValidationFailedException(errors);
    }

    /// <param name="assessments">All the child's assessments, oldest first.</param>
    /// <param name="completedLessonTimes">When each completed lesson was completed (null when unknown).</param>
    public static List<GoalProgress> Measure(
        IReadOnlyList<GoalSpec> goals, RecentActivity recent,
        IReadOnlyList<AssessmentRow> assessments, IReadOnlyList<DateTime?> completedLessonTimes)
    {
        EnsureValid(goals);
        return [.. goals.Select(goal =>
        {
            var (current, currentValue, targetValue) = goal.Kind switch
            {
                GoalKinds.RubricLevel => RubricGoal(goal, assessments),
                GoalKinds.WeeklyMinutes => Number(recent.MinutesLast7Days, goal),
                GoalKinds.StreakDays => Number(recent.CurrentStreak, goal),
                _ => Number(LessonsSince(goal.StartedOn, completedLessonTimes), goal),
            };
            var percent = (int)Math.Floor(Math.Min(100m, currentValue * 100m / targetValue));
            int? daysLeft = goal.DueDate is { } due ? due.DayNumber - recent.Today.DayNumber : null;
            return new GoalProgress(goal.Id, goal.Kind, goal.LearningAreaCode, goal.Target, targetValue, current, currentValue,
                percent, Status(currentValue >= targetValue, percent, daysLeft), goal.DueDate, daysLeft);
        })];
    }

    public static GoalStatus Status(bool reached, int percent, int? daysLeft) => (reached, daysLeft) switch
    {
        (true, _) => GoalStatus.achieved,
        (false, < 0) => GoalStatus.overdue,
        (false, <= AtRiskWindowDays) when percent < AtRiskBelowPercent => GoalStatus.at_risk,
        _ => GoalStatus.on_track,
    };

    private static (string?, decimal, decimal) Number(int current, GoalSpec goal) =>
        (current.ToString(System.Globalization.CultureInfo.InvariantCulture), current, goal.NumericTarget!.Value);

    /// <summary>The latest rubric level in the goal's learning area, compared by rank (BE 1 … EE 4); 0 when never assessed.</summary>
    private static (string?, decimal, decimal) RubricGoal(GoalSpec goal, IReadOnlyList<AssessmentRow> assessments)
    {
        var target = CbcLabels.Rank(Enum.Parse<RubricLevel>(goal.Target));
        var latest = assessments.LastOrDefault(a => string.Equals(a.AreaCode, goal.LearningAreaCode, StringComparison.OrdinalIgnoreCase));
        return latest is null ? (null, 0, target) : (latest.Level.ToString(), CbcLabels.Rank(latest.Level), target);
    }

    /// <summary>Completed lessons on or after the goal's start (Nairobi date); all-time when the start is unknown.</summary>
    private static int LessonsSince(DateOnly? startedOn, IReadOnlyList<DateTime?> completedLessonTimes) =>
        startedOn is not { } start
            ? completedLessonTimes.Count
            : completedLessonTimes.Count(t => t is { } at && InsightDates.DayOf(at) >= start);
}
