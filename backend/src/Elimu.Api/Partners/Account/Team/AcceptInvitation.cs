using Elimu.Api.Common;
using Elimu.Api.Data;
using Elimu.Api.Partners.Shared;
using Elimu.Api.Platform.Audit;
using Elimu.Api.Platform.Identity;
using Elimu.Api.Platform.Identity.Sessions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Partners.Account.Team;

/// <summary>
/// The invitee's side, before they are anyone's member: GET /api/v1/team-invitations/{token} says what the link is for,
/// POST .../accept joins. A new address chooses a name and password; an existing account proves itself with its password
/// (or is already signed in). The token is claimed by one conditional UPDATE inside the joining transaction, so a link
/// is used once even when two browsers accept it at the same moment; a used, withdrawn or expired link answers 410.
/// </summary>
public static class AcceptInvitation
{
    public static async Task<Ok<InvitationPreview>> Preview(string token, HttpContext http, AppDbContext db, UserManager<AppUser> users,
        TimeProvider clock, CancellationToken ct)
    {
        var (invitation, organization) = await FindAsync(db, token, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var status = StatusOf(invitation, now);
        if (status != "pending") throw Gone(status);
        var account = await users.FindByEmailAsync(invitation.Email);
        var signedIn = http.User.Identity?.IsAuthenticated == true && account is not null && http.User.UserId() == account.Id;
        return TypedResults.Ok(new InvitationPreview(organization, invitation.Email, invitation.Role, status, invitation.ExpiresAt,
            account is not null, signedIn));
    }

    public static async Task<Results<Ok<CurrentUser>, ProblemHttpResult>> Accept(string token, AcceptInvitationRequest request,
        HttpContext http, AppDbContext db, SignInManager<AppUser> signIn, SignInBackoff backoff, UserSessions sessions, AuditTrail audit,
        IPartnerProfileLookup profiles, TimeProvider clock, CancellationToken ct)
    {
        var (invitation, _) = await FindAsync(db, token, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        if (StatusOf(invitation, now) is var status and not "pending") throw Gone(status);

        var users = signIn.UserManager;
        var account = await users.FindByEmailAsync(invitation.Email);
        var signedInAsInvitee = account is not null && http.User.Identity?.IsAuthenticated == true && http.User.UserId() == account.Id;
        if (account is null)
            ValidateNewAccount(request);
        else if (!signedInAsInvitee)
        {
            // A password alone must not open an account that signs in with two factors: sign in first, then accept.
            if (account.TwoFactorEnabled)
                throw new DomainException(StatusCodes.Status403Forbidden, "sign_in_required",
                    "Sign in to accept this invitation.", "This account uses two-factor sign-in. Sign in first, then open the invitation link again.");
            new Validation().Check(!string.IsNullOrEmpty(request.Password), "password", "Enter the password of your account.").ThrowIfInvalid();
            if (await backoff.ClaimAsync(account.Email!, ct) is SignInBackoff.MustWait wait) return SignIn.Delayed(http, wait.Remaining);
            if (!await users.CheckPasswordAsync(account, request.Password!) || await users.IsLockedOutAsync(account))
            {
                await audit.RecordNowAsync(account.Id, "team.invite.accept_failed", "partner_team_invitation", invitation.Id, ct, "wrong password");
                throw new ValidationFailedException(new Dictionary<string, string[]> { ["password"] = ["The password is incorrect."] });
            }
            await backoff.ResetAsync(account.Email!, ct);
        }
        if (account is not null && await db.PartnerTeamMembers.AnyAsync(m => m.UserId == account.Id, ct))
            throw DomainException.Conflict("member_of_a_team",
                "This account is already on a partner's team. An account works for one partner; use another address.");

        var user = account ?? NewUser(invitation.Email, request);
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            var claimed = await db.PartnerTeamInvitations
                .Where(i => i.Id == invitation.Id && i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.AcceptedAt, now).SetProperty(i => i.AcceptedBy, user.Id), ct);
            if (claimed == 0) throw Gone("accepted");
            if (account is null) Check(await users.CreateAsync(user, request.Password!), "password");
            if (!await users.IsInRoleAsync(user, Roles.Partner)) Check(await users.AddToRoleAsync(user, Roles.Partner), "email");
            var member = new PartnerTeamMember
            {
                PartnerProfileId = invitation.PartnerProfileId, UserId = user.Id, Role = invitation.Role, InvitedBy = invitation.InvitedBy,
                CreatedAt = now,
            };
            db.PartnerTeamMembers.Add(member);
            var partnerId = await db.PartnerProfiles.Where(p => p.Id == invitation.PartnerProfileId).Select(p => p.UserId).FirstAsync(ct);
            audit.Record(user.Id, "team.member.join", "partner_team_member", member.Id,
                $"{invitation.Email} as {invitation.Role} (invitation {invitation.Id}{(account is null ? ", new account" : "")})", partnerId);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }

        // The session now carries the partner role; a browser signed in as someone else is switched to the invitee.
        await sessions.StartAsync(http, user, ct);
        await audit.RecordNowAsync(user.Id, "auth.signed_in", "user", user.Id, ct, "by accepting a team invitation");
        return TypedResults.Ok(await AuthEndpoints.Describe(user, users, profiles));
    }

