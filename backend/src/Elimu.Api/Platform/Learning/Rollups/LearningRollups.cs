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
    public const int DefaultStudentsPerBatch = 2_000;

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
    /// Recomputes the rollups of every student (or of <paramref name="onlyStudents"/>) from the raw rows, in the database:
    /// per batch of students one <c>INSERT … SELECT … GROUP BY</c> (<see cref="RollupRebuildSql"/>). Idempotent: a batch
    /// deletes its students' rollups and writes them anew in one transaction. <paramref name="progress"/> hears
    /// (students done, students in all) after each batch. Returns the number of rollup rows written.
    /// </summary>
    public static async Task<long> RebuildAsync(AppDbContext db, IReadOnlyCollection<Guid>? onlyStudents = null,
        int studentsPerBatch = DefaultStudentsPerBatch, Action<int, int>? progress = null, CancellationToken ct = default)
    {
        var all = onlyStudents is null
            ? await db.Students.AsNoTracking().OrderBy(s => s.Id).Select(s => s.Id).ToListAsync(ct)
            : [.. onlyStudents.Distinct()];
        var sql = new RollupRebuildSql(db);
        long written = 0;
        var done = 0;
        foreach (var batch in all.Chunk(Math.Max(1, studentsPerBatch)))
        {
            // Every student: a range of ids in the database's own order (one index range per table); a given set: the list.
            object[] students = onlyStudents is null ? [batch[0], batch[^1]] : [.. batch.Cast<object>()];
            Func<string, string> filter = onlyStudents is null
                ? column => $"{column} BETWEEN {{0}} AND {{1}}"
                : column => $"{column} IN ({string.Join(", ", batch.Select((_, i) => $"{{{i}}}"))})";
            written += await RebuildBatchAsync(db, sql.Insert(filter, $"{{{students.Length}}}"), filter, students, ct);
            done += batch.Length;
            progress?.Invoke(done, all.Count);
        }
        return written;
    }

    private static async Task<int> RebuildBatchAsync(AppDbContext db, string insert, Func<string, string> filter, object[] students, CancellationToken ct)
    {
        var rollups = new BulkRows<LearningDayRollup>(db);
        var delete = $"DELETE FROM {rollups.Table} WHERE {filter(rollups.Column(nameof(LearningDayRollup.StudentId)))}";
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            // Inside a caller's transaction (the demo seed) the batch is part of it; otherwise each batch commits on its own.
            await using var write = await LearningWriteLock.BeginAsync(db, ct);
            await db.Database.ExecuteSqlRawAsync(delete, students, ct);
            var rows = await db.Database.ExecuteSqlRawAsync(insert, [.. students, LearningDayRollup.NoArea], ct);
            await write.CommitAsync(ct);
            return rows;
        });
    }
}
