using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Elimu.Api.Platform.Identity.Sessions;

namespace Elimu.Api.Platform.Identity;

/// <summary>
/// Checks every authenticated request's cookie against the user's current security stamp, so logout, a password
/// change or a lockout ends every copy of every session at once. Identity's own validator re-checks only after
/// <c>ValidationInterval</c> and then rebuilds the principal and re-issues the cookie (five queries and a Set-Cookie);
/// this one always checks, and costs one primary-key read of the user per request, which the endpoint then reuses, plus
/// one of the cookie's <see cref="UserSession"/>.
/// </summary>
internal sealed class SessionStampValidator(SignInManager<AppUser> signIn, UserSessions sessions) : ISecurityStampValidator
{
    public async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var user = context.Principal is null ? null : await signIn.ValidateSecurityStampAsync(context.Principal);
        if (user is not null && !await signIn.UserManager.IsLockedOutAsync(user)
            // The one check sessions add: this browser's session was not ended on its own (settings, "sign out other sessions").
            && await sessions.IsActiveAsync(context.Principal!, user.Id, context.HttpContext.RequestAborted)) return;

        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
    }
}
