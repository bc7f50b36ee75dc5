using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Elimu.Api.Common;
using Elimu.Api.Data;
using Elimu.Api.Partners.Shared;
using Elimu.Api.Platform.Audit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Elimu.Api.Partners.Account.Team;

/// <summary>
/// POST /account/team/invitations (an owner invites an address with a role) and POST /invitations/{id}/renew (a new link
/// for an open invitation; the old one stops working). The answer carries the link once; the invitee gets it from
/// <see cref="ITeamInvitationSender"/>, called after the commit.
/// </summary>
public static class InviteMember
{
    public static async Task<Created<TeamInvitationResponse>> Handle(InviteMemberRequest request, ClaimsPrincipal user, HttpContext http,
        AppDbContext db, AuditTrail audit, TimeProvider clock, IOptions<TeamOptions> options, ITeamInvitationSender sender,
        ILogger<InvitationSending> log, CancellationToken ct)
    {
        var email = request.Email?.Trim() ?? "";
        new Validation()
            .Check(email.Length > 0, "email", "Enter the email address to invite.")
            .Check(email.Length == 0 || (email.Length <= 256 && new EmailAddressAttribute().IsValid(email) && email.Contains('.')),
                "email", "Enter a valid email address, like name@example.org.")
            .Check(request.Role is not null, "role", "Choose a role: owner, finance, programs or viewer.")
            .ThrowIfInvalid();

        var profileId = user.PartnerProfileId();
        var normalized = email.ToUpperInvariant();
        var token = InvitationTokens.NewToken();
        var now = clock.GetUtcNow().UtcDateTime;
        var invitation = await TeamLock.RunAsync(db, profileId, async () =>
        {
            if (await db.PartnerTeamMembers.AnyAsync(m => m.PartnerProfileId == profileId && m.User!.NormalizedEmail == normalized, ct))
                throw DomainException.Conflict("already_member", $"{email} is already on your team.");
            var open = await db.PartnerTeamInvitations.FirstOrDefaultAsync(
                i => i.PartnerProfileId == profileId && i.NormalizedEmail == normalized && i.AcceptedAt == null && i.RevokedAt == null, ct);
            if (open is not null && open.ExpiresAt > now)
                throw DomainException.Conflict("invitation_pending",
                    $"{email} already has a pending invitation. Withdraw it, or send a new link from the list.");
            if (open is not null)
            {
                open.RevokedAt = now; // expired: replaced by this one
                await db.SaveChangesAsync(ct);
            }
            var size = await db.PartnerTeamMembers.CountAsync(m => m.PartnerProfileId == profileId, ct)
                + await db.PartnerTeamInvitations.CountAsync(i => i.PartnerProfileId == profileId && i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now, ct);
            if (size >= options.Value.MaxTeamSize)
                throw DomainException.Conflict("team_full", $"A team has at most {options.Value.MaxTeamSize} members and pending invitations.");

            var created = new PartnerTeamInvitation
            {
                PartnerProfileId = profileId, Email = email, NormalizedEmail = normalized, Role = request.Role!.Value,
                TokenHash = InvitationTokens.Hash(token), InvitedBy = user.UserId(), CreatedAt = now,
                ExpiresAt = now + options.Value.InvitationLifetime,
            };
            db.PartnerTeamInvitations.Add(created);
            audit.Record(user.UserId(), "team.invite", "partner_team_invitation", created.Id, $"{email} as {created.Role}", user.PartnerId());
            await db.SaveChangesAsync(ct);
            return created;
        }, ct);

        var response = await DeliverAsync(invitation, token, user, http, db, sender, log, ct);
        return TypedResults.Created($"/api/v1/partner/account/team/invitations/{invitation.Id}", response);
    }

    public static async Task<Ok<TeamInvitationResponse>> Renew(Guid id, ClaimsPrincipal user, HttpContext http, AppDbContext db,
        AuditTrail audit, TimeProvider clock, IOptions<TeamOptions> options, ITeamInvitationSender sender,
        ILogger<InvitationSending> log, CancellationToken ct)
    {
        var profileId = user.PartnerProfileId();
        var invitation = await db.PartnerTeamInvitations.FirstOrDefaultAsync(
                i => i.Id == id && i.PartnerProfileId == profileId && i.AcceptedAt == null && i.RevokedAt == null, ct)
            ?? throw DomainException.NotFound("Invitation");
        var token = InvitationTokens.NewToken();
        var now = clock.GetUtcNow().UtcDateTime;
        invitation.TokenHash = InvitationTokens.Hash(token);
        invitation.ExpiresAt = now + options.Value.InvitationLifetime;
        audit.Record(user.UserId(), "team.invite.renew", "partner_team_invitation", invitation.Id,
            $"{invitation.Email}: new link until {invitation.ExpiresAt:u}", user.PartnerId());
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await DeliverAsync(invitation, token, user, http, db, sender, log, ct));
    }

    private static async Task<TeamInvitationResponse> DeliverAsync(PartnerTeamInvitation invitation, string token, ClaimsPrincipal user,
        HttpContext http, AppDbContext db, ITeamInvitationSender sender, ILogger<InvitationSending> log, CancellationToken ct)
    {
        var link = InvitationTokens.LinkFor(http.Request, token);
        var profileId = invitation.PartnerProfileId;
        var organization = await db.PartnerProfiles.Where(p => p.Id == profileId).Select(p => p.OrganizationName).FirstAsync(ct);
        var me = user.UserId();
        var by = await db.Users.Where(u => u.Id == me).Select(u => new { u.DisplayName, u.FirstName, u.LastName }).FirstAsync(ct);
        var byName = ListTeam.NameOf(by.DisplayName, by.FirstName, by.LastName);
        try
        {
            await sender.SendAsync(new TeamInvitationCreated(invitation.Id, profileId, organization, invitation.Email, invitation.Role,
                link, invitation.ExpiresAt, me, byName), ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The invitation is committed and its link is in this answer for the owner to pass on.
            log.LogWarning(e, "Could not deliver team invitation {InvitationId}", invitation.Id);
        }
        return ListTeam.Describe(invitation, byName, "pending", link);
    }
}

/// <summary>Log category for invitation delivery.</summary>
public sealed class InvitationSending;
