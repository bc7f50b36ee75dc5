namespace Elimu.Api.Platform.Learning.Insights;

/// <summary>
/// Plain, deterministic advice derived from the signals, most urgent first. The same signals always give the
/// same sentences, so the offline AI provider can show them as they are and a model can rephrase them.
/// </summary>
internal static class SupportTips
{
    /// <summary>Sessions shorter than this on average are worth lengthening.</summary>
    public const decimal ShortSessionMinutes = 15m;
    public const int CelebrateStreakDays = 7;

    public static List<string> For(
        LearningTimePattern pattern, AreaSignal? strongest, AreaSignal? weakest, int? daysInactive,
        int fallingWeeks, int currentStreak, bool goalsAtRisk)
    {
        var tips = new List<string>();
        if (daysInactive is null)
            tips.Add("No sessions yet: help the child sign in and start a first lesson together.");
        else if (daysInactive >= LearningSignalsCalculator.InactiveDays)
            tips.Add($"It has been {daysInactive} days since the last session; a short check-in with the child and guardian can restart the habit.");

        if (fallingWeeks >= LearningSignalsCalculator.FallingWeeks)
            tips.Add($"Scores have fallen for {fallingWeeks} assessed weeks in a row; revisiting recent lessons before new ones can rebuild confidence.");

        if (weakest is not null)
            tips.Add($"Plan short extra practice in {weakest.Name}: the latest score is {InsightDates.Num(weakest.LatestScore)}% ({CbcLabels.Of(weakest.LatestRubricLevel)}).");

        if (goalsAtRisk)
            tips.Add("Review the goals at risk with the child's teacher and adjust the weekly learning plan.");

        if (pattern.PreferredTimeOfDay is { } time)
            tips.Add(time switch
            {
                TimeOfDay.night => "Much of the learning happens late at night; an earlier slot may help rest and focus.",
                _ => $"Most learning happens in the {time} ({InsightDates.Num(pattern.ByTimeOfDay.Single(s => s.TimeOfDay == time).Percent)}% of minutes); keeping a fixed {time} slot protects the habit.",
            });

        if (pattern.Sessions > 0 && pattern.AverageSessionMinutes < ShortSessionMinutes)
            tips.Add($"Sessions average {InsightDates.Num(pattern.AverageSessionMinutes)} minutes; aim for 20–30 focused minutes per sitting.");

        if (currentStreak >= CelebrateStreakDays)
            tips.Add($"Celebrate the {currentStreak}-day learning streak.");

        if (strongest is not null && strongest.Code != weakest?.Code)
            tips.Add($"Build on the strength in {strongest.Name} ({InsightDates.Num(strongest.LatestScore)}%).");

        return tips;
    }

    /// <summary>A goal in words, e.g. "Reach ME in MATH", "150 minutes a week".</summary>
    public static string Describe(GoalProgress g) => g.Kind switch
    {
        GoalKinds.RubricLevel => $"Reach {g.Target} in {g.LearningAreaCode}",
        GoalKinds.WeeklyMinutes => $"{g.Target} minutes a week",
        GoalKinds.StreakDays => $"A {g.Target}-day learning streak",
        _ => $"{g.Target} lessons completed",
    };
}
