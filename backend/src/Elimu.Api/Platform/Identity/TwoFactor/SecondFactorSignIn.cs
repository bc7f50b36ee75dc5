using System.Security.Claims;
using Elimu.Api.Common;
using Elimu.Api.Data;
using Elimu.Api.Platform.Audit;
using Elimu.Api.Platform.Identity.Sessions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Elimu.Api.Platform.Identity;

/// <summary>The answer of a right password on an account with two-factor on: send a code next.</summary>
public sealed record SecondFactorRequired(string Code, bool TwoFactorRequired, int ExpiresInSeconds);

/// <param name="Code">The six digits the authenticator app shows.</param>
/// <param name="RecoveryCode">Or one of the recovery codes (each works once).</param>
public sealed record SecondFactorRequest(string? Code, string? RecoveryCode);

/// <summary>
/// POST /api/v1/auth/login/second-factor. The password step left a short-lived, encrypted cookie naming the user
/// (Identity's two-factor user id scheme); a right authenticator code or an unused recovery code turns it into a session.
/// Every attempt is claimed from the same per-account back-off as passwords (<see cref="SignInBackoff"/>), before the code
/// is looked at. A recovery code is redeemed by Identity with the user's concurrency stamp, so of parallel uses of one
/// code exactly one succeeds.
/// </summary>
public static class SecondFactorSignIn
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);
    public static readonly SecondFactorRequired Required = new("two_factor_required", true, (int)Window.TotalSeconds);

    internal static Task ChallengeAsync(HttpContext http, AppUser user)
    {
        var identity = new ClaimsIdentity(IdentityConstants.TwoFactorUserIdScheme);
        identity.AddClaim(new Claim(ClaimTypes.Name, user.Id.ToString()));
        return http.SignInAsync(IdentityConstants.TwoFactorUserIdScheme, new ClaimsPrincipal(identity));
    }

    public static async Task<Results<Ok<CurrentUser>, ProblemHttpResult>> Handle(SecondFactorRequest request, HttpContext http,
        SignInManager<AppUser> signIn, SignInBackoff backoff, UserSessions sessions, AuditTrail audit, IPartnerProfileLookup profiles,
        AppDbContext db, CancellationToken ct)
    {
        var code = Normalise(request.Code);
        var recovery = RecoveryCodes.Normalise(request.RecoveryCode);
        new Validation()
            .Check(code is not null || recovery is not null, "code", "Enter the code from your authenticator app.")
            .Check(code is null || recovery is null, "recoveryCode", "Enter either an app code or a recovery code, not both.")
            .Check(code is null || (code.Length == 6 && code.All(char.IsAsciiDigit)), "code", "The code is six digits.")
            .Check(recovery is null || recovery.Length <= 64, "recoveryCode", "That is not a recovery code.")
            .ThrowIfInvalid();

        var users = signIn.UserManager;
        var pending = await http.AuthenticateAsync(IdentityConstants.TwoFactorUserIdScheme);
        var user = pending.Principal?.FindFirstValue(ClaimTypes.Name) is { } id ? await users.FindByIdAsync(id) : null;
        if (user is null || !user.TwoFactorEnabled)
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Sign in again.",
                detail: "The sign-in took too long or was not started. Enter your email and password again.",
                extensions: new Dictionary<string, object?> { ["code"] = "second_factor_expired" });

        if (await backoff.ClaimAsync(user.Email!, ct) is SignInBackoff.MustWait wait)
        {
            await audit.RecordNowAsync(user.Id, "auth.sign_in_delayed", "user", user.Id, ct, "second factor");
            return SignIn.Delayed(http, wait.Remaining);
        }

        var method = code is not null ? "authenticator" : "recovery code";
        var right = code is not null
            ? await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code)
            : (await users.RedeemTwoFactorRecoveryCodeAsync(user, recovery!)).Succeeded;
        if (!right || await users.IsLockedOutAsync(user))
        {
            // A redeem that lost a race to a parallel use of the same code leaves its unsaved change tracked: drop it.
            db.ChangeTracker.Clear();
            await audit.RecordNowAsync(user.Id, "auth.second_factor_failed", "user", user.Id, ct, method);
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed.",
                detail: code is not null ? "That code is not right. Check your authenticator app and try again."
                    : "That recovery code is not right or has been used.",
                extensions: new Dictionary<string, object?> { ["code"] = "invalid_second_factor" });
        }

        await backoff.ResetAsync(user.Email!, ct);
        await http.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
        await sessions.StartAsync(http, user, ct);
        await audit.RecordNowAsync(user.Id, "auth.signed_in", "user", user.Id, ct, $"second factor: {method}");
        return TypedResults.Ok(await AuthEndpoints.Describe(user, users, profiles));
    }

    /// <summary>Spaces people type between the digits are dropped; an empty field counts as absent.</summary>
    internal static string? Normalise(string? value)
    {
        var kept = new string((value ?? "").Where(c => !char.IsWhiteSpace(c)).ToArray());
        return kept.Length == 0 ? null : kept;
    }
}
