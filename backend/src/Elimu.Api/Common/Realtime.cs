using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;

namespace Elimu.Api.Common;

public static class Realtime
{
    /// <summary>SignalR for the dashboard counters; a Redis backplane when Redis:Connection is set (several instances).</summary>
    public static IServiceCollection AddElimuRealtime(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<RealtimeSessions>();
        var signalR = services.AddSignalR(o => o.AddFilter<RealtimeSessions.Tracker>());
        var redis = configuration["Redis:Connection"];
        if (!string.IsNullOrWhiteSpace(redis)) signalR.AddStackExchangeRedis(redis);
        return services;
    }
}

/// <summary>
/// The hub connections open on this instance, by the signed-in user who opened them (never an id the client sends).
/// A long-lived WebSocket is authenticated once, at connect; when the user's sessions end (logout, password change)
/// their connections are closed here, and any reconnect must pass the cookie check again.
/// </summary>
public sealed class RealtimeSessions
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, HubCallerContext>> _byUser = new();

    /// <summary>Closes every connection the user has open on this instance.</summary>
    public void EndSessionsOf(Guid userId)
    {
        if (!_byUser.TryRemove(userId.ToString(), out var connections)) return;
        foreach (var connection in connections.Values) connection.Abort();
    }

    public int OpenConnectionsOf(Guid userId) => _byUser.TryGetValue(userId.ToString(), out var c) ? c.Count : 0;

    internal sealed class Tracker(RealtimeSessions sessions) : IHubFilter
    {
        public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
        {
            // Hubs require authorization; a connection without a user identifier is refused rather than left untracked.
            var user = context.Context.UserIdentifier ?? throw new HubException("Sign in to connect.");
            sessions._byUser.GetOrAdd(user, _ => new()).TryAdd(context.Context.ConnectionId, context.Context);
            await next(context);
        }

        public async Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
        {
            if (context.Context.UserIdentifier is { } user && sessions._byUser.TryGetValue(user, out var connections))
                connections.TryRemove(context.Context.ConnectionId, out _);
            await next(context, exception);
        }
    }
}
