using Elimu.Api.Platform.Identity.Sessions;
using Elimu.Api.Common;
using Elimu.Api.Data;
using Elimu.Api.Partners.Account.Team;
using Elimu.Api.Platform.Audit;
using Elimu.Api.Platform.Identity;
using Elimu.Api.Platform.Notifications;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Partners.Profiles;

public sealed record PartnerSignUpRequest(string? OrganizationName, OrganizationType? OrganizationType, string? FullName, string? Email,
    string? Password, string? ContactPhone);

/// <summary>
/// POST /api/v1/auth/signup/partner, public: a new organisation makes its account. One transaction creates the user (in
/// the partner role, Identity's password rules), the profile (pending verification) and the founder's owner membership,
/// then signs the user in. One account per address holds under parallel sign-ups because the users table's unique
/// user-name index (the user name is the email) refuses the second insert: that, like Identity's own check, is 409 email_taken.
/// Admins hear about the new organisation so they can verify it.
/// </summary>
public static class PartnerSignUp
{
    public static async Task<Created<CurrentUser>> Handle(PartnerSignUpRequest request, HttpContext http, AppDbContext db,
        SignInManager<AppUser> signIn, UserSessions sessions, AuditTrail audit, Notifier notifier, IPartnerProfileLookup profiles, TimeProvider clock,
        CancellationToken ct)
    {
        var email = request.Email?.Trim() ?? "";
        var name = request.OrganizationName?.Trim() ?? "";
        var fullName = request.FullName?.Trim() ?? "";
        var phone = string.IsNullOrWhiteSpace(request.ContactPhone) ? null : ContactFormats.KenyanPhone(request.ContactPhone);
        new Validation()
            .Check(name.Length > 0, "organizationName", "Enter your organisation's name.")
            .Text("organizationName", name, InputLimits.ShortText)
            .Check(request.OrganizationType is not null, "organizationType", "Choose a type: NGO, Corporate, Government, Foundation or Individual.")
            .Check(fullName.Length > 0, "fullName", "Enter your full name.")
            .Text("fullName", fullName, InputLimits.ShortText)
            .Check(email.Length > 0, "email", "Enter your work email address.")
            .Check(email.Length == 0 || ContactFormats.IsEmail(email), "email", "Enter a valid email address, like name@example.org.")
            .Check(!string.IsNullOrEmpty(request.Password), "password", "Choose a password of at least 8 characters.")
            .Check(string.IsNullOrWhiteSpace(request.ContactPhone) || phone is not null, "contactPhone",
                "Enter a Kenyan phone number, like 0712 345 678 or +254 712 345 678.")
            .ThrowIfInvalid();

        var users = signIn.UserManager;
        var now = clock.GetUtcNow().UtcDateTime;
        var space = fullName.IndexOf(' ');
        var user = new AppUser
        {
            Id = Guid.CreateVersion7(), UserName = email, Email = email, DisplayName = fullName, CreatedAt = now, PhoneNumber = phone,
            FirstName = space < 0 ? fullName : fullName[..space], LastName = space < 0 ? "" : fullName[(space + 1)..].Trim(),
        };
        var profile = new PartnerProfile
        {
            UserId = user.Id, OrganizationName = name, DisplayName = name, OrganizationType = request.OrganizationType!.Value,
            ContactPerson = fullName, ContactEmail = email, ContactPhone = phone, VerificationStatus = PartnerVerification.pending,
            CreatedAt = now, UpdatedAt = now, Members = [PartnerTeamMember.Founder(user.Id)],
        };
        profile.Members[0].CreatedAt = now;

        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            try
            {
                Check(await users.CreateAsync(user, request.Password!));
                Check(await users.AddToRoleAsync(user, Roles.Partner));
                db.PartnerProfiles.Add(profile);
                audit.Record(user.Id, "partner.signup", "partner_profile", profile.Id, $"{name} ({profile.OrganizationType}), {email}", user.Id);
                await NotifyAdminsAsync(db, notifier, profile, ct);
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
            }
            catch (Exception e) when (DatabaseConflicts.IsUniqueViolation(e))
            {
                throw EmailTaken(); // a parallel sign-up with the same address got there first
            }
        }

        // Signed in as a new session of its own, as every sign-in is (the session check refuses a cookie without one).
        await sessions.StartAsync(http, user, ct);
        await audit.RecordNowAsync(user.Id, "auth.signed_in", "user", user.Id, ct, "by signing up");
        return TypedResults.Created("/api/v1/partner/account/profile", await AuthEndpoints.Describe(user, users, profiles));
    }

    private static async Task NotifyAdminsAsync(AppDbContext db, Notifier notifier, PartnerProfile profile, CancellationToken ct)
    {
        var admins = await db.UserRoles.Where(ur => db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Admin)).Select(ur => ur.UserId).ToListAsync(ct);
        var draft = new NotificationDraft(NotificationCategory.system, $"{profile.OrganizationName} signed up as a partner",
            $"A {profile.OrganizationType} organisation is waiting for verification before it can create programs.", "/dashboard/admin/partners");
        await notifier.NotifyAsync(admins.Select(a => (a, draft)).ToList(), ct);
    }

    private static void Check(IdentityResult result)
    {
        if (result.Succeeded) return;
        if (result.Errors.Any(e => e.Code is "DuplicateUserName" or "DuplicateEmail")) throw EmailTaken();
        var field = result.Errors.All(e => e.Code.StartsWith("Password", StringComparison.Ordinal)) ? "password"
            : result.Errors.Any(e => e.Code.Contains("Email", StringComparison.Ordinal) || e.Code.Contains("UserName", StringComparison.Ordinal)) ? "email"
            : "password";
        throw new ValidationFailedException(new Dictionary<string, string[]> { [field] = result.Errors.Select(e => e.Description).ToArray() });
    }

    private static DomainException EmailTaken() => new(StatusCodes.Status409Conflict, "email_taken", "This email address already has an account.",
        "An account with this email address exists. Sign in instead, or use another address.")
    {
        Extensions = { ["errors"] = new Dictionary<string, string[]> { ["email"] = ["This email address already has an account. Sign in instead."] } },
    };
}
