using System.Text;
using System.Text.Encodings.Web;
using Elimu.Api.Common;
using Elimu.Api.Platform.Audit;
using Elimu.Api.Platform.Identity.Sessions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Elimu.Api.Platform.Identity;

public sealed record TwoFactorStatus(bool Enabled, int RecoveryCodesLeft);

/// <param name="SharedKey">The key to type into an app that cannot scan, in groups of four.</param>
/// <param name="AuthenticatorUri">The otpauth:// URI the QR code carries.</param>
public sealed record AuthenticatorSetup(string SharedKey, string AuthenticatorUri);

public sealed record EnableTwoFactorRequest(string Code);

public sealed record NewRecoveryCodes(IReadOnlyList<string> RecoveryCodes);

/// <summary>Proof that the person at the keyboard owns the account: the password or a code from the app.</summary>
public sealed record TwoFactorProof(string? Password, string? Code);

/// <summary>
/// Two-factor sign-in with an authenticator app (Identity's TOTP provider), for every role: set up a key, turn it on
/// with a code (which answers the recovery codes, shown once), make new recovery codes, turn it off. Turning it on or
/// off changes the security stamp (Identity does), which ends the user's other sessions; this browser keeps its own.
/// </summary>
public static class TwoFactorEndpoints
{
    private const string Issuer = "Elimu";

    public static RouteGroupBuilder MapTwoFactorApi(this RouteGroupBuilder auth)
    {
        var twoFactor = auth.MapGroup("/two-factor").RequireAuthorization();
        twoFactor.MapGet("", Status);
        twoFactor.MapPost("/authenticator", Setup);
        twoFactor.MapPost("/enable", Enable);
        twoFactor.MapPost("/recovery-codes", Regenerate);
        twoFactor.MapPost("/disable", Disable);
        return auth;
    }

    private static async Task<Ok<TwoFactorStatus>> Status(HttpContext http, UserManager<AppUser> users)
    {
        var user = await CurrentAsync(http, users);
        return TypedResults.Ok(new TwoFactorStatus(user.TwoFactorEnabled, user.TwoFactorEnabled ? await users.CountRecoveryCodesAsync(user) : 0));
    }

    /// <summary>A fresh key each time, until two-factor is on: an abandoned setup leaves nothing that works.</summary>
    private static async Task<Ok<AuthenticatorSetup>> Setup(HttpContext http, UserManager<AppUser> users, IUserStore<AppUser> store,
        CancellationToken ct)
    {
        var user = await CurrentAsync(http, users);
        if (user.TwoFactorEnabled)
            throw new DomainException(StatusCodes.Status409Conflict, "two_factor_already_enabled",
                "Two-factor sign-in is already on. Turn it off first to use another app.");
        // Through the store, not ResetAuthenticatorKeyAsync: a key not yet in use is no reason to end the user's sessions.
        await ((IUserAuthenticatorKeyStore<AppUser>)store).SetAuthenticatorKeyAsync(user, users.GenerateNewAuthenticatorKey(), ct);
        Check(await users.UpdateAsync(user));
        var key = (await users.GetAuthenticatorKeyAsync(user))!;
        return TypedResults.Ok(new AuthenticatorSetup(Grouped(key), UriFor(user.Email!, key)));
    }

