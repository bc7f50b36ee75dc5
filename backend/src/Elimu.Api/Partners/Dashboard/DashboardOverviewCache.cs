using System.Collections.Concurrent;
using Elimu.Api.Common;

namespace Elimu.Api.Partners.Dashboard;

/// <summary>
/// Each partner's dashboard overview, computed once and answered from memory until something it counts changes. At
/// 10,000 children the overview reads every child's consents and four weeks of rollups (about a second on SQLite), and
/// every dashboard visit asks for it, so computing it per request made it the slowest page of the product.
/// <list type="bullet">
/// <item>A committed change to a program, child, consent, payment or ticket of the partner (<see cref="OverviewChangeWatcher"/>)
/// makes the next request compute anew: such a change shows at once, never from the cache.</item>
/// <item>A new Nairobi day does too (the learning weeks and the billing month are counted from today).</item>
/// <item>Learning figures arrive as events, which no partner action raises: after <see cref="LearningFiguresTtl"/> the
/// overview is computed again in the background while the previous one still answers, so it is never older than that
/// plus one computation.</item>
/// </list>
/// One computation per partner at a time: concurrent requests wait for the same one. Each instance keeps its own
/// cache; a change made through another instance reaches this one's overview within <see cref="LearningFiguresTtl"/>.
/// </summary>
public sealed class DashboardOverviewCache(IServiceScopeFactory scopes, TimeProvider clock)
{
    /// <summary>How old the learning figures of a cached overview may get before it is computed again.</summary>
    public static readonly TimeSpan LearningFiguresTtl = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<Guid, Entry> _entries = new();
    private readonly ConcurrentDictionary<Guid, long> _changes = new();
    private long _changesOfAll;

    public async Task<PartnerDashboardOverview> GetAsync(Guid partnerId, CancellationToken ct)
    {
        while (true)
        {
            var stamp = StampOf(partnerId);
            var today = NairobiTime.Today(clock);
            var current = _entries.GetValueOrDefault(partnerId);
            if (current is null || current.Stamp != stamp || current.Today != today || current.Value.IsFaulted || current.Value.IsCanceled)
            {
                // Nothing usable: compute, and let concurrent requests wait for the same computation.
                var fresh = Start(partnerId, stamp, today, fallback: null);
                if (!(current is null ? _entries.TryAdd(partnerId, fresh) : _entries.TryUpdate(partnerId, fresh, current))) continue;
                return await AwaitAsync(partnerId, fresh, ct);
            }
            if (current.Value.IsCompletedSuccessfully && clock.GetUtcNow() - current.ComputedAt >= LearningFiguresTtl)
            {
                // Only the learning figures may have moved: refresh in the background and answer with what we have.
                var refresh = Start(partnerId, stamp, today, fallback: current.Value.Result);
                if (_entries.TryUpdate(partnerId, refresh, current)) _ = refresh.Value.ContinueWith(_ => { }, TaskScheduler.Default);
                return current.Value.Result;
            }
            if (!current.Value.IsCompleted && current.Fallback is { } previous) return previous;
            return await AwaitAsync(partnerId, current, ct);
        }
    }

    /// <summary>Something the partner's overview counts has changed and is committed.</summary>
    public void Changed(Guid partnerId) => _changes.AddOrUpdate(partnerId, 1, (_, n) => n + 1);

    /// <summary>Something changed whose partner is not known here (a consent whose child was not loaded): every overview is computed anew.</summary>
    public void ChangedForAll() => Interlocked.Increment(ref _changesOfAll);

    private (long All, long Partner) StampOf(Guid partnerId) => (Interlocked.Read(ref _changesOfAll), _changes.GetValueOrDefault(partnerId));

    private Entry Start(Guid partnerId, (long, long) stamp, DateOnly today, PartnerDashboardOverview? fallback) =>
        // The computation is read from the stamp taken before it starts: a change committed while it runs moves the
        // stamp, so its result (maybe from before the change) is never answered to a later request.
        new(stamp, today, clock.GetUtcNow(), new(() => ComputeAsync(partnerId)), fallback);

    private async Task<PartnerDashboardOverview> ComputeAsync(Guid partnerId)
    {
        await Task.Yield(); // off the caller's stack; a request that gives up does not cancel what others wait for
        using var scope = scopes.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<DashboardOverviewService>().GetAsync(partnerId, CancellationToken.None);
    }

    private async Task<PartnerDashboardOverview> AwaitAsync(Guid partnerId, Entry entry, CancellationToken ct)
    {
        try { return await entry.Value.WaitAsync(ct); }
        catch when (!ct.IsCancellationRequested)
        {
            _entries.TryRemove(KeyValuePair.Create(partnerId, entry)); // the next request tries again
            throw;
        }
    }

    /// <summary>A computation, started only once the entry is in the cache (so a lost race starts nothing).</summary>
    private sealed record Entry((long All, long Partner) Stamp, DateOnly Today, DateTimeOffset ComputedAt,
        Lazy<Task<PartnerDashboardOverview>> Computation, PartnerDashboardOverview? Fallback)
    {
        public Task<PartnerDashboardOverview> Value => Computation.Value;
    }
}
