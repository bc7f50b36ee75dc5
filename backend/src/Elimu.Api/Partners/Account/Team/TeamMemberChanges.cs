using System.Security.Claims;
using Elimu.Api.Common;
using Elimu.Api.Data;
using Elimu.Api.Partners.Shared;
using Elimu.Api.Platform.Audit;
using Elimu.Api.Platform.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Partners.Account.Team;

/// <summary>
/// An owner changes a member's role, removes a member, or withdraws an invitation. A team always keeps an owner: the
/// owner count is read under the team's lock, so two owners demoting each other at once leave one.
/// </summary>
public static class TeamMemberChanges
{
    public static async Task<Ok<TeamMemberResponse>> ChangeRole(Guid userId, ChangeMemberRoleRequest request, ClaimsPrincipal user,
        AppDbContext db, AuditTrail audit, CancellationToken ct)
    {
        new Validation().Check(request.Role is not null, "role", "Choose a role: owner, finance, programs or viewer.").ThrowIfInvalid();
        var profileId = user.PartnerProfileId();
        var role = request.Role!.Value;
        return TypedResults.Ok(await TeamLock.RunAsync(db, profileId, async () =>
        {
            var member = await MemberAsync(db, profileId, userId, ct);
            if (member.Role == role) return await DescribeAsync(db, member, user, ct);
            if (member.Role == TeamRole.owner) await KeepAnOwnerAsync(db, profileId, ct);
            audit.Record(user.UserId(), "team.role.change", "partner_team_member", member.Id,
                $"{member.UserId}: {member.Role} -> {role}", user.PartnerId());
            member.Role = role;
            await db.SaveChangesAsync(ct);
            return await DescribeAsync(db, member, user, ct);
        }, ct));
    }

    /// <summary>
    /// The member leaves the team and the partner role; their sessions end (new security stamp, hub connections closed),
    /// so nothing they had open keeps showing the partner's data.
    /// </summary>
    public static async Task<NoContent> Remove(Guid userId, ClaimsPrincipal user, AppDbContext db, UserManager<AppUser> users,
        RealtimeSessions realtime, AuditTrail audit, CancellationToken ct)
    {
        var profileId = user.PartnerProfileId();
        await TeamLock.RunAsync(db, profileId, async () =>
        {
            var member = await MemberAsync(db, profileId, userId, ct);
            if (member.Role == TeamRole.owner) await KeepAnOwnerAsync(db, profileId, ct);
            db.PartnerTeamMembers.Remove(member);
            audit.Record(user.UserId(), "team.member.remove", "partner_team_member", member.Id, $"{member.UserId} ({member.Role})", user.PartnerId());
            await db.SaveChangesAsync(ct);
            var removed = await users.FindByIdAsync(userId.ToString());
            if (removed is not null)
            {
                await users.RemoveFromRoleAsync(removed, Roles.Partner);
                await users.UpdateSecurityStampAsync(removed);
            }
            return true;
        }, ct);
        realtime.EndSessionsOf(userId);
        return TypedResults.NoContent();
    }

    public static async Task<NoContent> RevokeInvitation(Guid id, ClaimsPrincipal user, AppDbContext db, AuditTrail audit,
        TimeProvider clock, CancellationToken ct)
    {
        var profileId = user.PartnerProfileId();
        var invitation = await db.PartnerTeamInvitations.FirstOrDefaultAsync(
                i => i.Id == id && i.PartnerProfileId == profileId && i.AcceptedAt == null && i.RevokedAt == null, ct)
            ?? throw DomainException.NotFound("Invitation");
        invitation.RevokedAt = clock.GetUtcNow().UtcDateTime;
        audit.Record(user.UserId(), "team.invite.revoke", "partner_team_invitation", invitation.Id,
            $"{invitation.Email} ({invitation.Role})", user.PartnerId());
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    private static async Task<PartnerTeamMember> MemberAsync(AppDbContext db, Guid profileId, Guid userId, CancellationToken ct) =>
        await db.PartnerTeamMembers.FirstOrDefaultAsync(m => m.PartnerProfileId == profileId && m.UserId == userId, ct)
        ?? throw DomainException.NotFound("Team member");

    private static async Task KeepAnOwnerAsync(AppDbContext db, Guid profileId, CancellationToken ct)
    {
        if (await db.PartnerTeamMembers.CountAsync(m => m.PartnerProfileId == profileId && m.Role == TeamRole.owner, ct) <= 1)
            throw DomainException.Conflict("last_owner",
                "This is the team's only owner. Make another member an owner first; a team always keeps one.");
    }

    private static async Task<TeamMemberResponse> DescribeAsync(AppDbContext db, PartnerTeamMember member, ClaimsPrincipal user,
        CancellationToken ct)
    {
        var u = await db.Users.Where(x => x.Id == member.UserId).Select(x => new { x.DisplayName, x.FirstName, x.LastName, x.Email }).FirstAsync(ct);
        return new TeamMemberResponse(member.UserId, ListTeam.NameOf(u.DisplayName, u.FirstName, u.LastName), u.Email ?? "", member.Role,
            member.CreatedAt, member.UserId == user.UserId());
    }
}
