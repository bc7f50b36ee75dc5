namespace Elimu.Api.Platform.Learning.Insights;

/// <summary>
/// Computed learning signals: time-of-day pattern, strongest and weakest areas, early warnings. Support tips are
/// in <see cref="SupportTips"/>. No AI here: these are the facts an AI narrator is given.
/// </summary>
internal static class LearningSignalsCalculator
{
    public const int PatternDays = 30;
    /// <summary>"Inactive for 7 days" as <see cref="LearningWeek.IsInactive"/> defines it.</summary>
    public const int InactiveDays = LearningWeek.Days;
    public const int InactiveHighDays = 14;
    /// <summary>score_falling fires after this many week-on-week falls in a row among the journey's 12 weeks that had assessments.</summary>
    public const int FallingWeeks = 2;
    /// <summary>A fall of this many points or more over the run makes score_falling high severity.</summary>
    public const decimal FallingHighPoints = 15m;

    public static LearningSignals Build(
        RecentActivity recent, DateTime? lastActiveAt, IReadOnlyList<AreaMastery> areas,
        IReadOnlyList<WeeklyProgress> weeks, IReadOnlyList<GoalProgress> goals)
    {
        var pattern = TimePattern(recent);
        var byScore = areas.OrderBy(a => a.LatestScore).ThenBy(a => a.Name, StringComparer.Ordinal).ToList();
        var strongest = byScore.Count > 0 ? Signal(byScore[^1]) : null;
        // With a single area there is nothing weaker to point at; calling it both strongest and weakest would mislead.
        var weakest = byScore.Count > 1 ? Signal(byScore[0]) : null;

        var daysInactive = LearningWeek.DaysSinceActive(lastActiveAt, recent.Today);
        var falling = FallingRun(weeks);
        List<EarlyWarning> warnings = [.. new[] { Inactive(daysInactive, lastActiveAt), ScoreFalling(falling) }.OfType<EarlyWarning>(),
            .. goals.Select(GoalWarning).OfType<EarlyWarning>()];

        var tips = SupportTips.For(pattern, strongest, weakest, daysInactive, Math.Max(0, falling.Count - 1), recent.CurrentStreak,
            goals.Any(g => g.Status is GoalStatus.at_risk or GoalStatus.overdue));
        return new LearningSignals(pattern, strongest, weakest, warnings, tips, warnings.Count > 0);
    }

    public static TimeOfDay Bucket(int nairobiHour) => nairobiHour switch
    {
        >= 5 and < 12 => TimeOfDay.morning,
        >= 12 and < 17 => TimeOfDay.afternoon,
        >= 17 and < 21 => TimeOfDay.evening,
        _ => TimeOfDay.night,
    };

    public static LearningTimePattern TimePattern(RecentActivity recent)
    {
        var sessions = recent.SessionsOn(recent.Today.AddDays(-(PatternDays - 1)), recent.Today).ToList();
        var total = sessions.Sum(s => s.Minutes);
        var shares = Enum.GetValues<TimeOfDay>().Select(t =>
        {
            var minutes = sessions.Where(s => Bucket(InsightDates.HourOf(s.StartedAt)) == t).Sum(s => s.Minutes);
            return new TimeOfDayShare(t, minutes, InsightDates.Percent(minutes, total));
        }).ToList();
        // Ties go to the earlier bucket of the day, so the answer never depends on ordering accidents.
        TimeOfDay? preferred = total == 0 ? null : shares.OrderByDescending(s => s.Minutes).ThenBy(s => s.TimeOfDay).First().TimeOfDay;
        var weekend = InsightDates.Percent(sessions.Where(s => InsightDates.IsWeekend(InsightDates.DayOf(s.StartedAt))).Sum(s => s.Minutes), total);
        return new LearningTimePattern(PatternDays, sessions.Count, preferred, shares,
            total == 0 ? 0 : 100 - weekend, weekend,
            sessions.Count == 0 ? 0 : InsightDates.Round1((decimal)total / sessions.Count));
    }

    /// <summary>
    /// The trailing run of falling weekly averages among the weeks that had assessments, oldest first
    /// (e.g. [72, 65, 58] is two falls). A single week, or a last week that did not fall, gives a run of one or none.
    /// </summary>
    public static List<decimal> FallingRun(IReadOnlyList<WeeklyProgress> weeks)
    {
        var averages = weeks.Where(w => w.AverageScore is not null).Select(w => w.AverageScore!.Value).ToList();
        var start = averages.Count - 1;
        while (start > 0 && averages[start] < averages[start - 1]) start--;
        return averages.Count == 0 ? [] : averages[start..];
    }

    private static AreaSignal Signal(AreaMastery a) => new(a.Code, a.Name, a.LatestScore, a.LatestRubricLevel);

    private static EarlyWarning? Inactive(int? days, DateTime? lastActiveAt) => days switch
    {
        null => new(WarningCodes.Inactive7Days, WarningSeverity.high, "No learning session has been recorded yet."),
        >= InactiveDays => new(WarningCodes.Inactive7Days, days >= InactiveHighDays ? WarningSeverity.high : WarningSeverity.medium,
            $"No learning session for {days} days (last active {InsightDates.DayOf(lastActiveAt!.Value):yyyy-MM-dd}, Nairobi time)."),
        _ => null,
    };

    private static EarlyWarning? ScoreFalling(IReadOnlyList<decimal> run)
    {
        var falls = run.Count - 1;
        if (falls < FallingWeeks) return null;
        var drop = run[0] - run[^1];
        return new(WarningCodes.ScoreFalling, drop >= FallingHighPoints ? WarningSeverity.high : WarningSeverity.medium,
            $"Average assessment score fell {falls} assessed weeks in a row: {string.Join(" → ", run.Select(s => InsightDates.Num(s) + "%"))}.");
    }

    private static EarlyWarning? GoalWarning(GoalProgress g) => g.Status switch
    {
        GoalStatus.at_risk => new(WarningCodes.GoalAtRisk, WarningSeverity.medium,
            $"Goal \"{SupportTips.Describe(g)}\" is {g.Percent}% done with {g.DaysLeft} days left.", g.GoalId),
        GoalStatus.overdue => new(WarningCodes.GoalAtRisk, WarningSeverity.high,
            $"Goal \"{SupportTips.Describe(g)}\" is {g.Percent}% done and {-g.DaysLeft} days past its due date.", g.GoalId),
        _ => null,
    };
}
