using Elimu.Api.Common;
using Elimu.Api.Platform.Audit;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Elimu.Api.Platform.Identity.Sessions;

namespace Elimu.Api.Platform.Identity;

public sealed record LoginRequest(string Email, string Password);

/// <summary>
/// POST /api/v1/auth/login. An unknown email and a wrong password take the same steps (the same queries, one hash
/// verification against a dummy hash) and get the same answer, so neither the body nor the time tells which
/// addresses have accounts. Failures slow the account down (<see cref="SignInBackoff"/>) instead of locking it. An account
/// with two-factor on answers 202: the code step (<see cref="SecondFactorSignIn"/>) completes the sign-in.
/// </summary>
public static class SignIn
{
    public static async Task<Results<Ok<CurrentUser>, Accepted<SecondFactorRequired>, ProblemHttpResult>> Handle(
        LoginRequest request, HttpContext http, SignInManager<AppUser> signIn, SignInBackoff backoff, UnknownAccountPassword unknown,
        UserSessions sessions, AuditTrail audit, IPartnerProfileLookup profiles, CancellationToken ct)
    {
        new Validation()
            .Check(!string.IsNullOrWhiteSpace(request.Email), "email", "Enter your email address.")
            .Check(!string.IsNullOrEmpty(request.Password), "password", "Enter your password.")
            .ThrowIfInvalid();

        var email = request.Email.Trim();
        var users = signIn.UserManager;
        var user = await users.FindByEmailAsync(email);

        var claim = await backoff.ClaimAsync(email, ct);
        if (claim is SignInBackoff.MustWait wait)
        {
            await audit.RecordNowAsync(user?.Id, "auth.sign_in_delayed", "user", user?.Id, ct, Attempted(email));
            return Delayed(http, wait.Remaining);
        }

        // A locked account (set by an operator) answers exactly like a wrong password.
        var passwordOk = user is null ? unknown.Verify(request.Password) : await users.CheckPasswordAsync(user, request.Password);
        if (user is null || !passwordOk || await users.IsLockedOutAsync(user))
        {
            var failures = (SignInBackoff.Claimed)claim;
            await audit.RecordNowAsync(user?.Id, "auth.sign_in_failed", "user", user?.Id, ct,
                $"{Attempted(email)}; failures={failures.Failures}{(failures.StartsWait ? "; back-off started" : "")}");
            return WrongCredentials();
        }

        if (user.TwoFactorEnabled)
        {
            // The password was right but the account is not open yet: the claimed attempt stays counted until the second
            // factor is right too, so knowing the password does not reset the back-off for guessing codes.
            await SecondFactorSignIn.ChallengeAsync(http, user);
            await audit.RecordNowAsync(user.Id, "auth.second_factor_required", "user", user.Id, ct);
            return TypedResults.Accepted((string?)null, SecondFactorSignIn.Required);
        }

        await backoff.ResetAsync(email, ct);
        await sessions.StartAsync(http, user, ct);
        await audit.RecordNowAsync(user.Id, "auth.signed_in", "user", user.Id, ct);
        return TypedResults.Ok(await AuthEndpoints.Describe(user, users, profiles));
    }

    private static string Attempted(string email) => $"email={(email.Length > 200 ? email[..200] : email)}";

    internal static ProblemHttpResult Delayed(HttpContext http, TimeSpan remaining)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(remaining.TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString();
        return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many sign-in attempts.",
            detail: $"Too many failed attempts for this account. Wait {seconds} seconds and try again.",
            extensions: new Dictionary<string, object?> { ["code"] = "sign_in_delayed", ["retryAfterSeconds"] = seconds });
    }

    internal static ProblemHttpResult WrongCredentials() =>
        TypedResults.Problem(statusCode: 401, title: "Sign-in failed.", detail: "The email or password is incorrect.",
            extensions: new Dictionary<string, object?> { ["code"] = "invalid_credentials" });
}
