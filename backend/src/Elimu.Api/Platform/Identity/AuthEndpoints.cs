using Elimu.Api.Common;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Elimu.Api.Platform.Identity.Sessions;

namespace Elimu.Api.Platform.Identity;

/// <param name="PartnerRole">The user's role on their partner's team (owner, finance, programs, viewer), so the SPA can hide what
/// the role may not do; the server refuses it either way.</param>
/// <param name="PreferredLanguage">The language the user chose (Settings, or the switcher in the top bar); the SPA follows it.</param>
/// <param name="Theme">The user's saved colour theme (dark or light), applied across the shell.</param>
public sealed record CurrentUser(Guid Id, string Email, string DisplayName, IReadOnlyList<string> Roles, Guid? PartnerProfileId,
    string? PartnerRole, Language PreferredLanguage, UiTheme Theme = UiTheme.dark);

public static class AuthEndpoints
{
    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/v1/auth").WithTags("Auth");
        auth.MapPost("/login", SignIn.Handle).RequireRateLimiting(IdentityServiceCollectionExtensions.LoginRateLimit).AllowAnonymous();
        auth.MapPost("/login/second-factor", SecondFactorSignIn.Handle)
            .RequireRateLimiting(IdentityServiceCollectionExtensions.LoginRateLimit).AllowAnonymous();
        auth.MapPost("/logout", SignOut.Handle).RequireAuthorization();
        auth.MapPost("/password", ChangePassword.Handle).RequireAuthorization();
        auth.MapGet("/me", Me).RequireAuthorization();
        auth.MapTwoFactorApi();
        auth.MapSessionApi();
        app.MapGroup("/api/v1/account").WithTags("Account").RequireAuthorization().MapPut("/theme", ThemePreference.Handle);
        auth.MapPut("/preferences", Preferences.Handle).RequireAuthorization()
            .WithSummary("Change the signed-in user's own preferences (language); answers the user as /me does.");
        return app;
    }

    private static async Task<Results<Ok<CurrentUser>, UnauthorizedHttpResult>> Me(
        HttpContext http, UserManager<AppUser> users, IPartnerProfileLookup profiles)
    {
        var user = await users.GetUserAsync(http.User);
        return user is null ? TypedResults.Unauthorized() : TypedResults.Ok(await Describe(user, users, profiles));
    }

    internal static async Task<CurrentUser> Describe(AppUser user, UserManager<AppUser> users, IPartnerProfileLookup profiles)
    {
        var roles = await users.GetRolesAsync(user);
        var membership = await profiles.FindMembershipAsync(user.Id);
        var name = string.IsNullOrWhiteSpace(user.DisplayName) ? user.FullName : user.DisplayName;
        return new CurrentUser(user.Id, user.Email!, name, roles.Order().ToList(), membership?.ProfileId, membership?.Role,
            user.PreferredLanguage, user.Theme);
    }
}
