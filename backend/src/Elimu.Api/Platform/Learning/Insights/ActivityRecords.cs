namespace Elimu.Api.Platform.Learning.Insights;

// Result shapes of ChildLearningInsights.GetActivityAsync and GetAchievementsAsync
// (plan Step 6: ChildActivity, ChildAchievement).

/// <summary>day = today in Nairobi; week = the last 7 Nairobi days; month = the last 30, each ending today.</summary>
public enum ActivityPeriod { day, week, month }

/// <summary>
/// Time on the platform over a period. Sessions count on the Nairobi day (and hour) they started.
/// Streaks and engagement do not depend on the period: they always look at the child's recent days.
/// </summary>
public sealed record ActivitySummary(
    ActivityPeriod Period,
    DateOnly From,
    DateOnly To,
    IReadOnlyList<DayMinutes> Days,
    IReadOnlyList<HourMinutes>? Hours,
    int SessionCount,
    int TotalMinutes,
    decimal AverageSessionMinutes,
    IReadOnlyList<DeviceUsage> Devices,
    int CurrentStreak,
    int LongestStreak,
    DateTime? LastActiveAt,
    int? DaysSinceLastActive,
    Engagement Engagement);

/// <summary>Every day of the period is present, zero-filled.</summary>
public sealed record DayMinutes(DateOnly Date, int Minutes, int Sessions);

/// <summary>Nairobi hours 0–23 of the day period (null for week and month).</summary>
public sealed record HourMinutes(int Hour, int Minutes, int Sessions);

/// <summary>Always the four device kinds; <see cref="Percent"/> is the share of the period's minutes.</summary>
public sealed record DeviceUsage(DeviceKind Device, int Sessions, int Minutes, decimal Percent);

/// <summary>The engagement score with its inputs and the formula that combined them (see <see cref="EngagementScore"/>).</summary>
public sealed record Engagement(int Score, string Formula, int MinutesLast7Days, int ActiveDaysLast7Days, int CurrentStreak);

public sealed record AchievementList(
    IReadOnlyList<AchievementItem> Certificates,
    IReadOnlyList<AchievementItem> Badges,
    IReadOnlyList<AchievementItem> Milestones,
    AchievementCounts Counts);

public sealed record AchievementItem(
    Guid Id,
    AchievementKind Kind,
    string Title,
    string? Description,
    string? LearningAreaName,
    DateTime AwardedAt);

public sealed record AchievementCounts(int Certificates, int Badges, int Milestones, int Total);
