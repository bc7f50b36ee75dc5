using Elimu.Api.Data;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Platform.Learning.Rollups;

/// <summary>
/// Serialises the writers of learning rows and rollups (an ingested batch, a rebuild batch) so a rollup delta is never
/// computed against a lesson state another transaction is changing, and a rebuild never loses an ingest's increment.
/// On PostgreSQL a transaction-scoped advisory lock (released at commit or rollback, and shared by every instance);
/// on SQLite the transaction already began IMMEDIATE and holds the database's single write lock.
/// </summary>
public static class LearningWriteLock
{
    // Any fixed 64-bit number no other advisory lock of Elimu uses: "elimu" + "learn" in ASCII, folded.
    private const long Key = 0x656C696D_754C524E;

    public static async Task TakeAsync(AppDbContext db, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null) throw new InvalidOperationException("The learning write lock is held by a transaction; begin one first.");
        if (db.Database.IsNpgsql()) await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({Key})", ct);
    }
}
