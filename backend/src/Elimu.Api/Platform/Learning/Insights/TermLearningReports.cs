using Elimu.Api.Common;
using Elimu.Api.Data;
using Elimu.Api.Platform.Learning.Rollups;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Platform.Learning.Insights;

/// <summary>A student whose term is wanted, with the goals to measure for it (mapped by the caller, which knows who set them).</summary>
public sealed record TermStudent(Guid StudentId, IReadOnlyList<GoalSpec> Goals);

/// <summary>
/// One student's school term, as a progress letter and the student-insights dashboard show it. <see cref="AsOf"/> is the
/// term's last day, or today while the term runs: streaks and goals are measured on that day, so for the current term
/// they equal the activity and goals views. Minutes, sessions, lessons and achievements count the term's days up to it.
/// </summary>
public sealed record TermLearning(Guid StudentId, DateOnly From, DateOnly To, DateOnly AsOf, int Minutes, int Sessions, int ActiveDays,
    int LessonsCompleted, int CurrentStreak, int LongestStreak, IReadOnlyList<TermArea> Areas, IReadOnlyList<AchievementItem> Achievements,
    IReadOnlyList<GoalProgress> Goals);

/// <summary>
/// A learning area assessed in the term: its assessments and average score in the term, the rubric level of the latest
/// of them, the level the child had before the term began (null when never assessed before) and how it moved.
/// </summary>
public sealed record TermArea(string Code, string Name, int Assessments, decimal AverageScore, RubricLevel Level, string LevelLabel,
    RubricLevel? PreviousLevel, TrendDirection? Movement);

/// <summary>
/// The term figures of many students at once, in a fixed number of queries whatever their number (daily rollups for
/// minutes, sessions and streaks; assessments for levels and rubric goals; achievements of the term; completed lessons
/// only when a lessons goal asks for them). The figures come from the same calculators as the child views.
/// </summary>
public sealed class TermLearningReports(AppDbContext db, TimeProvider clock)
{
    private static readonly IReadOnlyDictionary<DeviceKind, (int Sessions, int Minutes)> NoDevices = new Dictionary<DeviceKind, (int, int)>();

    /// <summary>The term's last day, or today while it runs (a term that has not begun is refused by the callers).</summary>
    public DateOnly AsOf(DateOnly to) => NairobiTime.Today(clock) is var today && today < to ? today : to;

