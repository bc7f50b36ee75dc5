using Elimu.Api.Data;
using Elimu.Api.Platform.Learning.Rollups;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Platform.Learning.Ingestion;

/// <summary>
/// A lesson_progress event is the lesson's new state for the student: it replaces the stored row unless the row is
/// newer (events may arrive out of order). A completion that appears, moves or disappears moves the rollup's
/// "lessons completed" with it, which is exact because the caller holds <see cref="LearningWriteLock"/>.
/// </summary>
internal static class LessonProgressUpdates
{
    public static async Task ApplyAsync(AppDbContext db, List<LearningEventInput> events, BatchReferences refs, RollupTally tally, CancellationToken ct)
    {
        if (events.Count == 0) return;
        var students = events.Select(e => e.StudentId!.Value).Distinct().ToList();
        var lessons = events.Select(e => e.LessonId!.Value).Distinct().ToList();
        var rows = await db.LessonProgress.Where(p => students.Contains(p.StudentId) && lessons.Contains(p.LessonId)).ToListAsync(ct);
        var byKey = rows.ToDictionary(p => (p.StudentId, p.LessonId));

        foreach (var e in events.OrderBy(e => e.OccurredAt))
        {
            var key = (e.StudentId!.Value, e.LessonId!.Value);
            var at = e.OccurredAt!.Value.UtcDateTime;
            var area = refs.LessonAreas[key.Item2];
            if (!byKey.TryGetValue(key, out var row))
            {
                row = new LessonProgress { StudentId = key.Item1, LessonId = key.Item2 };
                db.LessonProgress.Add(row);
                byKey[key] = row;
            }
            else if (row.UpdatedAt > at) continue; // a newer state is already stored

            if (Counted(row) is { } before) tally.LessonCompleted(row.StudentId, before, area, sign: -1);
            row.Status = EventNames.Parse<LessonStatus>(e.Status);
            row.Score = e.Score;
            row.TimeSpentSeconds = e.TimeSpentSeconds ?? 0;
            row.CompletedAt = row.Status == LessonStatus.completed ? (e.CompletedAt ?? e.OccurredAt!.Value).UtcDateTime : null;
            row.UpdatedAt = at;
            if (Counted(row) is { } after) tally.LessonCompleted(row.StudentId, after, area);
        }
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(ct);
    }

    private static DateTime? Counted(LessonProgress p) => p.Status == LessonStatus.completed ? p.CompletedAt : null;
}
