using System.Security.Claims;
using Elimu.Api.Data;
using Elimu.Api.Platform.Identity.Sessions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Elimu.Api.Platform.Identity;

/// <summary>
/// Checks every authenticated request's cookie against the user's current security stamp and lockout, so logout, a
/// password change or a lockout ends every copy of every session at once. Identity's own validator re-checks only after
/// <c>ValidationInterval</c> and then rebuilds the principal and re-issues the cookie (five queries and a Set-Cookie);
/// this one always checks, against the user's <see cref="SessionAccount"/> as <see cref="SessionStateCache"/> holds it
/// (evicted on every committed change of the user, so the instance that made it refuses the very next request), and
/// then that this browser's own <see cref="UserSession"/> was not ended (settings, "sign out other sessions").
/// </summary>
internal sealed class SessionStampValidator(SessionStateCache states, SessionLiveness sessions, IOptions<IdentityOptions> identity,
    TimeProvider clock) : ISecurityStampValidator
{
    public async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        if (await AccountHoldsAsync(context.Principal, context.HttpContext) is { } userId
            && await sessions.IsActiveAsync(context.Principal!, userId, context.HttpContext)) return;

        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
    }

    /// <summary>The user's id when the cookie's stamp is the account's and the account is not locked out; else null.</summary>
    private async Task<Guid?> AccountHoldsAsync(ClaimsPrincipal? principal, HttpContext http)
    {
        var claims = identity.Value.ClaimsIdentity;
        if (principal?.FindFirstValue(claims.UserIdClaimType) is not { } id || !Guid.TryParse(id, out var userId)) return null;
        var account = await states.GetAsync(userId,
            ct => SessionAccount.Query(http.RequestServices.GetRequiredService<AppDbContext>(), userId, ct), http.RequestAborted);
        var holds = account is not null
            && account.SecurityStamp == principal.FindFirstValue(claims.SecurityStampClaimType)
            && !account.LockedOutAt(clock.GetUtcNow());
        return holds ? userId : null;
    }
}

/// <summary>What the session check reads of a user: three columns by primary key (a compiled query).</summary>
internal sealed record SessionAccount(string? SecurityStamp, bool LockoutEnabled, DateTimeOffset? LockoutEnd)
{
    public static readonly Func<AppDbContext, Guid, CancellationToken, Task<SessionAccount?>> Query = EF.CompileAsyncQuery(
        (AppDbContext db, Guid id, CancellationToken _) => db.Users.Where(u => u.Id == id)
            .Select(u => new SessionAccount(u.SecurityStamp, u.LockoutEnabled, u.LockoutEnd)).FirstOrDefault());

    /// <summary>As UserManager.IsLockedOutAsync says it.</summary>
    public bool LockedOutAt(DateTimeOffset now) => LockoutEnabled && LockoutEnd >= now;
}
