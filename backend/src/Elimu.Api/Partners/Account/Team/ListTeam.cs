using System.Security.Claims;
using Elimu.Api.Common;
using Elimu.Api.Data;
using Elimu.Api.Partners.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Partners.Account.Team;

/// <summary>GET /account/team: the members (owners first) and the invitations not yet accepted or withdrawn.</summary>
public static class ListTeam
{
    public static async Task<Ok<TeamResponse>> Handle(ClaimsPrincipal user, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var profileId = user.PartnerProfileId();
        var me = user.UserId();
        var now = clock.GetUtcNow().UtcDateTime;
        var members = await db.PartnerTeamMembers.Where(m => m.PartnerProfileId == profileId)
            .Select(m => new { m.UserId, m.User!.DisplayName, m.User.FirstName, m.User.LastName, m.User.Email, m.Role, m.CreatedAt })
            .ToListAsync(ct);
        var invitations = await db.PartnerTeamInvitations
            .Where(i => i.PartnerProfileId == profileId && i.AcceptedAt == null && i.RevokedAt == null)
            .OrderByDescending(i => i.CreatedAt)
            .Select(i => new { Invitation = i, By = db.Users.Where(u => u.Id == i.InvitedBy).Select(u => u.DisplayName).FirstOrDefault() })
            .ToListAsync(ct);

        return TypedResults.Ok(new TeamResponse(
            members.OrderBy(m => m.Role).ThenBy(m => m.CreatedAt)
                .Select(m => new TeamMemberResponse(m.UserId, NameOf(m.DisplayName, m.FirstName, m.LastName), m.Email ?? "", m.Role,
                    m.CreatedAt, m.UserId == me))
                .ToList(),
            invitations.Select(i => Describe(i.Invitation, i.By ?? "", i.Invitation.ExpiresAt > now ? "pending" : "expired", link: null)).ToList(),
            Enum.Parse<TeamRole>(user.PartnerRole()!)));
    }

    internal static string NameOf(string displayName, string first, string last) =>
        string.IsNullOrWhiteSpace(displayName) ? $"{first} {last}".Trim() : displayName;

    internal static TeamInvitationResponse Describe(PartnerTeamInvitation i, string invitedBy, string status, string? link) =>
        new(i.Id, i.Email, i.Role, status, i.CreatedAt, i.ExpiresAt, invitedBy, link);
}