    private static async Task<Ok<NewRecoveryCodes>> Enable(EnableTwoFactorRequest request, HttpContext http, UserManager<AppUser> users,
        UserSessions sessions, AuditTrail audit, CancellationToken ct)
    {
        var user = await CurrentAsync(http, users);
        var code = SecondFactorSignIn.Normalise(request.Code);
        new Validation().Check(code is { Length: 6 } && code.All(char.IsAsciiDigit), "code", "Enter the six-digit code from your app.").ThrowIfInvalid();
        if (user.TwoFactorEnabled)
            throw new DomainException(StatusCodes.Status409Conflict, "two_factor_already_enabled", "Two-factor sign-in is already on.");
        if (await users.GetAuthenticatorKeyAsync(user) is null)
            throw new DomainException(StatusCodes.Status409Conflict, "authenticator_not_set_up", "Set up the authenticator app first.");
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code!))
            throw new ValidationFailedException(new Dictionary<string, string[]>
                { ["code"] = ["That code is not right. Check that the app shows the Elimu account, and try the newest code."] });

        Check(await users.SetTwoFactorEnabledAsync(user, true));
        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodes.Count))!.ToList();
        await sessions.ReissueAsync(http, user, ct);
        await audit.RecordNowAsync(user.Id, "auth.two_factor_enabled", "user", user.Id, ct);
        return TypedResults.Ok(new NewRecoveryCodes(codes));
    }

    private static async Task<Ok<NewRecoveryCodes>> Regenerate(TwoFactorProof proof, HttpContext http, UserManager<AppUser> users,
        SignInBackoff backoff, AuditTrail audit, CancellationToken ct)
    {
        var user = await CurrentAsync(http, users);
        if (!user.TwoFactorEnabled)
            throw new DomainException(StatusCodes.Status409Conflict, "two_factor_not_enabled", "Two-factor sign-in is off: there are no recovery codes.");
        await ProveAsync(user, proof, users, backoff, audit, http, ct);
        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodes.Count))!.ToList();
        await audit.RecordNowAsync(user.Id, "auth.recovery_codes_generated", "user", user.Id, ct);
        return TypedResults.Ok(new NewRecoveryCodes(codes));
    }

    private static async Task<NoContent> Disable(TwoFactorProof proof, HttpContext http, UserManager<AppUser> users, IUserStore<AppUser> store,
        SignInBackoff backoff, UserSessions sessions, AuditTrail audit, CancellationToken ct)
    {
        var user = await CurrentAsync(http, users);
        if (!user.TwoFactorEnabled)
            throw new DomainException(StatusCodes.Status409Conflict, "two_factor_not_enabled", "Two-factor sign-in is already off.");
        await ProveAsync(user, proof, users, backoff, audit, http, ct);
        await ((IUserAuthenticatorKeyStore<AppUser>)store).SetAuthenticatorKeyAsync(user, null!, ct);
        await ((IUserTwoFactorRecoveryCodeStore<AppUser>)store).ReplaceCodesAsync(user, [], ct);
        Check(await users.SetTwoFactorEnabledAsync(user, false));
        await sessions.ReissueAsync(http, user, ct);
        await audit.RecordNowAsync(user.Id, "auth.two_factor_disabled", "user", user.Id, ct);
        return TypedResults.NoContent();
    }

    /// <summary>The password or an app code; wrong ones count toward the sign-in back-off, as a password change's do.</summary>
    private static async Task ProveAsync(AppUser user, TwoFactorProof proof, UserManager<AppUser> users, SignInBackoff backoff,
        AuditTrail audit, HttpContext http, CancellationToken ct)
    {
        var code = SecondFactorSignIn.Normalise(proof.Code);
        new Validation()
            .Check(!string.IsNullOrEmpty(proof.Password) || code is not null, "password", "Enter your password or a code from your app.")
            .ThrowIfInvalid();
        if (await backoff.ClaimAsync(user.Email!, ct) is SignInBackoff.MustWait wait)
        {
            var seconds = Math.Max(1, (int)Math.Ceiling(wait.Remaining.TotalSeconds));
            http.Response.Headers.RetryAfter = seconds.ToString();
            throw new DomainException(StatusCodes.Status429TooManyRequests, "sign_in_delayed", "Too many wrong attempts.",
                $"Too many wrong attempts for this account. Wait {seconds} seconds and try again.");
        }
        var right = !string.IsNullOrEmpty(proof.Password)
            ? await users.CheckPasswordAsync(user, proof.Password)
            : await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code!);
        if (!right)
        {
            await audit.RecordNowAsync(user.Id, "auth.reauthentication_failed", "user", user.Id, ct);
            var field = !string.IsNullOrEmpty(proof.Password) ? "password" : "code";
            throw new ValidationFailedException(new Dictionary<string, string[]>
                { [field] = [field == "password" ? "The password is incorrect." : "That code is not right."] });
        }
        await backoff.ResetAsync(user.Email!, ct);
    }

    private static async Task<AppUser> CurrentAsync(HttpContext http, UserManager<AppUser> users) =>
        await users.GetUserAsync(http.User) ?? throw new DomainException(StatusCodes.Status401Unauthorized, "unauthenticated", "Sign in to continue.");

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new DomainException(StatusCodes.Status409Conflict, "concurrent_change",
                "Your account changed at the same time. Reload and try again.");
    }

    private static string Grouped(string key)
    {
        var text = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4) text.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        return text.ToString().TrimEnd().ToLowerInvariant();
    }

    private static string UriFor(string email, string key) =>
        $"otpauth://totp/{UrlEncoder.Default.Encode(Issuer)}:{UrlEncoder.Default.Encode(email)}?secret={key}&issuer={UrlEncoder.Default.Encode(Issuer)}&digits=6";
}
