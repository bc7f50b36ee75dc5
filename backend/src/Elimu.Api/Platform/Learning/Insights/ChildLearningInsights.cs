using Elimu.Api.Common;
using Elimu.Api.Data;

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

    /// <summary>Mastery, CBC rubric and competencies, 12 weeks of progress, focus areas, recent lessons. Five queries.</summary>
    public async Task<LearningJourney> GetJourneyAsync(Guid studentId, CancellationToken ct)
    {
        var today = NairobiTime.Today(clock);
        var assessments = await _read.AssessmentsAsync(studentId, ct);
        var competencies = await _read.CompetencyScoresAsync(studentId, ct);
        var sessions = await _read.SessionsAsync(studentId, JourneyCalculator.FirstWeekStart(today), today, ct);
        var completed = await _read.CompletedLessonTimesAsync(studentId, ct);
        var recentLessons = await _read.RecentLessonsAsync(studentId, JourneyCalculator.RecentLessonCount, ct);
        return JourneyCalculator.Build(today, assessments, competencies, sessions, completed, recentLessons);
    }

    /// <summary>Minutes per day, sessions, devices, streaks and engagement for the period ending today. Two queries.</summary>
    public async Task<ActivitySummary> GetActivityAsync(Guid studentId, ActivityPeriod period, CancellationToken ct)
    {
        var (recent, lastActiveAt) = await RecentActivityAsync(studentId, ct);
        return ActivityCalculator.Build(recent, lastActiveAt, period);
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
        var recent = new RecentActivity(await _read.SessionsAsync(studentId, RecentActivity.FirstDay(today), today, ct), today);
        var assessments = await _read.AssessmentsAsync(studentId, ct);
        var completed = await _read.CompletedLessonTimesAsync(studentId, ct);
        return GoalProgressCalculator.Measure(goals, recent, assessments, completed);
    }

    /// <summary>Learning-time pattern, strongest and weakest areas, early warnings and support tips. Four queries.</summary>
    public async Task<LearningSignals> GetSignalsAsync(Guid studentId, IReadOnlyList<GoalSpec> goals, CancellationToken ct)
    {
        GoalProgressCalculator.EnsureValid(goals);
        var (recent, lastActiveAt) = await RecentActivityAsync(studentId, ct);
        var assessments = await _read.AssessmentsAsync(studentId, ct);
        var completed = await _read.CompletedLessonTimesAsync(studentId, ct);
        var goalProgress = GoalProgressCalculator.Measure(goals, recent, assessments, completed);
        var weeks = JourneyCalculator.WeeklyProgress(recent.Today, assessments, [], []);
        return LearningSignalsCalculator.Build(recent, lastActiveAt, AreaMasteryCalculator.Areas(assessments, recent.Today), weeks, goalProgress);
    }

    private async Task<(RecentActivity Recent, DateTime? LastActiveAt)> RecentActivityAsync(Guid studentId, CancellationToken ct)
    {
        var today = NairobiTime.Today(clock);
        var sessions = await _read.SessionsAsync(studentId, RecentActivity.FirstDay(today), today, ct);
        var lastActiveAt = await _read.LastSessionStartAsync(studentId, today, ct);
        return (new RecentActivity(sessions, today), lastActiveAt);
    }
}
