namespace Elimu.Api.Platform.Learning.Insights;

/// <summary>
/// A 0–100 engagement score over the last 7 Nairobi days (today included):
/// <code>
/// score = round( 40 × min(1, minutes ÷ 150)
///              + 30 × min(1, activeDays ÷ 5)
///              + 30 × min(1, currentStreak ÷ 7) )
/// </code>
/// 150 minutes a week and 5 active days are the platform's recommended habit (about 30 minutes on school
/// days); a week-long streak earns the last 30 points. Rounding is half away from zero.
/// </summary>
internal static class EngagementScore
{
    public const int WeeklyMinutesTarget = 150;
    public const int ActiveDaysTarget = 5;
    public const int StreakTarget = 7;

    public const string Formula =
        "round(40 × min(1, minutes in the last 7 days ÷ 150) + 30 × min(1, active days in the last 7 ÷ 5) + 30 × min(1, current streak ÷ 7))";

    public static Engagement Compute(int minutesLast7Days, int activeDaysLast7Days, int currentStreak)
    {
        var score = 40m * Math.Min(1m, (decimal)minutesLast7Days / WeeklyMinutesTarget)
                  + 30m * Math.Min(1m, (decimal)activeDaysLast7Days / ActiveDaysTarget)
                  + 30m * Math.Min(1m, (decimal)currentStreak / StreakTarget);
        return new Engagement((int)Math.Round(score, MidpointRounding.AwayFromZero), Formula,
            minutesLast7Days, activeDaysLast7Days, currentStreak);
    }
}
