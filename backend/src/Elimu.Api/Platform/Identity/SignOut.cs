using Elimu.Api.Common;
using Elimu.Api.Platform.Audit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Elimu.Api.Platform.Identity.Sessions;

namespace Elimu.Api.Platform.Identity;

/// <summary>
/// POST /api/v1/auth/logout ends every session of the user, not only this browser's cookie: the new security stamp
/// makes every copy of every ticket fail <see cref="SessionStampValidator"/>, and open hub connections are closed.
/// </summary>
public static class SignOut
{
    public static async Task<NoContent> Handle(HttpContext http, SignInManager<AppUser> signIn, RealtimeSessions realtime,
        UserSessions sessions, AuditTrail audit, CancellationToken ct)
    {
        var user = await signIn.UserManager.GetUserAsync(http.User);
        if (user is not null)
        {
            await signIn.UserManager.UpdateSecurityStampAsync(user);
            await sessions.EndAllAsync(user.Id, except: null, ct);
            realtime.EndSessionsOf(user.Id);
            await audit.RecordNowAsync(user.Id, "auth.signed_out", "user", user.Id, ct);
        }
        await signIn.SignOutAsync();
        http.User = new();
        return TypedResults.NoContent();
    }
}
