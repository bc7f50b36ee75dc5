using Microsoft.Extensions.DependencyInjection.Extensions;
using System.Collections.Concurrent;

namespace Elimu.Api.Payments;

/// <summary>
/// The provider event ids this instance has already applied, kept for a while, so a replayed or redelivered event is
/// acknowledged without being applied again. Across instances (and after this window) the payment itself guards:
/// <see cref="IPaymentResults.ApplyAsync"/> applies a result to a payment only once.
/// </summary>
public sealed class WebhookEventLedger(TimeProvider clock)
{
    // Longer than a signature's tolerance: a replay of the same signed request is either still here or too old.
    public static readonly TimeSpan Keep = TimeSpan.FromHours(1);

    private readonly ConcurrentDictionary<string, DateTimeOffset> _seen = new();

    /// <summary>Claims <paramref name="eventId"/>; false when it was applied (or is being applied) already.</summary>
    public bool TryBegin(string eventId)
    {
        var now = clock.GetUtcNow();
        foreach (var (id, at) in _seen)
            if (now - at > Keep) _seen.TryRemove(id, out _);
        return _seen.TryAdd(eventId, now);
    }

    /// <summary>Gives the claim back when applying failed, so the provider's retry is applied.</summary>
    public void Abandon(string eventId) => _seen.TryRemove(eventId, out _);
}

public static class WebhookEventLedgerRegistration
{
    public static IServiceCollection AddWebhookEventLedger(this IServiceCollection services)
    {
        services.TryAddSingleton<WebhookEventLedger>();
        return services;
    }
}
