using Elimu.Api.Common;
using Elimu.Api.Platform.Audit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Elimu.Api.Platform.Identity.Sessions;

namespace Elimu.Api.Platform.Identity;

public sealed record ChangePasswordRequest(string CurrentPassword, string NewPassword);

/// <summary>
/// POST /api/v1/auth/password. Needs the current password, so a borrowed session cannot take the account over; wrong
/// guesses count toward the same back-off as sign-in. Success ends every other session of the user (new security
/// stamp, hub connections closed) and re-issues this browser's cookie and antiforgery token.
/// </summary>
public static class ChangePassword
{
    public static async Task<Results<NoContent, ProblemHttpResult>> Handle(ChangePasswordRequest request, HttpContext http,
        SignInManager<AppUser> signIn, SignInBackoff backoff, UserSessions sessions, AuditTrail audit, CancellationToken ct)
    {
        new Validation()
            .Check(!string.IsNullOrEmpty(request.CurrentPassword), "currentPassword", "Enter your current password.")
            .Check(!string.IsNullOrEmpty(request.NewPassword), "newPassword", "Enter a new password.")
            .ThrowIfInvalid();

        var users = signIn.UserManager;
        var user = await users.GetUserAsync(http.User)
            ?? throw new DomainException(StatusCodes.Status401Unauthorized, "unauthenticated", "Sign in to continue.");

        if (await backoff.ClaimAsync(user.Email!, ct) is SignInBackoff.MustWait wait)
        {
            await audit.RecordNowAsync(user.Id, "auth.password_change_delayed", "user", user.Id, ct);
            return SignIn.Delayed(http, wait.Remaining);
        }

        var validation = new Validation();
        if (!await users.CheckPasswordAsync(user, request.CurrentPassword))
        {
            await audit.RecordNowAsync(user.Id, "auth.password_change_failed", "user", user.Id, ct, "wrong current password");
            validation.Add("currentPassword", "The current password is incorrect.");
            validation.ThrowIfInvalid();
        }
        await backoff.ResetAsync(user.Email!, ct);

        var changed = await users.ChangePasswordAsync(user, request.CurrentPassword, request.NewPassword);
        foreach (var error in changed.Errors) validation.Add("newPassword", error.Description);
        validation.ThrowIfInvalid();

        await sessions.ReissueAsync(http, user, ct);
        await audit.RecordNowAsync(user.Id, "auth.password_changed", "user", user.Id, ct);
        return TypedResults.NoContent();
    }
}
