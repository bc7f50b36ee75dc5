using System.Security.Claims;

namespace Elimu.Api.Common;

public static class CurrentUserExtensions
{
    /// <summary>The signed-in user's id. Endpoints that call this require authorization, so it is always present.</summary>
    public static Guid UserId(this ClaimsPrincipal user) =>
        Guid.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier)
            ?? throw new InvalidOperationException("No signed-in user on an authorized endpoint."));
}
