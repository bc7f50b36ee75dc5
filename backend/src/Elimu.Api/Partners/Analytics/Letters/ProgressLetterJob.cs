using System.Collections.Concurrent;
using Elimu.Api.Data;
using Elimu.Api.Partners.Dashboard;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Partners.Analytics.Letters;

/// <summary>The batches this instance was asked for (a wake-up for its job) and the ones it runs (to stop them at once when cancelled here).</summary>
public sealed class ProgressLetterQueue
{
    private readonly SemaphoreSlim _wake = new(0, 1);
    private readonly ConcurrentDictionary<Guid, CancellationTokenSource> _running = new();

    public void Wake()
    {
        try { _wake.Release(); } catch (SemaphoreFullException) { /* already awake */ }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => _wake.WaitAsync(timeout, ct);

    public CancellationTokenSource Track(Guid id, CancellationToken stopping) => _running[id] = CancellationTokenSource.CreateLinkedTokenSource(stopping);

    public void Untrack(Guid id)
    {
        if (_running.TryRemove(id, out var cts)) cts.Dispose();
    }

    public void Cancel(Guid id)
    {
        if (_running.TryGetValue(id, out var cts))
            try { cts.Cancel(); } catch (ObjectDisposedException) { /* finished meanwhile */ }
    }
}

/// <summary>Pushes a batch's progress to the partner's open pages (event "progressLetters"); best effort, the page polls the row too.</summary>
public sealed class ProgressLetterPush(IHubContext<PartnerHub> hub, ILogger<ProgressLetterPush> log)
{
    public const string Event = "progressLetters";

    public async Task SendAsync(Guid partnerId, LetterBatchProgress progress, CancellationToken ct)
    {
        try
        {
            await hub.Clients.Group(PartnerHub.GroupOf(partnerId)).SendAsync(Event, progress, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogWarning(e, "Could not push the progress of letter batch {BatchId}", progress.Id);
        }
    }
}

/// <summary>
/// Writes letter batches in the background, one at a time per instance (a batch already uses every core). A batch is
/// claimed by a conditional update (queued → running), so with several instances exactly one runs it; a running batch
/// whose instance stopped (no heartbeat for <see cref="StaleAfter"/>) is claimed again and written from the start.
/// </summary>
public sealed class ProgressLetterJob(IServiceScopeFactory scopes, ProgressLetterQueue queue, ProgressLetterPush push, TimeProvider clock,
    ILogger<ProgressLetterJob> log) : BackgroundService
{
    public static readonly TimeSpan ScanInterval = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await queue.WaitAsync(ScanInterval, stoppingToken);
                while (await ClaimAsync(stoppingToken) is { } claimed) await RunAsync(claimed.Id, claimed.PartnerId, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                log.LogWarning(e, "The letter batch scan failed; it scans again shortly");
            }
        }
    }

    private async Task<(Guid Id, Guid PartnerId)?> ClaimAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var staleBefore = now - StaleAfter;
            var next = await db.ProgressLetterBatches.AsNoTracking()
                .Where(b => b.Status == LetterBatchStatus.queued || (b.Status == LetterBatchStatus.running && b.HeartbeatAt < staleBefore))
                .OrderBy(b => b.RequestedAt).Select(b => new { b.Id, b.PartnerId }).FirstOrDefaultAsync(ct);
            if (next is null) return null;
            var taken = await db.ProgressLetterBatches
                .Where(b => b.Id == next.Id && (b.Status == LetterBatchStatus.queued || (b.Status == LetterBatchStatus.running && b.HeartbeatAt < staleBefore)))
                .ExecuteUpdateAsync(u => u.SetProperty(b => b.Status, LetterBatchStatus.running).SetProperty(b => b.Progress, 1)
                    .SetProperty(b => b.Stage, "Starting").SetProperty(b => b.HeartbeatAt, now), ct);
            if (taken == 1) return (next.Id, next.PartnerId);
        }
        return null;
    }

    private async Task RunAsync(Guid id, Guid partnerId, CancellationToken stopping)
    {
        using var cts = queue.Track(id, stopping);
        try
        {
            using var scope = scopes.CreateScope();
            await scope.ServiceProvider.GetRequiredService<ProgressLetterRunner>().RunAsync(id, cts.Token);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Shutting down: the row stays running and another instance takes it over once its heartbeat is stale.
        }
        catch (OperationCanceledException)
        {
            // Cancelled (the row already says so): what was written is removed, a cancelled batch has no letters.
            await CleanUpAsync(id);
        }
        catch (Exception e)
        {
            log.LogError(e, "Letter batch {BatchId} failed", id);
            await FailAsync(id, partnerId, stopping);
            await CleanUpAsync(id);
        }
        finally
        {
            queue.Untrack(id);
        }
    }

    private async Task CleanUpAsync(Guid id)
    {
        using var scope = scopes.CreateScope();
        await scope.ServiceProvider.GetRequiredService<AppDbContext>().ProgressLetters.Where(l => l.BatchId == id).ExecuteDeleteAsync();
        scope.ServiceProvider.GetRequiredService<ProgressLetterFiles>().DeleteBatch(id);
    }

    private async Task FailAsync(Guid id, Guid partnerId, CancellationToken ct)
    {
        const string error = "The letters could not be written. Try again; if it fails again, contact support.";
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        await db.ProgressLetterBatches.Where(b => b.Id == id && b.Status == LetterBatchStatus.running)
            .ExecuteUpdateAsync(u => u.SetProperty(b => b.Status, LetterBatchStatus.failed).SetProperty(b => b.Error, error)
                .SetProperty(b => b.Stage, "Failed").SetProperty(b => b.ActiveKey, (string?)null).SetProperty(b => b.CompletedAt, now), ct);
        await push.SendAsync(partnerId, new LetterBatchProgress(id, LetterBatchStatus.failed, 0, "Failed", 0, 0, error), ct);
    }
}
