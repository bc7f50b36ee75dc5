using System.Security.Claims;
using Elimu.Api.Common;
using Elimu.Api.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Elimu.Api.Platform.Identity.Sessions;

/// <summary>
/// Issues the session cookie with a <see cref="UserSession"/> id in it, tells whether a cookie's session still holds, and
/// ends sessions (the row is marked revoked, the hub connections opened with it are closed).
/// </summary>
public sealed class UserSessions(AppDbContext db, SignInManager<AppUser> signIn, TimeProvider clock, RealtimeSessions realtime,
    IOptionsMonitor<CookieAuthenticationOptions> cookies)
{
    public const string ClaimType = "elimu:sid";
    public const int MaxUserAgent = 512;
    public static readonly TimeSpan TouchEvery = TimeSpan.FromMinutes(1);

    /// <summary>How long a session lives without requests: the cookie's own expiry, after which the row is history.</summary>
    public TimeSpan IdleLimit => cookies.Get(IdentityConstants.ApplicationScheme).ExpireTimeSpan;

    public static Guid? IdOf(ClaimsPrincipal? principal) =>
        Guid.TryParse(principal?.FindFirstValue(ClaimType), out var id) ? id : null;

    /// <summary>Signs the user in on this browser as a new session.</summary>
    public async Task<ClaimsPrincipal> StartAsync(HttpContext http, AppUser user, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var agent = http.Request.Headers.UserAgent.ToString();
        var session = new UserSession
        {
            Id = Guid.NewGuid(), UserId = user.Id, CreatedAt = now, LastSeenAt = now,
            UserAgent = agent.Length > MaxUserAgent ? agent[..MaxUserAgent] : agent.Length == 0 ? null : agent,
            IpAddress = http.Connection.RemoteIpAddress?.ToString(),
        };
        db.Add(session);
        await db.SaveChangesAsync(ct);
        return await IssueAsync(http, user, session.Id);
    }

    /// <summary>
    /// Re-issues this browser's cookie after the user's security stamp changed (password, two-factor), keeping its session;
    /// every other session of the user has ended with the old stamp and is marked so.
    /// </summary>
    public async Task<ClaimsPrincipal> ReissueAsync(HttpContext http, AppUser user, CancellationToken ct)
    {
        var current = IdOf(http.User);
        await EndAllAsync(user.Id, except: current, ct);
        // Hub connections hold the old stamp, this browser's too: all close, and reconnect with the new cookie.
        realtime.EndSessionsOf(user.Id);
        return current is { } id ? await IssueAsync(http, user, id) : await StartAsync(http, user, ct);
    }

    private async Task<ClaimsPrincipal> IssueAsync(HttpContext http, AppUser user, Guid sessionId)
    {
        var principal = await signIn.CreateUserPrincipalAsync(user);
        ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim(ClaimType, sessionId.ToString()));
        await http.SignInAsync(IdentityConstants.ApplicationScheme, principal);
        http.User = principal;
        return principal;
    }

    /// <summary>
    /// True while the cookie's session is the user's and not revoked: one primary-key read, and a write at most once a
    /// minute for the last-seen time. A cookie without a session id (issued before sessions were kept) is refused.
    /// </summary>
    public async Task<bool> IsActiveAsync(ClaimsPrincipal principal, Guid userId, CancellationToken ct)
    {
        if (IdOf(principal) is not { } id) return false;
        var row = await db.Set<UserSession>().AsNoTracking().Where(s => s.Id == id)
            .Select(s => new { s.UserId, s.RevokedAt, s.LastSeenAt }).FirstOrDefaultAsync(ct);
        if (row is null || row.UserId != userId || row.RevokedAt is not null) return false;
        var now = clock.GetUtcNow().UtcDateTime;
        if (now - row.LastSeenAt >= TouchEvery)
            await db.Set<UserSession>().Where(s => s.Id == id && s.RevokedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.LastSeenAt, now), ct);
        return true;
    }

    /// <summary>The user's sessions that can still make requests (not revoked, not idle past the cookie's expiry).</summary>
    public IQueryable<UserSession> ActiveOf(Guid userId)
    {
        var since = clock.GetUtcNow().UtcDateTime - IdleLimit;
        return db.Set<UserSession>().AsNoTracking().Where(s => s.UserId == userId && s.RevokedAt == null && s.LastSeenAt > since);
    }

    /// <summary>Ends one session of the user; false when the user has no such live session (someone else's is "not found").</summary>
    public async Task<bool> EndAsync(Guid userId, Guid sessionId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var ended = await db.Set<UserSession>().Where(s => s.Id == sessionId && s.UserId == userId && s.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.RevokedAt, now), ct);
        var key = sessionId.ToString();
        realtime.EndWhere(userId, p => p?.FindFirstValue(ClaimType) == key);
        return ended == 1;
    }

    /// <summary>Ends every session of the user but <paramref name="except"/>; returns how many.</summary>
    public async Task<int> EndAllAsync(Guid userId, Guid? except, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var ended = await db.Set<UserSession>().Where(s => s.UserId == userId && s.RevokedAt == null && s.Id != except)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.RevokedAt, now), ct);
        var keep = except?.ToString();
        realtime.EndWhere(userId, p => p?.FindFirstValue(ClaimType) != keep);
        return ended;
    }
}
