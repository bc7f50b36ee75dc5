using Elimu.Api.Data;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Platform.Learning.Insights;

// The rows the calculators need, each fetched with exactly one query that filters on the student and returns
// only the columns used. Calculators work in memory on these rows, so a page costs a fixed number of queries.

internal sealed record SessionRow(DateTime StartedAt, int Minutes, DeviceKind Device);

internal sealed record AssessmentRow(
    Guid LearningAreaId, string AreaCode, string AreaName, decimal Score, RubricLevel Level, DateTime AssessedAt);

internal sealed record CompetencyRow(CoreCompetency Competency, decimal Score, DateOnly AssessedOn);

internal sealed class LearningRecordsReader(AppDbContext db)
{
    /// <summary>Sessions that started on Nairobi days from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public Task<List<SessionRow>> SessionsAsync(Guid studentId, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var (fromUtc, toUtc) = (InsightDates.StartUtc(from), InsightDates.StartUtc(to.AddDays(1)));
        return db.ActivitySessions.AsNoTracking()
            .Where(s => s.StudentId == studentId && s.StartedAt >= fromUtc && s.StartedAt < toUtc)
            .OrderBy(s => s.StartedAt)
            .Select(s => new SessionRow(s.StartedAt, s.DurationMinutes, s.Device))
            .ToListAsync(ct);
    }

    /// <summary>All the child's assessments, oldest first (ties by id, which is time-ordered).</summary>
    public Task<List<AssessmentRow>> AssessmentsAsync(Guid studentId, CancellationToken ct) =>
        db.Assessments.AsNoTracking()
            .Where(a => a.StudentId == studentId)
            .OrderBy(a => a.AssessedAt).ThenBy(a => a.Id)
            .Select(a => new AssessmentRow(a.LearningAreaId, a.LearningArea!.Code, a.LearningArea.Name, a.Score, a.RubricLevel, a.AssessedAt))
            .ToListAsync(ct);

    public Task<List<CompetencyRow>> CompetencyScoresAsync(Guid studentId, CancellationToken ct) =>
        db.CompetencyScores.AsNoTracking()
            .Where(c => c.StudentId == studentId)
            .OrderBy(c => c.AssessedOn)
            .Select(c => new CompetencyRow(c.Competency, c.Score, c.AssessedOn))
            .ToListAsync(ct);

    /// <summary>When each completed lesson was completed (null when the platform did not record it).</summary>
    public Task<List<DateTime?>> CompletedLessonTimesAsync(Guid studentId, CancellationToken ct) =>
        db.LessonProgress.AsNoTracking()
            .Where(p => p.StudentId == studentId && p.Status == LessonStatus.completed)
            .Select(p => p.CompletedAt)
            .ToListAsync(ct);

    public Task<List<RecentLesson>> RecentLessonsAsync(Guid studentId, int count, CancellationToken ct) =>
        db.LessonProgress.AsNoTracking()
            .Where(p => p.StudentId == studentId)
            .OrderByDescending(p => p.UpdatedAt).ThenByDescending(p => p.Id)
            .Take(count)
            .Select(p => new RecentLesson(p.LessonId, p.Lesson!.Title, p.Lesson.Course!.Title, p.Lesson.Course.LearningArea!.Name,
                p.Status, p.Score, p.TimeSpentSeconds, p.CompletedAt, p.UpdatedAt))
            .ToListAsync(ct);

    /// <summary>All achievements, newest first, with the learning area's name looked up in the same query.</summary>
    public Task<List<AchievementItem>> AchievementsAsync(Guid studentId, CancellationToken ct) =>
        db.Achievements.AsNoTracking()
            .Where(a => a.StudentId == studentId)
            .OrderByDescending(a => a.AwardedAt).ThenByDescending(a => a.Id)
            .Select(a => new AchievementItem(a.Id, a.Kind, a.Title, a.Description,
                db.LearningAreas.Where(l => l.Id == a.LearningAreaId).Select(l => l.Name).FirstOrDefault(), a.AwardedAt))
            .ToListAsync(ct);
}
