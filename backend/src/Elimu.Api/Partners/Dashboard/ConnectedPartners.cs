using System.Collections.Concurrent;

namespace Elimu.Api.Partners.Dashboard;

/// <summary>Partners with at least one dashboard open on this instance, and the counters they were last sent.</summary>
public sealed class ConnectedPartners
{
    private readonly ConcurrentDictionary<Guid, int> _connections = new();
    private readonly ConcurrentDictionary<Guid, RealtimeCounters> _lastSent = new();

    public void Connected(Guid partnerId) => _connections.AddOrUpdate(partnerId, 1, (_, n) => n + 1);

    public void Disconnected(Guid partnerId)
    {
        if (_connections.AddOrUpdate(partnerId, 0, (_, n) => n - 1) <= 0)
        {
            _connections.TryRemove(partnerId, out _);
            _lastSent.TryRemove(partnerId, out _);
        }
    }

    public IReadOnlyCollection<Guid> Partners => _connections.Keys.ToList();

    /// <summary>Records what was pushed; true when it differs from what the partner had.</summary>
    public bool Changed(Guid partnerId, RealtimeCounters counters)
    {
        var changed = !_lastSent.TryGetValue(partnerId, out var previous) || previous != counters;
        _lastSent[partnerId] = counters;
        return changed;
    }
}
