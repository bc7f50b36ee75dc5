using System.Collections.Concurrent;
using Elimu.Api.Data;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Partners.Analytics;

/// <summary>
/// The reports this instance was asked for (a wake-up for its job) and the ones it runs (to stop them at once when
/// cancelled here; a cancel made on another instance reaches the run at its next step through the row).
/// </summary>
public sealed class ImpactReportQueue
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

/// <summary>
/// Runs impact reports in the background, one at a time per instance. A report is claimed by a conditional update
/// (queued → running), so when several instances scan the same row exactly one runs it; a running report whose instance
/// stopped (no heartbeat for <see cref="StaleAfter"/>) is claimed again and computed from the start. An instance wakes
/// when it is asked for a report and otherwise scans every <see cref="ScanInterval"/> for reports asked elsewhere.
/// </summary>
public sealed class ImpactReportJob(IServiceScopeFactory scopes, ImpactReportQueue queue, ImpactReportPush push, TimeProvider clock,
    ILogger<ImpactReportJob> log) : BackgroundService
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
                log.LogWarning(e, "The impact report scan failed; it scans again shortly");
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
            var next = await db.PartnerImpactReports.AsNoTracking()
                .Where(r => r.Status == ImpactReportStatus.queued || (r.Status == ImpactReportStatus.running && r.HeartbeatAt < staleBefore))
                .OrderBy(r => r.GeneratedAt).Select(r => new { r.Id, r.PartnerId }).FirstOrDefaultAsync(ct);
            if (next is null) return null;
            var taken = await db.PartnerImpactReports
                .Where(r => r.Id == next.Id && (r.Status == ImpactReportStatus.queued || (r.Status == ImpactReportStatus.running && r.HeartbeatAt < staleBefore)))
                .ExecuteUpdateAsync(u => u.SetProperty(r => r.Status, ImpactReportStatus.running).SetProperty(r => r.Progress, 5)
                    .SetProperty(r => r.Stage, "Starting").SetProperty(r => r.HeartbeatAt, now), ct);
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
            await scope.ServiceProvider.GetRequiredService<ImpactReportRunner>().RunAsync(id, cts.Token);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Shutting down: the row stays running and another instance takes it over once its heartbeat is stale.
        }
        catch (OperationCanceledException)
        {
            // Cancelled (the row already says so): nothing to undo, the figures of a cancelled report are not shown.
        }
        catch (Exception e)
        {
            log.LogError(e, "Impact report {ReportId} failed", id);
            await FailAsync(id, partnerId, stopping);
        }
        finally
        {
            queue.Untrack(id);
        }
    }

    private async Task FailAsync(Guid id, Guid partnerId, CancellationToken ct)
    {
        const string error = "The report could not be computed. Try again; if it fails again, contact support.";
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        await db.PartnerImpactReports.Where(r => r.Id == id && r.Status == ImpactReportStatus.running)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.Status, ImpactReportStatus.failed).SetProperty(r => r.Error, error)
                .SetProperty(r => r.Stage, "Failed").SetProperty(r => r.CompletedAt, now), ct);
        await push.SendAsync(partnerId, new ImpactReportProgress(id, ImpactReportStatus.failed, 0, "Failed", error), ct);
    }
}
