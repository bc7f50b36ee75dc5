using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Elimu.Api.Platform.Identity;

/// <summary>
/// Binds each antiforgery token to the session's security stamp as well as to the user, so a token read before a
/// logout or a password change is refused afterwards, even when the same user signs in again.
/// </summary>
internal sealed class SessionBoundAntiforgery(IOptions<IdentityOptions> identity) : IAntiforgeryAdditionalDataProvider
{
    public string GetAdditionalData(HttpContext context) => StampOf(context.User);

    public bool ValidateAdditionalData(HttpContext context, string additionalData) =>
        string.Equals(additionalData ?? "", StampOf(context.User), StringComparison.Ordinal);

    private string StampOf(ClaimsPrincipal user) => user.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType) ?? "";
}
