namespace Elimu.Api.Data.Locks;

/// <summary>
/// Named locks that hold across every instance of the API on one database, for work that must not run twice at once:
/// one import per partner, one runner of each background job. On PostgreSQL they are session advisory locks
/// (<see cref="PostgresAdvisoryLocks"/>); the embedded SQLite file serves one process, so there they live in memory.
/// </summary>
public interface IDatabaseLocks
{
    /// <summary>Takes the named lock when no one (on any instance) holds it; null otherwise. Disposing releases it.</summary>
    ValueTask<IDatabaseLock?> TryAcquireAsync(string name, CancellationToken ct);
}

public interface IDatabaseLock : IAsyncDisposable
{
    /// <summary>
    /// False once the lock is lost without being released: on PostgreSQL when the connection that holds it broke (the
    /// server then frees it for others), so a long-lived holder learns it must try to take it again.
    /// </summary>
    ValueTask<bool> StillHeldAsync(CancellationToken ct);
}

/// <summary>Locks in this process's memory: right for SQLite, whose one file is served by one process.</summary>
public sealed class InProcessLocks : IDatabaseLocks
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Held> _held = new(StringComparer.Ordinal);

    public ValueTask<IDatabaseLock?> TryAcquireAsync(string name, CancellationToken ct)
    {
        var held = new Held(this, name);
        return ValueTask.FromResult<IDatabaseLock?>(_held.TryAdd(name, held) ? held : null);
    }

    private sealed class Held(InProcessLocks owner, string name) : IDatabaseLock
    {
        public ValueTask<bool> StillHeldAsync(CancellationToken ct) =>
            ValueTask.FromResult(owner._held.TryGetValue(name, out var current) && ReferenceEquals(current, this));

        public ValueTask DisposeAsync()
        {
            owner._held.TryRemove(new KeyValuePair<string, Held>(name, this));
            return ValueTask.CompletedTask;
        }
    }
}
