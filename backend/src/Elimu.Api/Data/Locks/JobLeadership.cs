using System.Collections.Concurrent;

namespace Elimu.Api.Data.Locks;

/// <summary>
/// Which instance runs each background job. The first instance to take the job's lock keeps it for as long as it
/// lives and runs the job at every tick; the others skip their ticks. When the holder stops or loses its database
/// connection, the lock is freed and another instance takes the job over at its next tick.
/// </summary>
public sealed class JobLeadership(IDatabaseLocks locks, ILogger<JobLeadership> log) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, IDatabaseLock> _held = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>True when this instance runs the job now (taking it over if no instance does).</summary>
    public async ValueTask<bool> LeadsAsync(string job, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            if (_held.TryGetValue(job, out var held))
            {
                if (await held.StillHeldAsync(ct)) return true;
                _held.TryRemove(job, out _);
                await held.DisposeAsync();
                log.LogWarning("Lost the lock of job {Job}; trying to take it again", job);
            }
            if (await locks.TryAcquireAsync("job:" + job, ct) is not { } taken) return false;
            _held[job] = taken;
            log.LogInformation("This instance now runs job {Job}", job);
            return true;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Hands the job to another instance (as on shutdown).</summary>
    public async ValueTask StepDownAsync(string job)
    {
        if (_held.TryRemove(job, out var held)) await held.DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var job in _held.Keys.ToList()) await StepDownAsync(job);
        _gate.Dispose();
    }
}
