using Elimu.Api.Data;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Platform.Learning.Rollups;

/// <summary>
/// Writes the daily rollups: <see cref="AddAsync"/> adds a tally into the stored rows (the ingestion, inside its batch's
/// transaction) and <see cref="RebuildAsync"/> recomputes them from the raw rows, a batch of students at a time, each
/// batch in its own transaction under <see cref="LearningWriteLock"/> so it never interleaves with an ingest.
/// </summary>
public static class LearningRollups
{
    public const int DefaultStudentsPerBatch = 500;

    /// <summary>Adds the tally's rows into the stored ones (an upsert that sums); the caller's transaction holds the write lock.</summary>
    public static Task AddAsync(AppDbContext db, RollupTally tally, CancellationToken ct)
    {
        var rows = new BulkRows<LearningDayRollup>(db);
        string Sum(string property) { var c = rows.Column(property); return $"{c} = {rows.Table}.{c} + excluded.{c}"; }
        var last = rows.Column(nameof(LearningDayRollup.LastSessionAt));
        var sums = typeof(LearningDayRollup).GetProperties()
            .Where(p => p.PropertyType == typeof(int) || p.PropertyType == typeof(long))
            .Select(p => Sum(p.Name));
        var conflict =
            $"ON CONFLICT ({rows.Column(nameof(LearningDayRollup.StudentId))}, {rows.Column(nameof(LearningDayRollup.Day))}, " +
            $"{rows.Column(nameof(LearningDayRollup.LearningAreaId))}) DO UPDATE SET {string.Join(", ", sums)}, " +
            $"{last} = CASE WHEN excluded.{last} IS NULL OR ({rows.Table}.{last} IS NOT NULL AND {rows.Table}.{last} >= excluded.{last}) " +
            $"THEN {rows.Table}.{last} ELSE excluded.{last} END";
        return rows.InsertAsync([.. tally.Rows.Where(r => !r.IsEmpty)], conflict, ct);
    }

    /// <summary>
    /// Recomputes the rollups of every student (or of <paramref name="onlyStudents"/>) from the raw rows. Idempotent: a
    /// batch deletes its students' rollups and writes them anew in one transaction. <paramref name="progress"/> hears
    /// (students done, students in all) after each batch. Returns the number of rollup rows written.
    /// </summary>
    public static async Task<long> RebuildAsync(AppDbContext db, IReadOnlyCollection<Guid>? onlyStudents = null,
        int studentsPerBatch = DefaultStudentsPerBatch, Action<int, int>? progress = null, CancellationToken ct = default)
    {
        var previousTracking = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            var all = onlyStudents is null
                ? await db.Students.AsNoTracking().OrderBy(s => s.Id).Select(s => s.Id).ToListAsync(ct)
                : [.. onlyStudents.Distinct()];
            long written = 0;
            var done = 0;
            foreach (var batch in all.Chunk(Math.Max(1, studentsPerBatch)))
            {
                written += await RebuildBatchAsync(db, batch, ct);
                done += batch.Length;
                progress?.Invoke(done, all.Count);
            }
            return written;
        }
        finally { db.ChangeTracker.AutoDetectChangesEnabled = previousTracking; }
    }

    private static async Task<int> RebuildBatchAsync(AppDbContext db, Guid[] students, CancellationToken ct)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            // Inside a caller's transaction (the demo seed) the batch is part of it; otherwise each batch commits on its own.
            await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
            await LearningWriteLock.TakeAsync(db, ct);
            var tally = new RollupTally();
            await foreach (var s in db.ActivitySessions.AsNoTracking().Where(s => students.Contains(s.StudentId))
                               .Select(s => new { s.StudentId, s.StartedAt, s.DurationMinutes, s.Device, s.LearningAreaId }).AsAsyncEnumerable().WithCancellation(ct))
                tally.Session(s.StudentId, s.StartedAt, s.DurationMinutes, s.Device, s.LearningAreaId);
            await foreach (var p in db.LessonProgress.AsNoTracking()
                               .Where(p => students.Contains(p.StudentId) && p.Status == LessonStatus.completed && p.CompletedAt != null)
                               .Select(p => new { p.StudentId, CompletedAt = p.CompletedAt!.Value, p.Lesson!.Course!.LearningAreaId })
                               .AsAsyncEnumerable().WithCancellation(ct))
                tally.LessonCompleted(p.StudentId, p.CompletedAt, p.LearningAreaId);
            await foreach (var a in db.Assessments.AsNoTracking().Where(a => students.Contains(a.StudentId))
                               .Select(a => new { a.StudentId, a.AssessedAt, a.LearningAreaId, a.Score }).AsAsyncEnumerable().WithCancellation(ct))
                tally.Assessment(a.StudentId, a.AssessedAt, a.LearningAreaId, a.Score);
            await foreach (var a in db.Achievements.AsNoTracking().Where(a => students.Contains(a.StudentId))
                               .Select(a => new { a.StudentId, a.AwardedAt, a.LearningAreaId }).AsAsyncEnumerable().WithCancellation(ct))
                tally.Achievement(a.StudentId, a.AwardedAt, a.LearningAreaId);

            await db.LearningDayRollups.Where(r => students.Contains(r.StudentId)).ExecuteDeleteAsync(ct);
            var rows = tally.Rows.ToList();
            await new BulkRows<LearningDayRollup>(db).InsertAsync(rows, "", ct);
            if (transaction is not null) await transaction.CommitAsync(ct);
            return rows.Count;
        });
    }
}
