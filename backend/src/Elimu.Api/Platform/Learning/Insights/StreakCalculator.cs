namespace Elimu.Api.Platform.Learning.Insights;

/// <summary>Streaks of consecutive Nairobi days with at least one learning session.</summary>
internal static class StreakCalculator
{
    /// <summary>How far back the longest streak is looked for, and how much history activity queries fetch.</summary>
    public const int LongestStreakWindowDays = 120;

    /// <summary>
    /// The run of active days ending today, or ending yesterday when the child has not learned yet today:
    /// a streak is only broken once a whole Nairobi day passes without a session.
    /// </summary>
    public static int Current(IReadOnlySet<DateOnly> activeDays, DateOnly today)
    {
        var day = activeDays.Contains(today) ? today : today.AddDays(-1);
        var streak = 0;
        while (activeDays.Contains(day)) { streak++; day = day.AddDays(-1); }
        return streak;
    }

    /// <summary>The longest run of active days between <paramref name="from"/> and <paramref name="to"/>, both included.</summary>
    public static int Longest(IReadOnlySet<DateOnly> activeDays, DateOnly from, DateOnly to)
    {
        int longest = 0, run = 0;
        foreach (var day in InsightDates.Days(from, to))
        {
            run = activeDays.Contains(day) ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }
        return longest;
    }
}
