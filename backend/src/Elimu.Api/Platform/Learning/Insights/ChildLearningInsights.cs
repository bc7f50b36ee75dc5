using Elimu.Api.Common;
using Elimu.Api.Data;
using Elimu.Api.Platform.Learning.Rollups;

namespace Elimu.Api.Platform.Learning.Insights;

/// <summary>
/// A child's learning journey, activity, achievements, goal progress and learning signals, computed from the
/// platform's learning records (DESIGN §3: code computes, AI only narrates). Each method runs a fixed number of
/// queries whatever the amount of data, and counts days and weeks in Nairobi time on the injected clock.
/// The caller decides who may see the child (consent, ownership); an unknown student gets empty results.
/// </summary>
public sealed class ChildLearningInsights(AppDbContext db, TimeProvider clock)
{
    private readonly LearningRecordsReader _read = new(db);
    private readonly RollupReader _rollups = new(db);

    /// <summary>
    /// Mastery, CBC rubric and competencies, 12 weeks of progress (from the daily rollups), focus areas, recent lessons.
    /// Four queries.
    /// </summary>
    public async Task<LearningJourney> GetJourneyAsync(Guid studentId, CancellationToken ct)
    {
        var today = NairobiTime.Today(clock);
        var assessments = await _read.AssessmentsAsync(studentId, ct);
        var competencies = await _read.CompetencyScoresAsync(studentId, ct);
        var days = await _rollups.DaysAsync(studentId, JourneyCalculator.FirstWeekStart(today), today, ct);
        var recentLessons = await _read.RecentLessonsAsync(studentId, JourneyCalculator.RecentLessonCount, ct);
        return JourneyCalculator.Build(today, assessments, competencies, days, recentLessons);
    }

    /// <summary>
    /// Minutes per day, sessions, devices, streaks and engagement for the period ending today, from the daily rollups.
    /// One query (a second when the child had no session in the days it covers, for "last active"), and another for the
    /// day period's hours (today's sessions, by the student/start index).
    /// </summary>
    public async Task<ActivitySummary> GetActivityAsync(Guid studentId, ActivityPeriod period, CancellationToken ct)
    {
        var (recent, lastActiveAt) = await RecentActivityAsync(studentId, withSessionsFrom: null, ct);
        var today = period == ActivityPeriod.day ? await _read.SessionsAsync(studentId, recent.Today, recent.Today, ct) : [];
        return ActivityCalculator.Build(recent, lastActiveAt, period, today);
    }

    /// <summary>Certificates, badges and milestones, each newest first. One query.</summary>
    public async Task<AchievementList> GetAchievementsAsync(Guid studentId, CancellationToken ct)
    {
        var all = await _read.AchievementsAsync(studentId, ct);
        List<AchievementItem> Of(AchievementKind kind) => [.. all.Where(a => a.Kind == kind)];
        var (certificates, badges, milestones) = (Of(AchievementKind.certificate), Of(AchievementKind.badge), Of(AchievementKind.milestone));
        return new AchievementList(certificates, badges, milestones,
            new AchievementCounts(certificates.Count, badges.Count, milestones.Count, all.Count));
    }

    /// <summary>
    /// Progress towards each goal, in the order given. Three queries (none without goals).
    /// Throws <see cref="ValidationFailedException"/> (a 400) for a goal that <see cref="GoalSpec.Validate"/> rejects.
    /// </summary>
    public async Task<IReadOnlyList<GoalProgress>> GetGoalProgressAsync(Guid studentId, IReadOnlyList<GoalSpec> goals, CancellationToken ct)
    {
        GoalProgressCalculator.EnsureValid(goals);
        if (goals.Count == 0) return [];
        var today = NairobiTime.Today(clock);
        var recent = new RecentActivity(await _rollups.DaysAsync(studentId, RecentActivity.FirstDay(today), today, ct), today);
        var assessments = await _read.AssessmentsAsync(studentId, ct);
        var completed = await _read.CompletedLessonTimesAsync(studentId, ct);
        return GoalProgressCalculator.Measure(goals, recent, assessments, completed);
    }

    /// <summary>
    /// Learning-time pattern (raw sessions of its <see cref="LearningSignalsCalculator.PatternDays"/> days, as it needs the
    /// hour), strongest and weakest areas, early warnings and support tips. Four queries (five for a child with no session in
    /// the last <see cref="StreakCalculator.LongestStreakWindowDays"/> days, whose last session is looked up further back).
    /// </summary>
    public async Task<LearningSignals> GetSignalsAsync(Guid studentId, IReadOnlyList<GoalSpec> goals, CancellationToken ct)
    {
        GoalProgressCalculator.EnsureValid(goals);
        var patternFrom = NairobiTime.Today(clock).AddDays(-(LearningSignalsCalculator.PatternDays - 1));
        var (recent, lastActiveAt) = await RecentActivityAsync(studentId, patternFrom, ct);
        var assessments = await _read.AssessmentsAsync(studentId, ct);
        var completed = await _read.CompletedLessonTimesAsync(studentId, ct);
        var goalProgress = GoalProgressCalculator.Measure(goals, recent, assessments, completed);
        var weeks = JourneyCalculator.WeeklyProgress(recent.Today, recent.Days);
        return LearningSignalsCalculator.Build(recent, lastActiveAt, AreaMasteryCalculator.Areas(assessments, recent.Today), weeks, goalProgress);
    }

    private async Task<(RecentActivity Recent, DateTime? LastActiveAt)> RecentActivityAsync(Guid studentId, DateOnly? withSessionsFrom, CancellationToken ct)
    {
        var today = NairobiTime.Today(clock);
        var days = await _rollups.DaysAsync(studentId, RecentActivity.FirstDay(today), today, ct);
        var sessions = withSessionsFrom is { } from ? await _read.SessionsAsync(studentId, from, today, ct) : null;
        var lastActiveAt = await _rollups.LastSessionAsync(studentId, days, today, ct);
        return (new RecentActivity(days, today, sessions), lastActiveAt);
    }
}
