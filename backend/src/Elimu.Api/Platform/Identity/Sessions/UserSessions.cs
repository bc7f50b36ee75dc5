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
/// Issues the session cookie with a <see cref="UserSession"/> id in it and
/// ends sessions (the row is marked revoked, the hub connections opened with it are closed). Whether a cookie's session
/// still holds is asked on every request, of <see cref="SessionLiveness"/>.
/// </summary>
public sealed class UserSessions(AppDbContext db, SignInManager<AppUser> signIn, TimeProvider clock, RealtimeSessions realtime, SessionStateCache states,
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
        // A bulk update passes no SessionStateWatcher: the held live sessions are dropped here.
        states.Evict(userId);
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
        states.Evict(userId);
        var keep = except?.ToString();
        realtime.EndWhere(userId, p => p?.FindFirstValue(ClaimType) != keep);
        return ended;
    }
}
