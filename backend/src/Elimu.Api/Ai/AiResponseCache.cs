using Microsoft.Extensions.Caching.Hybrid;

namespace Elimu.Api.Ai;

/// <summary>A provider's answer as cached: its raw text (parsed again on a hit), where it came from and when.</summary>
public sealed record AiCachedAnswer(string Text, string Provider, string Model, DateTimeOffset GeneratedAt);

/// <summary>
/// Provider answers in HybridCache, keyed by task type + model + prompt hash, for the task's TTL. Offline answers are
/// not cached: they cost nothing, and caching them would hide a provider that has come back.
/// </summary>
public sealed class AiResponseCache(HybridCache cache)
{
    private static readonly HybridCacheEntryOptions PeekOnly = new()
    {
        Flags = HybridCacheEntryFlags.DisableLocalCacheWrite | HybridCacheEntryFlags.DisableDistributedCacheWrite,
    };

    public static string Key(AiTaskType type, string model, string promptHash) => $"ai:{type}:{model}:{promptHash}";

    public async Task<AiCachedAnswer?> FindAsync(string key, CancellationToken ct) =>
        await cache.GetOrCreateAsync<AiCachedAnswer?>(key, _ => ValueTask.FromResult<AiCachedAnswer?>(null), PeekOnly, cancellationToken: ct);

    public async Task StoreAsync(string key, AiCachedAnswer answer, TimeSpan ttl, CancellationToken ct)
    {
        if (ttl <= TimeSpan.Zero) return;
        await cache.SetAsync(key, answer, new HybridCacheEntryOptions { Expiration = ttl, LocalCacheExpiration = ttl }, tags: ["ai"], cancellationToken: ct);
    }
}