    public async Task<Dictionary<Guid, TermLearning>> ForStudentsAsync(IReadOnlyList<TermStudent> students, DateOnly from, DateOnly to,
        CancellationToken ct)
    {
        var asOf = AsOf(to);
        var ids = students.Select(s => s.StudentId).Distinct().ToList();
        if (ids.Count == 0 || asOf < from) return new();
        var (fromUtc, endUtc) = (InsightDates.StartUtc(from), InsightDates.StartUtc(asOf.AddDays(1)));
        var firstDay = RecentActivity.FirstDay(asOf) < from ? RecentActivity.FirstDay(asOf) : from;

        // Only the columns the figures use: a year of the scale data is about 50 active days per child.
        var dayRows = await db.LearningDayRollups.AsNoTracking()
            .Where(r => ids.Contains(r.StudentId) && r.Day >= firstDay && r.Day <= asOf)
            .Select(r => new { r.StudentId, r.Day, r.Minutes, r.Sessions, r.LastSessionAt, r.LessonsCompleted, r.Assessments, r.AssessmentScoreHundredths })
            .ToListAsync(ct);
        var days = dayRows.GroupBy(r => r.StudentId).ToDictionary(s => s.Key, s => s.GroupBy(r => r.Day).OrderBy(g => g.Key)
            .Select(g => new DayFigures(g.Key, g.Sum(r => r.Minutes), g.Sum(r => r.Sessions), g.Max(r => r.LastSessionAt), g.Sum(r => r.LessonsCompleted),
                g.Sum(r => r.Assessments), g.Sum(r => r.AssessmentScoreHundredths), NoDevices)).ToList());

        var areas = await db.LearningAreas.AsNoTracking().Select(a => new { a.Id, a.Code, a.Name }).ToDictionaryAsync(a => a.Id, ct);
        var assessmentRows = await db.Assessments.AsNoTracking()
            .Where(a => ids.Contains(a.StudentId) && a.AssessedAt < endUtc)
            .OrderBy(a => a.AssessedAt).ThenBy(a => a.Id)
            .Select(a => new { a.StudentId, a.LearningAreaId, a.Score, a.RubricLevel, a.AssessedAt })
            .ToListAsync(ct);
        var assessments = assessmentRows.ToLookup(a => a.StudentId, a => areas.TryGetValue(a.LearningAreaId, out var area)
            ? new AssessmentRow(a.LearningAreaId, area.Code, area.Name, a.Score, a.RubricLevel, a.AssessedAt)
            : new AssessmentRow(a.LearningAreaId, "", "Learning area", a.Score, a.RubricLevel, a.AssessedAt));

        var achievements = (await db.Achievements.AsNoTracking()
            .Where(a => ids.Contains(a.StudentId) && a.AwardedAt >= fromUtc && a.AwardedAt < endUtc)
            .OrderByDescending(a => a.AwardedAt).ThenByDescending(a => a.Id)
            .Select(a => new { a.StudentId, Item = new AchievementItem(a.Id, a.Kind, a.Title, a.Description,
                db.LearningAreas.Where(l => l.Id == a.LearningAreaId).Select(l => l.Name).FirstOrDefault(), a.AwardedAt) })
            .ToListAsync(ct)).ToLookup(a => a.StudentId, a => a.Item);

        // Lessons since a goal's start are counted only for a lessons goal; most letters have none, so most runs skip this.
        var withLessonGoals = students.Where(s => s.Goals.Any(g => g.Kind == GoalKinds.LessonsCompleted)).Select(s => s.StudentId).Distinct().ToList();
        var lessons = withLessonGoals.Count == 0 ? Enumerable.Empty<(Guid, DateTime?)>().ToLookup(l => l.Item1, l => l.Item2)
            : (await db.LessonProgress.AsNoTracking()
                .Where(p => withLessonGoals.Contains(p.StudentId) && p.Status == LessonStatus.completed && (p.CompletedAt == null || p.CompletedAt < endUtc))
                .Select(p => new { p.StudentId, p.CompletedAt }).ToListAsync(ct)).ToLookup(p => p.StudentId, p => p.CompletedAt);

        var result = new Dictionary<Guid, TermLearning>();
        foreach (var student in students)
        {
            if (result.ContainsKey(student.StudentId)) continue;
            GoalProgressCalculator.EnsureValid(student.Goals);
            var recent = new RecentActivity(days.GetValueOrDefault(student.StudentId) ?? [], asOf);
            var rows = assessments[student.StudentId].ToList();
            var inTerm = recent.DaysOn(from, asOf).ToList();
            var goals = GoalProgressCalculator.Measure(student.Goals, recent, rows, lessons[student.StudentId].ToList());
            result[student.StudentId] = new TermLearning(student.StudentId, from, to, asOf, inTerm.Sum(d => d.Minutes), inTerm.Sum(d => d.Sessions),
                inTerm.Count(d => d.Sessions > 0), inTerm.Sum(d => d.LessonsCompleted), recent.CurrentStreak,
                StreakCalculator.Longest(recent.ActiveDays, from, asOf), Areas(rows, fromUtc), [.. achievements[student.StudentId]], goals);
        }
        return result;
    }

    /// <summary>The areas assessed in the term, by name; rows are oldest first.</summary>
    private static List<TermArea> Areas(List<AssessmentRow> rows, DateTime fromUtc) =>
        [.. rows.Where(a => a.AssessedAt >= fromUtc).GroupBy(a => a.LearningAreaId).Select(g =>
        {
            var latest = g.Last();
            var before = rows.LastOrDefault(a => a.LearningAreaId == g.Key && a.AssessedAt < fromUtc);
            TrendDirection? movement = before is null ? null
                : CbcLabels.Rank(latest.Level).CompareTo(CbcLabels.Rank(before.Level)) switch { > 0 => TrendDirection.up, < 0 => TrendDirection.down, _ => TrendDirection.flat };
            return new TermArea(latest.AreaCode, latest.AreaName, g.Count(), InsightDates.Round1(g.Average(a => a.Score)), latest.Level,
                CbcLabels.Of(latest.Level), before?.Level, movement);
        }).OrderBy(a => a.Name, StringComparer.Ordinal)];
}
