using Elimu.Api.Common;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Elimu.Api.Platform.Identity;

public enum UiTheme { dark, light }

public sealed record ThemeRequest(UiTheme Theme);

/// <summary>PUT /api/v1/account/theme: the colour theme follows the user from browser to browser (dark unless they chose light).</summary>
public static class ThemePreference
{
    public static async Task<Ok<ThemeRequest>> Handle(ThemeRequest request, HttpContext http, UserManager<AppUser> users)
    {
        var user = await users.GetUserAsync(http.User) ?? throw new DomainException(StatusCodes.Status401Unauthorized, "unauthenticated", "Sign in to continue.");
        if (!Enum.IsDefined(request.Theme)) throw new ValidationFailedException(new Dictionary<string, string[]> { ["theme"] = ["Choose dark or light."] });
        user.Theme = request.Theme;
        var saved = await users.UpdateAsync(user);
        if (!saved.Succeeded) throw DomainException.Conflict("concurrent_change", "Your account changed at the same time. Try again.");
        return TypedResults.Ok(new ThemeRequest(user.Theme));
    }
}
