using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace Elimu.Api.Platform.Identity;

/// <summary>
/// Checks every authenticated request's cookie against the user's current security stamp, so logout, a password
/// change or a lockout ends every copy of every session at once. Identity's own validator re-checks only after
/// <c>ValidationInterval</c> and then rebuilds the principal and re-issues the cookie (five queries and a Set-Cookie);
/// this one always checks, and costs one primary-key read of the user per request, which the endpoint then reuses.
/// </summary>
internal sealed class SessionStampValidator(SignInManager<AppUser> signIn) : ISecurityStampValidator
{
    public async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var user = context.Principal is null ? null : await signIn.ValidateSecurityStampAsync(context.Principal);
        if (user is not null && !await signIn.UserManager.IsLockedOutAsync(user)) return;

        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
    }
}
