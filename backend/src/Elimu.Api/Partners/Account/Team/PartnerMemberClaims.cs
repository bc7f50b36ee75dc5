using System.Security.Claims;
using Elimu.Api.Data;
using Elimu.Api.Partners.Shared;
using Elimu.Api.Platform.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Partners.Account.Team;

/// <summary>
/// The one place that says which partner a signed-in user works for and in which role (<see cref="PartnerMember"/>).
/// It reads the membership from the database, not from the cookie, so a role change or a removal holds from the next
/// request: the answer is kept in <see cref="SessionStateCache"/>, which a committed change of the member's row evicts
/// (<see cref="PartnerTeamMember"/> is an <see cref="ISessionStateSource"/>). One indexed query for users in the
/// partner role when not cached, none for anyone else, at most one per request (the instance is scoped to the request
/// and remembers its answer, however often authentication runs).
/// </summary>
internal sealed class PartnerMemberClaims(SessionStateCache states, IServiceProvider scope, IHttpContextAccessor http) : IClaimsTransformation
{
    private const string Kind = "elimu:partner-member";
    private Membership? _membership;
    private bool _looked;

    private sealed record Membership(Guid PartnerId, Guid ProfileId, TeamRole Role);

    private static readonly Func<AppDbContext, Guid, CancellationToken, Task<Membership?>> Query = EF.CompileAsyncQuery(
        (AppDbContext db, Guid userId, CancellationToken _) => db.PartnerTeamMembers.Where(m => m.UserId == userId)
            .Select(m => new Membership(m.PartnerProfile!.UserId, m.PartnerProfileId, m.Role)).FirstOrDefault());

    public async Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true || !principal.IsInRole(Roles.Partner)
            || principal.FindFirstValue(ClaimTypes.NameIdentifier) is not { } id || !Guid.TryParse(id, out var userId))
            return principal;

        if (!_looked)
        {
            // The DbContext is asked for only when the cache has no answer.
            _membership = await states.GetAsync(userId, ct => Query(scope.GetRequiredService<AppDbContext>(), userId, ct),
                http.HttpContext?.RequestAborted ?? default);
            _looked = true;
        }

        // A new principal each time: the one passed in may be cached by the cookie handler, and claims this class added
        // on an earlier call (or that ever came back from a cookie) are replaced, never trusted.
        var result = new ClaimsPrincipal(principal.Identities.Where(i => i.AuthenticationType != Kind));
        if (_membership is { } m)
            result.AddIdentity(new ClaimsIdentity(
            [
                new Claim(PartnerMember.PartnerIdClaim, m.PartnerId.ToString()),
                new Claim(PartnerMember.ProfileIdClaim, m.ProfileId.ToString()),
                new Claim(PartnerMember.RoleClaim, m.Role.ToString()),
            ], Kind));
        return result;
    }
}
