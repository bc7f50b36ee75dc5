using System.Security.Claims;
using Elimu.Api.Common;
using Elimu.Api.Data;
using Microsoft.AspNetCore.Identity;
using Elimu.Api.Platform.Identity.Sessions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Elimu.Api.Platform.Identity;

/// <summary>
/// A WebSocket is authenticated once, at connect. Logout and password change close the user's connections on the
/// instance that served them at once (<see cref="RealtimeSessions.EndSessionsOf"/>); this sweep closes, on every
/// instance, the connections whose session has since ended anywhere (new security stamp, a lockout, or the session
/// ended from the settings page), within
/// <see cref="Interval"/>, with one query for all connected users.
/// </summary>
public sealed class HubSessionSweeper(RealtimeSessions sessions, IServiceScopeFactory scopes, TimeProvider clock,
    IOptions<IdentityOptions> identity, ILogger<HubSessionSweeper> log) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        while (await timer.WaitForNextTickOnPoolAsync(stoppingToken))
            try { await SweepAsync(stoppingToken); }
            catch (Exception e) when (e is not OperationCanceledException) { log.LogWarning(e, "Checking the hub connections' sessions failed"); }
    }

    public async Task SweepAsync(CancellationToken ct)
    {
        var users = sessions.Users;
        if (users.Count == 0) return;
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var current = await db.Users.AsNoTracking().Where(u => users.Contains(u.Id))
            .Select(u => new { u.Id, u.SecurityStamp, u.LockoutEnd }).ToDictionaryAsync(u => u.Id, ct);
        var live = await db.Set<UserSession>().AsNoTracking().Where(s => users.Contains(s.UserId) && s.RevokedAt == null)
            .Select(s => s.Id).ToListAsync(ct);
        var liveSessions = live.Select(id => id.ToString()).ToHashSet(); // as the claim spells it (SQLite keeps capitals)
        var now = clock.GetUtcNow();
        var stampClaim = identity.Value.ClaimsIdentity.SecurityStampClaimType;
        foreach (var user in users)
            sessions.EndWhere(user, principal => !current.TryGetValue(user, out var row) || row.LockoutEnd > now
                || principal?.FindFirstValue(stampClaim) != row.SecurityStamp
                || !liveSessions.Contains(principal?.FindFirstValue(UserSessions.ClaimType) ?? ""));
    }
}