    private static async Task<(PartnerTeamInvitation Invitation, string Organization)> FindAsync(AppDbContext db, string token, CancellationToken ct)
    {
        var hash = InvitationTokens.Hash(token ?? "");
        var found = await db.PartnerTeamInvitations.AsNoTracking().Where(i => i.TokenHash == hash)
            .Select(i => new { Invitation = i, Organization = db.PartnerProfiles.Where(p => p.Id == i.PartnerProfileId).Select(p => p.OrganizationName).First() })
            .FirstOrDefaultAsync(ct)
            ?? throw new DomainException(StatusCodes.Status404NotFound, "invitation_not_found", "Invitation not found.",
                "This invitation link is not valid. Check that you copied all of it, or ask for a new one.");
        return (found.Invitation, found.Organization);
    }

    private static string StatusOf(PartnerTeamInvitation i, DateTime now) =>
        i.AcceptedAt is not null ? "accepted" : i.RevokedAt is not null ? "revoked" : i.ExpiresAt <= now ? "expired" : "pending";

    private static DomainException Gone(string status) => new(StatusCodes.Status410Gone, $"invitation_{status}", "This invitation can no longer be used.",
        status switch
        {
            "accepted" => "This invitation link has already been used. Sign in, or ask the team's owner for a new invitation.",
            "expired" => "This invitation link has expired. Ask the team's owner to send a new link.",
            _ => "This invitation was withdrawn by the team's owner.",
        });

    private static void ValidateNewAccount(AcceptInvitationRequest request) => new Validation()
        .Check(!string.IsNullOrWhiteSpace(request.FullName), "fullName", "Enter your full name.")
        .Text("fullName", request.FullName, InputLimits.ShortText)
        .Check(!string.IsNullOrEmpty(request.Password), "password", "Choose a password of at least 8 characters.")
        .ThrowIfInvalid();

    private static AppUser NewUser(string email, AcceptInvitationRequest request)
    {
        var name = request.FullName!.Trim();
        var space = name.IndexOf(' ');
        return new AppUser
        {
            Id = Guid.CreateVersion7(), UserName = email, Email = email, EmailConfirmed = true, DisplayName = name,
            FirstName = space < 0 ? name : name[..space], LastName = space < 0 ? "" : name[(space + 1)..].Trim(),
        };
    }

    private static void Check(IdentityResult result, string field)
    {
        if (!result.Succeeded)
            throw new ValidationFailedException(new Dictionary<string, string[]> { [field] = result.Errors.Select(e => e.Description).ToArray() });
    }
}
