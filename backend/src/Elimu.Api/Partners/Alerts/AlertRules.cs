using System.Globalization;
using Elimu.Api.Partners.ChildData;

namespace Elimu.Api.Partners.Alerts;

/// <summary>A condition that holds for a child now: what an open alert of its kind stands for.</summary>
public sealed record AlertCondition(ChildAlertKind Kind, string Summary, decimal Value, decimal Threshold);

/// <summary>
/// The thresholds applied to a child's figures (<see cref="AlertThresholdValues"/> says what each means). Pure: the scan
/// loads the figures of every child at once and calls this per child in memory.
/// </summary>
public static class AlertRules
{
    /// <summary>Below this share done, a goal close to its due date is at risk (the goals view's own rule).</summary>
    public const int GoalAtRiskBelowPercent = 75;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <param name="lookbackDays">How far back the last session was looked for: a child with none in it has been inactive at least that long.</param>
    public static List<AlertCondition> Evaluate(ChildAlertFigures f, AlertThresholdValues t, DateOnly today, int lookbackDays)
    {
        var found = new List<AlertCondition>();
        var inactive = Inactive(f, t.DaysInactive!.Value, today, lookbackDays);
        if (inactive is not null) found.Add(inactive);
        if (ScoreFall(f, t.ScoreFallPoints!.Value, t.ScoreFallWeeks!.Value, today) is { } fall) found.Add(fall);
        if (inactive is null && t.WeeklyMinutesBelow is { } below && below > 0 && f.MinutesThisWeek < below)
            found.Add(new(ChildAlertKind.low_minutes, string.Create(Invariant,
                $"{f.MinutesThisWeek:N0} minutes of learning this week (threshold {below:N0} minutes)."),
                f.MinutesThisWeek, below));
        if (GoalsAtRisk(f, t.GoalDaysLeft!.Value) is { } goals) found.Add(goals);
        return found;
    }

    private static AlertCondition? Inactive(ChildAlertFigures f, int days, DateOnly today, int lookbackDays)
    {
        if (f.LastActiveDay is { } last)
        {
            var since = today.DayNumber - last.DayNumber;
            return since >= days ? new(ChildAlertKind.inactive, $"No learning session for {since} days (threshold {days} days).", since, days) : null;
        }
        return new(ChildAlertKind.inactive, $"No learning session in the last {lookbackDays} days (threshold {days} days).", lookbackDays, days);
    }

    /// <summary>Average score of the last <paramref name="weeks"/> learning weeks against the same span before them.</summary>
    private static AlertCondition? ScoreFall(ChildAlertFigures f, int points, int weeks, DateOnly today)
    {
        var recentFrom = today.AddDays(-(7 * weeks - 1));
        var previousFrom = recentFrom.AddDays(-7 * weeks);
        var recent = f.Assessments.Where(a => a.Day >= recentFrom && a.Day <= today).ToList();
        var previous = f.Assessments.Where(a => a.Day >= previousFrom && a.Day < recentFrom).ToList();
        if (recent.Sum(a => a.Count) == 0 || previous.Sum(a => a.Count) == 0) return null;
        decimal Average(List<(DateOnly Day, int Count, long ScoreHundredths)> days) => Math.Round(days.Sum(a => a.ScoreHundredths) / 100m / days.Sum(a => a.Count), 1);
        var (before, now) = (Average(previous), Average(recent));
        var fall = before - now;
        return fall >= points
            ? new(ChildAlertKind.score_fall, string.Create(Invariant,
                $"Average score fell {fall:0.#} points, from {before:0.#} to {now:0.#}, over the last {weeks} weeks (threshold {points} points)."), fall, points)
            : null;
    }

    /// <summary>
    /// Goals not reached whose due date has passed, or that are due within <paramref name="daysLeft"/> days with less than
    /// <see cref="GoalAtRiskBelowPercent"/>% done. A goal without a due date is never at risk.
    /// </summary>
    private static AlertCondition? GoalsAtRisk(ChildAlertFigures f, int daysLeft)
    {
        var risky = f.Goals.Where(g => !g.Achieved && g.DaysLeft is { } d && (d < 0 || (d <= daysLeft && g.Percent < GoalAtRiskBelowPercent))).ToList();
        if (risky.Count == 0) return null;
        var each = string.Join("; ", risky.Select(g => $"{g.Kind.Replace('_', ' ')} {g.Target}: {g.Percent}% done, " +
            (g.DaysLeft < 0 ? $"overdue by {-g.DaysLeft} days" : $"due in {g.DaysLeft} days")));
        var summary = $"{risky.Count} goal{(risky.Count == 1 ? "" : "s")} at risk ({each}).";
        if (summary.Length > ChildAlert.SummaryLength) summary = summary[..(ChildAlert.SummaryLength - 1)] + "…";
        return new(ChildAlertKind.goal_at_risk, summary, risky.Count, daysLeft);
    }
}
