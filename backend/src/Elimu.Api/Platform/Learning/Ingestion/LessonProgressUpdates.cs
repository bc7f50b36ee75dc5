using Elimu.Api.Data;
using Elimu.Api.Platform.Learning.Rollups;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Platform.Learning.Ingestion;

/// <summary>
/// A lesson_progress event is the lesson's new state for the student: it replaces the stored row unless the row is
/// newer (events may arrive out of order). A completion that appears, moves or disappears moves the rollup's
/// "lessons completed" with it, which is exact because the caller holds <see cref="LearningWriteLock"/>. The batch's
/// events are folded per (student, lesson) here and the final states written with one upsert.
/// </summary>
internal static class LessonProgressUpdates
{
    public static async Task ApplyAsync(AppDbContext db, List<LearningEventInput> events, BatchReferences refs, RollupTally tally, CancellationToken ct)
    {
        if (events.Count == 0) return;
        var students = events.Select(e => e.StudentId!.Value).Distinct().ToList();
        var lessons = events.Select(e => e.LessonId!.Value).Distinct().ToList();
        var byKey = (await db.LessonProgress.AsNoTracking().Where(p => students.Contains(p.StudentId) && lessons.Contains(p.LessonId)).ToListAsync(ct))
            .ToDictionary(p => (p.StudentId, p.LessonId));
        var changed = new Dictionary<(Guid, Guid), LessonProgress>();

        foreach (var e in events.OrderBy(e => e.OccurredAt))
        {
            var key = (e.StudentId!.Value, e.LessonId!.Value);
            var at = e.OccurredAt!.Value.UtcDateTime;
            var area = refs.LessonAreas[key.Item2];
            if (!byKey.TryGetValue(key, out var row)) byKey[key] = row = new LessonProgress { StudentId = key.Item1, LessonId = key.Item2 };
            else if (row.UpdatedAt > at) continue; // a newer state is already stored

            if (Counted(row) is { } before) tally.LessonCompleted(row.StudentId, before, area, sign: -1);
            row.Status = EventNames.Parse<LessonStatus>(e.Status);
            row.Score = e.Score;
            row.TimeSpentSeconds = e.TimeSpentSeconds ?? 0;
            row.CompletedAt = row.Status == LessonStatus.completed ? (e.CompletedAt ?? e.OccurredAt!.Value).UtcDateTime : null;
            row.UpdatedAt = at;
            if (Counted(row) is { } after) tally.LessonCompleted(row.StudentId, after, area);
            changed[key] = row;
        }

        var rows = new BulkRows<LessonProgress>(db);
        string Set(string property) => $"{rows.Column(property)} = excluded.{rows.Column(property)}";
        await rows.InsertAsync(changed.Values,
            $"ON CONFLICT ({rows.Column(nameof(LessonProgress.StudentId))}, {rows.Column(nameof(LessonProgress.LessonId))}) DO UPDATE SET " +
            string.Join(", ", new[] { nameof(LessonProgress.Status), nameof(LessonProgress.Score), nameof(LessonProgress.TimeSpentSeconds),
                nameof(LessonProgress.CompletedAt), nameof(LessonProgress.UpdatedAt) }.Select(Set)), ct);
    }

    private static DateTime? Counted(LessonProgress p) => p.Status == LessonStatus.completed ? p.CompletedAt : null;
}
