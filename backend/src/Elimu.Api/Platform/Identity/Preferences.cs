using Elimu.Api.Common;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Elimu.Api.Platform.Identity;

/// <param name="Language">"en" or "sw"; left out, the language is not changed. More preferences join this body as fields
/// of their own, each optional, so a page changes only what it shows.</param>
public sealed record PreferencesRequest(string? Language);

/// <summary>
/// PUT /api/v1/auth/preferences: the signed-in user's own preferences, and nobody else's (there is no user id to name).
/// The language is taken as a name only ("sw", not 1 or "Kiswahili"), so a typo is a 400 on the field, not a silent default.
/// </summary>
public static class Preferences
{
    public static async Task<Results<Ok<CurrentUser>, UnauthorizedHttpResult>> Handle(PreferencesRequest request, HttpContext http,
        UserManager<AppUser> users, IPartnerProfileLookup profiles)
    {
        Language? language = null;
        if (request.Language is { } name)
        {
            var known = Enum.GetNames<Language>().Contains(name);
            new Validation().Check(known, "language", "Choose English (en) or Kiswahili (sw).").ThrowIfInvalid();
            language = Enum.Parse<Language>(name);
        }
        var user = await users.GetUserAsync(http.User);
        if (user is null) return TypedResults.Unauthorized();
        if (language is { } chosen && chosen != user.PreferredLanguage)
        {
            user.PreferredLanguage = chosen;
            var updated = await users.UpdateAsync(user);
            if (!updated.Succeeded) throw new InvalidOperationException(string.Join("; ", updated.Errors.Select(e => e.Description)));
        }
        return TypedResults.Ok(await AuthEndpoints.Describe(user, users, profiles));
    }
}
