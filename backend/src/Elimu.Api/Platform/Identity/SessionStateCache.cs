using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Elimu.Api.Platform.Identity;

/// <summary>Section "SessionCache": how long an instance may answer the session check from memory.</summary>
public sealed class SessionCacheOptions
{
    public const string Section = "SessionCache";

    /// <summary>
    /// The longest an instance answers from what it read before another instance changed a user (a sign-out, a new
    /// password, a lockout, a team change) when that instance's eviction message did not reach it (no Redis, or Redis
    /// unreachable). On the instance that made the change, and through Redis on the others, the next request sees it.
    /// 0 turns the cache off.
    /// </summary>
    [Range(0, 60)] public double MaxStalenessSeconds { get; set; } = 3;
}

/// <summary>
/// What every signed-in request checks about its user (security stamp and lockout, team membership, ...), kept in
/// memory for <see cref="SessionCacheOptions.MaxStalenessSeconds"/> so the check is a dictionary lookup instead of a
/// DbContext and a query per request. Each kind of state is a type of its own, keyed by user: one more check is one
/// more record type and loader, and <see cref="Evict"/> drops every kind of a user at once. Per-user figures that a hot
/// page reads on every request may be held here too, on the same terms (the dashboard overview's unread counts).
/// A committed change to anything a check reads evicts its user (<see cref="SessionStateWatcher"/>), here and, through
/// Redis when it is configured, on every other instance (<see cref="SessionStateRedisEvictions"/>).
/// </summary>
public sealed class SessionStateCache(IOptions<SessionCacheOptions> options)
{
    private readonly ConcurrentDictionary<(Guid User, Type Kind), Entry> _entries = new();
    private readonly ConcurrentDictionary<Type, bool> _kinds = new();
    private readonly long _ttlMs = (long)(options.Value.MaxStalenessSeconds * 1000);
    private long _evictions;
    private long _nextPrune;

    private sealed record Entry(object? Value, long ExpiresAt);

    /// <summary>Set when Redis is configured: tells the other instances which user to evict.</summary>
    internal Action<Guid>? Broadcast { get; set; }

    public async ValueTask<T?> GetAsync<T>(Guid userId, Func<CancellationToken, Task<T?>> load, CancellationToken ct) where T : class
    {
        var key = (userId, typeof(T));
        _kinds.TryAdd(typeof(T), true);
        if (_entries.TryGetValue(key, out var cached) && cached.ExpiresAt > Environment.TickCount64) return (T?)cached.Value;
        return await LoadAsync(key, load, ct);
    }

    /// <summary>Reads the state again whatever is held (when what is held cannot answer, e.g. a session newer than it).</summary>
    public async ValueTask<T?> ReloadAsync<T>(Guid userId, Func<CancellationToken, Task<T?>> load, CancellationToken ct) where T : class
    {
        _kinds.TryAdd(typeof(T), true);
        return await LoadAsync((userId, typeof(T)), load, ct);
    }

    private async ValueTask<T?> LoadAsync<T>((Guid User, Type Kind) key, Func<CancellationToken, Task<T?>> load, CancellationToken ct) where T : class
    {
        var evictionsBefore = Interlocked.Read(ref _evictions);
        var value = await load(ct);
        if (_ttlMs <= 0) return value;
        var entry = new Entry(value, Environment.TickCount64 + _ttlMs);
        _entries[key] = entry;
        // An eviction since the read began may be for a change the read did not see (it committed after the read):
        // then what was read must not be kept. Checked after storing, so an eviction that ran between the read and
        // the store is seen here, and one that runs after this check removes the entry itself.
        if (Interlocked.Read(ref _evictions) != evictionsBefore) _entries.TryRemove(new(key, entry));
        PruneNowAndThen();
        return value;
    }

    /// <summary>Forgets every state of the user here and on the other instances.</summary>
    public void Evict(Guid userId)
    {
        EvictHere(userId);
        Broadcast?.Invoke(userId);
    }

    internal void EvictHere(Guid userId)
    {
        Interlocked.Increment(ref _evictions);
        foreach (var kind in _kinds.Keys) _entries.TryRemove((userId, kind), out _);
    }

    private void PruneNowAndThen()
    {
        var now = Environment.TickCount64;
        var next = Interlocked.Read(ref _nextPrune);
        if (now < next || Interlocked.CompareExchange(ref _nextPrune, now + Math.Max(_ttlMs, 1000), next) != next) return;
        foreach (var (key, entry) in _entries)
            if (entry.ExpiresAt <= now) _entries.TryRemove(new(key, entry));
    }
}
