using System.Collections.Concurrent;
using System.Security.Claims;
using Elimu.Api.Data;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Elimu.Api.Platform.Identity.Sessions;

/// <summary>
/// The per-request half of <see cref="UserSessions"/>: is this cookie's session still the user's and not ended? Answered
/// from <see cref="SessionStateCache"/> (the user's live sessions, read in one indexed query on a miss), so a signed-in
/// request needs no DbContext; ending a session evicts the user (<see cref="UserSessions.EndAsync"/>), and a new session
/// (a <see cref="UserSession"/> saved) evicts through <see cref="SessionStateWatcher"/>. A session the held list does not
/// name is read again before it is refused: it may have started on another instance since the list was read.
/// The last-seen time is written at most once a minute per session and instance.
/// </summary>
public sealed class SessionLiveness(SessionStateCache states, TimeProvider clock, IOptionsMonitor<CookieAuthenticationOptions> cookies)
{
    /// <summary>The user's sessions that were not ended, with when each was last seen (updated in place when touched).</summary>
    private sealed record LiveSessions(ConcurrentDictionary<Guid, DateTime> LastSeenAt);

    public async Task<bool> IsActiveAsync(ClaimsPrincipal principal, Guid userId, HttpContext http)
    {
        if (UserSessions.IdOf(principal) is not { } id) return false;
        var ct = http.RequestAborted;
        Task<LiveSessions?> Load(CancellationToken c) => LoadAsync(http.RequestServices.GetRequiredService<AppDbContext>(), userId, c);

        var live = await states.GetAsync(userId, Load, ct);
        if (live is null || !live.LastSeenAt.TryGetValue(id, out var lastSeen))
        {
            live = await states.ReloadAsync(userId, Load, ct);
            if (live is null || !live.LastSeenAt.TryGetValue(id, out lastSeen)) return false;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (now - lastSeen < UserSessions.TouchEvery) return true;
        // Whoever swaps the time first writes it; the other requests of the same minute go on.
        if (!live.LastSeenAt.TryUpdate(id, now, lastSeen)) return true;
        await http.RequestServices.GetRequiredService<AppDbContext>().Set<UserSession>()
            .Where(s => s.Id == id && s.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.LastSeenAt, now), ct);
        return true;
    }

    private async Task<LiveSessions?> LoadAsync(AppDbContext db, Guid userId, CancellationToken ct)
    {
        // A cookie is good for its sliding expiry after its last use, and the last use is written at most a minute late:
        // older rows cannot belong to a cookie that still works.
        var since = clock.GetUtcNow().UtcDateTime - cookies.Get(IdentityConstants.ApplicationScheme).ExpireTimeSpan - 2 * UserSessions.TouchEvery;
        var live = new ConcurrentDictionary<Guid, DateTime>();
        await foreach (var row in LiveQuery(db, userId, since).WithCancellation(ct)) live[row.Id] = row.LastSeenAt;
        return new LiveSessions(live);
    }

    private sealed record SessionSeen(Guid Id, DateTime LastSeenAt);

    private static readonly Func<AppDbContext, Guid, DateTime, IAsyncEnumerable<SessionSeen>> LiveQuery = EF.CompileAsyncQuery(
        (AppDbContext db, Guid userId, DateTime since) => db.Set<UserSession>()
            .Where(s => s.UserId == userId && s.RevokedAt == null && s.LastSeenAt > since)
            .Select(s => new SessionSeen(s.Id, s.LastSeenAt)));
}
