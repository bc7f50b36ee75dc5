using System.Collections.Concurrent;
using Elimu.Api.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Elimu.Api.Platform.Learning.Rollups;

/// <summary>
/// Serialises the writers of learning rows and rollups (an ingested batch, a rebuild batch) so a rollup delta is never
/// computed against a lesson state another transaction is changing, and a rebuild never loses an ingest's increment.
/// On PostgreSQL a transaction-scoped advisory lock (released at commit or rollback, and shared by every instance);
/// on SQLite the transaction begins IMMEDIATE and holds the database's single write lock.
/// <para>
/// On SQLite the writers of this process also queue on an async gate before they begin: Microsoft.Data.Sqlite meets
/// a busy database by sleeping its thread and polling, so batches that wait there wake late, hold pool threads, and
/// leave the database idle between them; the gate hands the lock on the moment it is released, first come first served.
/// </para>
/// </summary>
public static class LearningWriteLock
{
    // Any fixed 64-bit number no other advisory lock of Elimu uses: "elimu" + "learn" in ASCII, folded.
    private const long Key = 0x656C696D_754C524E;

    // One gate per SQLite file (a test run hosts several databases in one process).
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new();

    /// <summary>
    /// Begins the caller's write transaction holding the lock; disposing it (after a commit or not) releases both. Inside a
    /// transaction the caller already has (the demo seed), that transaction is used and the lock taken in it.
    /// </summary>
    public static async Task<LearningWrite> BeginAsync(AppDbContext db, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            await TakeAsync(db, ct);
            return new LearningWrite(null, null);
        }
        var gate = db.Database.IsSqlite() ? Gates.GetOrAdd(db.Database.GetConnectionString() ?? "", _ => new SemaphoreSlim(1, 1)) : null;
        if (gate is not null) await gate.WaitAsync(ct);
        try
        {
            var transaction = await db.Database.BeginTransactionAsync(ct);
            await TakeAsync(db, ct);
            return new LearningWrite(transaction, gate);
        }
        catch
        {
            gate?.Release();
            throw;
        }
    }

    private static async Task TakeAsync(AppDbContext db, CancellationToken ct)
    {
        if (db.Database.IsNpgsql()) await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({Key})", ct);
    }
}

/// <summary>A learning write in progress: commit it, then dispose it (disposing without a commit rolls it back).</summary>
public sealed class LearningWrite(IDbContextTransaction? transaction, SemaphoreSlim? gate) : IAsyncDisposable
{
    public Task CommitAsync(CancellationToken ct) => transaction?.CommitAsync(ct) ?? Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        try { if (transaction is not null) await transaction.DisposeAsync(); }
        finally { gate?.Release(); }
    }
}
