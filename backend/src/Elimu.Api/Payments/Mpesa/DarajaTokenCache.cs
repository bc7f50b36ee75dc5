namespace Elimu.Api.Payments.Mpesa;

/// <summary>
/// The Daraja access token, shared by every request of this instance and fetched again shortly before it expires
/// (Daraja gives an hour) or when Daraja calls it expired or invalid.
/// </summary>
internal sealed class DarajaTokenCache(TimeProvider clock)
{
    private sealed record Cached(string Token, DateTimeOffset RenewAt);

    private static readonly TimeSpan Margin = TimeSpan.FromMinutes(1);
    private readonly SemaphoreSlim _fetching = new(1, 1);
    private Cached? _current;

    public async Task<string> GetAsync(Func<CancellationToken, Task<(string Token, TimeSpan Lifetime)>> fetch, CancellationToken ct)
    {
        if (Fresh() is { } token) return token;
        await _fetching.WaitAsync(ct);
        try
        {
            if (Fresh() is { } fetchedMeanwhile) return fetchedMeanwhile;
            var (fetched, lifetime) = await fetch(ct);
            // Renewed a minute early, or halfway through a lifetime shorter than two minutes.
            var early = lifetime > 2 * Margin ? Margin : lifetime / 2;
            Volatile.Write(ref _current, new Cached(fetched, clock.GetUtcNow() + lifetime - early));
            return fetched;
        }
        finally { _fetching.Release(); }
    }

    /// <summary>Drops <paramref name="token"/> if it is still the cached one (another request may have replaced it already).</summary>
    public void Forget(string token)
    {
        var current = Volatile.Read(ref _current);
        if (current?.Token == token) Interlocked.CompareExchange(ref _current, null, current);
    }

    private string? Fresh() => Volatile.Read(ref _current) is { } c && clock.GetUtcNow() < c.RenewAt ? c.Token : null;
}
