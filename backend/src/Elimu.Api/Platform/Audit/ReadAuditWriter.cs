using Elimu.Api.Common;
using Elimu.Api.Data;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Platform.Audit;

/// <summary>
/// Writes the queued read audits (<see cref="IReadAuditQueue"/>) in batches: whatever has gathered while the previous
/// batch was being saved, up to <see cref="MaxBatch"/>, in one SaveChanges. A failed batch is retried, never skipped.
/// On a normal stop the queue is closed and everything in it is written before the host ends (docs/adr/0009).
/// </summary>
internal sealed class ReadAuditWriter(ReadAuditQueue queue, IServiceScopeFactory scopes, ILogger<ReadAuditWriter> log) : BackgroundService
{
    public const int MaxBatch = 500;
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(30);

    // Not the stopping token: a stop closes the queue instead, and this loop ends when the queue is empty.
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var reader = queue.Reader;
        var batch = new List<AuditLogEntry>(MaxBatch);
        var markers = new List<TaskCompletionSource>();
        while (await reader.WaitToReadAsync(CancellationToken.None))
        {
            while (batch.Count < MaxBatch && reader.TryRead(out var item))
                if (item.Entry is { } entry) batch.Add(entry); else markers.Add(item.Written!);
            if (batch.Count > 0) await WriteAsync(batch);
            foreach (var marker in markers) marker.TrySetResult();
            batch.Clear();
            markers.Clear();
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        queue.Complete();
        await base.StopAsync(cancellationToken);
        if (queue.Reader.Count > 0)
            log.LogCritical("The host stopped before {Count} read audit entries were written", queue.Reader.Count);
    }

    /// <summary>Saves the batch on a fresh context, retrying with a growing pause until the database takes it.</summary>
    private async Task WriteAsync(List<AuditLogEntry> batch)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await SaveAsync(batch);
                return;
            }
            catch (Exception e) when (attempt >= 3 && DatabaseConflicts.IsRuleViolation(e))
            {
                // The database answers but refuses: one row may be at fault (its reader's account deleted since). Write the
                // rows one by one so the others are not held back, and keep a refused row without the gone actor.
                log.LogError(e, "Writing {Count} read audit entries was refused {Attempt} times; writing them one by one", batch.Count, attempt);
                foreach (var entry in batch) await WriteOneAsync(entry);
                return;
            }
            catch (Exception e)
            {
                log.LogError(e, "Writing {Count} read audit entries failed (attempt {Attempt}); retrying", batch.Count, attempt);
                await Task.Delay(Pause(attempt));
            }
        }
    }

    private async Task WriteOneAsync(AuditLogEntry entry)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var scope = scopes.CreateScope();
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                db.AuditLog.Add(entry);
                await db.SaveChangesAsync(CancellationToken.None);
                return;
            }
            catch (DbUpdateException e) when (entry.UserId is not null)
            {
                log.LogError(e, "Read audit entry {Id} refused; keeping it without its actor {UserId}", entry.Id, entry.UserId);
                entry.Details = $"{entry.Details} (actor {entry.UserId} no longer exists)".Trim();
                entry.UserId = null;
            }
            catch (Exception e)
            {
                log.LogError(e, "Writing read audit entry {Id} failed (attempt {Attempt}); retrying", entry.Id, attempt);
                await Task.Delay(Pause(attempt));
            }
        }
    }

    /// <summary>
    /// The entries through SaveChanges, their children as one set-based insert (<see cref="BulkRows{T}"/>), in one
    /// transaction: a page of children read is one entry and up to a hundred child rows, which SaveChanges would send
    /// as a hundred statements on SQLite.
    /// </summary>
    private async Task SaveAsync(List<AuditLogEntry> entries)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None);
        // Each entry alone (its Students are not tracked, so SaveChanges does not write them one by one).
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        foreach (var entry in entries) db.Entry(entry).State = EntityState.Added;
        await db.SaveChangesAsync(CancellationToken.None);
        await new BulkRows<AuditLogStudent>(db).InsertAsync([.. entries.SelectMany(e => e.Students)], "", CancellationToken.None);
        await transaction.CommitAsync(CancellationToken.None);
    }

    private static TimeSpan Pause(int attempt) =>
        TimeSpan.FromMilliseconds(Math.Min(MaxRetryDelay.TotalMilliseconds, 100 * Math.Pow(2, Math.Min(attempt, 10))));
}
