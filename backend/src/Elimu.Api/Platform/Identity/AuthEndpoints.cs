using Elimu.Api.Common;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Elimu.Api.Platform.Identity;

public sealed record LoginRequest(string Email, string Password);

public sealed record CurrentUser(Guid Id, string Email, string DisplayName, IReadOnlyList<string> Roles, Guid? PartnerProfileId);

public static class AuthEndpoints
{
    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/v1/auth").WithTags("Auth");
        auth.MapPost("/login", Login).RequireRateLimiting(IdentityServiceCollectionExtensions.LoginRateLimit).AllowAnonymous();
        auth.MapPost("/logout", Logout).RequireAuthorization();
        auth.MapGet("/me", Me).RequireAuthorization();
        return app;
    }

    private static async Task<Results<Ok<CurrentUser>, ProblemHttpResult>> Login(
        LoginRequest request, HttpContext http, SignInManager<AppUser> signIn, IPartnerProfileLookup profiles)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Email)) errors["email"] = ["Enter your email address."];
        if (string.IsNullOrEmpty(request.Password)) errors["password"] = ["Enter your password."];
        if (errors.Count > 0) throw new ValidationFailedException(errors);

        var user = await signIn.UserManager.FindByEmailAsync(request.Email.Trim());
        if (user is null) return WrongCredentials();

        var result = await signIn.CheckPasswordSignInAsync(user, request.Password, lockoutOnFailure: true);
        if (result.IsLockedOut)
            return TypedResults.Problem(statusCode: 401, title: "Sign-in is locked.",
                detail: "Too many failed attempts. Try again in 15 minutes or reset your password.",
                extensions: new Dictionary<string, object?> { ["code"] = "locked_out" });
        if (!result.Succeeded) return WrongCredentials();

        var principal = await signIn.CreateUserPrincipalAsync(user);
        await http.SignInAsync(IdentityConstants.ApplicationScheme, principal);
        http.User = principal;
        return TypedResults.Ok(await Describe(user, signIn.UserManager, profiles));
    }

    private static async Task<NoContent> Logout(HttpContext http, SignInManager<AppUser> signIn)
    {
        await signIn.SignOutAsync();
        http.User = new();
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<CurrentUser>, UnauthorizedHttpResult>> Me(
        HttpContext http, UserManager<AppUser> users, IPartnerProfileLookup profiles)
    {
        var user = await users.GetUserAsync(http.User);
        return user is null ? TypedResults.Unauthorized() : TypedResults.Ok(await Describe(user, users, profiles));
    }

    private static async Task<CurrentUser> Describe(AppUser user, UserManager<AppUser> users, IPartnerProfileLookup profiles)
    {
        var roles = await users.GetRolesAsync(user);
        var profileId = await profiles.FindProfileIdAsync(user.Id);
        var name = string.IsNullOrWhiteSpace(user.DisplayName) ? user.FullName : user.DisplayName;
        return new CurrentUser(user.Id, user.Email!, name, roles.Order().ToList(), profileId);
    }

    private static ProblemHttpResult WrongCredentials() =>
        TypedResults.Problem(statusCode: 401, title: "Sign-in failed.", detail: "The email or password is incorrect.",
            extensions: new Dictionary<string, object?> { ["code"] = "invalid_credentials" });
}
