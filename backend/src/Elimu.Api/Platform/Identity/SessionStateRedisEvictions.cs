using StackExchange.Redis;

namespace Elimu.Api.Platform.Identity;

/// <summary>
/// With several instances and Redis (Redis:Connection), an eviction on one instance is published and every instance
/// (this one included, harmlessly) evicts the user too, so a sign-out, a new password or a team change holds on the
/// others within the message's delivery, not only after <see cref="SessionCacheOptions.MaxStalenessSeconds"/>.
/// Publishing never waits and never fails a request: a message lost while Redis is away leaves the time bound.
/// </summary>
internal sealed class SessionStateRedisEvictions(SessionStateCache cache, string configuration, ILogger<SessionStateRedisEvictions> log)
    : IHostedService, IAsyncDisposable
{
    private static readonly RedisChannel Channel = RedisChannel.Literal("elimu:session-state:evict");
    private ConnectionMultiplexer? _redis;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var options = ConfigurationOptions.Parse(configuration);
        options.AbortOnConnectFail = false; // keeps retrying in the background; the time bound holds meanwhile
        _redis = await ConnectionMultiplexer.ConnectAsync(options);
        var subscriber = _redis.GetSubscriber();
        try
        {
            // The client re-subscribes by itself after a reconnect.
            await subscriber.SubscribeAsync(Channel, (_, message) =>
            {
                if (Guid.TryParse(message.ToString(), out var user)) cache.EvictHere(user);
            });
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            log.LogWarning(e, "Redis is not reachable: other instances' session changes hold here within the cache's time bound only");
        }
        cache.Broadcast = user =>
        {
            try { subscriber.Publish(Channel, user.ToString(), CommandFlags.FireAndForget); }
            catch (Exception e) { log.LogWarning(e, "Could not tell the other instances to evict a user's session state"); }
        };
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        cache.Broadcast = null;
        return Task.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        if (_redis is not null) await _redis.DisposeAsync();
    }
}
