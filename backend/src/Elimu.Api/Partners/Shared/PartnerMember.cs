using System.Security.Claims;

namespace Elimu.Api.Partners.Shared;

/// <summary>
/// The partner the signed-in team member works for, and their role there. Both are added to the request's principal by
/// <c>PartnerMemberClaims</c> (from the database, once per request, never from the cookie), so every partner route reads
/// the same answer without a query of its own.
/// </summary>
public static class PartnerMember
{
    public const string PartnerIdClaim = "elimu:partner_id";
    public const string RoleClaim = "elimu:partner_role";
    public const string ProfileIdClaim = "elimu:partner_profile_id";

    /// <summary>The id that keys the partner's programs, children and payments. Partner routes require membership.</summary>
    public static Guid PartnerId(this ClaimsPrincipal user) =>
        Guid.Parse(user.FindFirstValue(PartnerIdClaim)
            ?? throw new InvalidOperationException("No partner membership on a partner route (its policy should have refused)."));

    public static Guid PartnerProfileId(this ClaimsPrincipal user) =>
        Guid.Parse(user.FindFirstValue(ProfileIdClaim)
            ?? throw new InvalidOperationException("No partner membership on a partner route (its policy should have refused)."));

    /// <summary>The member's role name (owner, finance, programs, viewer), or null for a user on no team.</summary>
    public static string? PartnerRole(this ClaimsPrincipal user) => user.FindFirstValue(RoleClaim);
}
