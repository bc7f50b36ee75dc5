using System.Collections.Concurrent;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;

namespace Elimu.Api.Common;

public static class Realtime
{
    /// <summary>SignalR for the dashboard counters; a Redis backplane when Redis:Connection is set (several instances).</summary>
    public static IServiceCollection AddElimuRealtime(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<RealtimeSessions>();
        // The hub has its own JSON options, apart from the API's: without the converter its pushes carried enums as numbers
        // (an impact report "running" arrived as 1), and the pages, which compare names as the API sends them, took a
        // running report for an ended one.
        var signalR = services.AddSignalR(o => o.AddFilter<RealtimeSessions.Tracker>())
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(ApiDocs.EnumsByName()));
        var redis = configuration["Redis:Connection"];
        if (!string.IsNullOrWhiteSpace(redis)) signalR.AddStackExchangeRedis(redis);
        return services;
    }

    /// <summary>
    /// SignalR lets whoever holds a connection token poll or send on that connection, and then takes the newcomer as
    /// the connection's user (it only logs a warning). Here a token answers only to the signed-in user who negotiated it.
    /// </summary>
    public static IApplicationBuilder UseElimuRealtimeOwnership(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (!http.Request.Path.StartsWithSegments("/hubs")) { await next(http); return; }
        var sessions = http.RequestServices.GetRequiredService<RealtimeSessions>();
        var user = http.User.FindFirstValue(ClaimTypes.NameIdentifier);

        if (http.Request.Query["id"].ToString() is { Length: > 0 } token)
        {
            if (sessions.OwnerOfToken(token) is { } owner && owner != user)
            {
                http.Response.StatusCode = StatusCodes.Status403Forbidden;
                return;
            }
            await next(http);
            return;
        }

        if (user is null || !http.Request.Path.Value!.EndsWith("/negotiate", StringComparison.Ordinal)) { await next(http); return; }
        // Read the token the negotiation hands out, to remember whose it is.
        var body = http.Response.Body;
        using var buffer = new MemoryStream();
        http.Response.Body = buffer;
        try { await next(http); }
        finally { http.Response.Body = body; }
        if (http.Response.StatusCode == StatusCodes.Status200OK)
            try
            {
                using var negotiation = JsonDocument.Parse(buffer.ToArray());
                if (negotiation.RootElement.TryGetProperty("connectionToken", out var issued) && issued.GetString() is { } t)
                    sessions.Issued(t, negotiation.RootElement.GetProperty("connectionId").GetString()!, user);
            }
            catch (JsonException) { } // not a negotiation answer: nothing to remember
        buffer.Position = 0;
        await buffer.CopyToAsync(body, http.RequestAborted);
    });
}

/// <summary>
/// The hub connections open on this instance, by the signed-in user who opened them (never an id the client sends).
/// A long-lived WebSocket is authenticated once, at connect; when the user's sessions end (logout, password change)
/// their connections are closed here, and any reconnect must pass the cookie check again.
/// </summary>
public sealed class RealtimeSessions
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, HubCallerContext>> _byUser = new();
    private readonly ConcurrentDictionary<string, (string ConnectionId, string User)> _tokens = new();

    internal void Issued(string token, string connectionId, string user)
    {
        // Negotiations never followed by a connection would pile up; drop those when there are many.
        if (_tokens.Count > 10_000)
        {
            var live = _byUser.Values.SelectMany(c => c.Keys).ToHashSet();
            foreach (var (t, entry) in _tokens)
                if (!live.Contains(entry.ConnectionId)) _tokens.TryRemove(t, out _);
        }
        _tokens[token] = (connectionId, user);
    }

    internal string? OwnerOfToken(string token) => _tokens.TryGetValue(token, out var t) ? t.User : null;

    private void Closed(string connectionId)
    {
        foreach (var (token, entry) in _tokens)
            if (entry.ConnectionId == connectionId) _tokens.TryRemove(token, out _);
    }

    /// <summary>Closes every connection the user has open on this instance.</summary>
    public void EndSessionsOf(Guid userId)
    {
        if (!_byUser.TryRemove(userId.ToString(), out var connections)) return;
        foreach (var connection in connections.Values) connection.Abort();
    }

    public int OpenConnectionsOf(Guid userId) => _byUser.TryGetValue(userId.ToString(), out var c) ? c.Count : 0;

    /// <summary>The users with a connection open on this instance.</summary>
    public IReadOnlyList<Guid> Users => _byUser.Where(u => !u.Value.IsEmpty).Select(u => Guid.Parse(u.Key)).ToList();

    /// <summary>Closes those of the user's connections whose signed-in principal (as at connect) no longer holds.</summary>
    public void EndWhere(Guid userId, Func<ClaimsPrincipal?, bool> ended)
    {
        if (!_byUser.TryGetValue(userId.ToString(), out var connections)) return;
        foreach (var (id, connection) in connections)
            if (ended(connection.User) && connections.TryRemove(id, out _)) connection.Abort();
    }

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
            sessions.Closed(context.Context.ConnectionId);
            await next(context, exception);
        }
    }
}
