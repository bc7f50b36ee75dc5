using Elimu.Api.Data;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Platform.Learning;

/// <summary>
/// How a group of students got on with one lesson: how many started it (in progress or completed), how many completed it,
/// the sum and number of its check scores, and the seconds spent on it.
/// </summary>
public sealed record LessonTakeUp(Guid LessonId, int Started, int Completed, decimal ScoreSum, int Scores, long Seconds);

/// <summary>
/// Figures over a set of lessons taken in order (a sponsored course), for students given as a composable query (the consent
/// gate's). Read from <c>lesson_progress</c>, which keeps one row per student and lesson: a lesson done before it was put
/// in a course counts as done. Each method is one query whatever the number of students.
/// </summary>
public sealed class LessonSequenceStats(AppDbContext db)
{
    /// <summary>Students who started at least one of the lessons; composable.</summary>
    public IQueryable<Guid> StartedAny(IReadOnlyCollection<Guid> lessonIds) =>
        Started(lessonIds).Select(p => p.StudentId);

    /// <summary>Per lesson, over those of <paramref name="students"/> who started it (lessons nobody started are absent).</summary>
    public Task<List<LessonTakeUp>> PerLessonAsync(IQueryable<Guid> students, IReadOnlyCollection<Guid> lessonIds, CancellationToken ct) =>
        Started(lessonIds).Where(p => students.Contains(p.StudentId))
            .GroupBy(p => p.LessonId)
            .Select(g => new LessonTakeUp(g.Key, g.Count(), g.Count(p => p.Status == LessonStatus.completed),
                g.Sum(p => p.Score ?? 0m), g.Count(p => p.Score != null), g.Sum(p => (long)p.TimeSpentSeconds)))
            .ToListAsync(ct);

    /// <summary>How many of <paramref name="students"/> completed every one of the lessons.</summary>
    public Task<int> CompletedAllAsync(IQueryable<Guid> students, IReadOnlyCollection<Guid> lessonIds, CancellationToken ct)
    {
        var count = lessonIds.Distinct().Count();
        return db.LessonProgress.AsNoTracking()
            .Where(p => lessonIds.Contains(p.LessonId) && p.Status == LessonStatus.completed && students.Contains(p.StudentId))
            .GroupBy(p => p.StudentId).Where(g => g.Count() == count).CountAsync(ct);
    }

    private IQueryable<LessonProgress> Started(IReadOnlyCollection<Guid> lessonIds) =>
        db.LessonProgress.AsNoTracking().Where(p => lessonIds.Contains(p.LessonId) && p.Status != LessonStatus.not_started);
}
