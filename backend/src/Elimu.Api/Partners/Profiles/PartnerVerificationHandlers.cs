using System.Security.Claims;
using Elimu.Api.Common;
using Elimu.Api.Data;
using Elimu.Api.Partners.Shared;
using Elimu.Api.Platform.Audit;
using Elimu.Api.Platform.Notifications;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Partners.Profiles;

public sealed record PartnerVerificationItem(Guid ProfileId, Guid PartnerId, string OrganizationName, OrganizationType OrganizationType,
    string? ContactPerson, string? ContactEmail, string? ContactPhone, string? County, string? RegistrationNumber, string? Website,
    PartnerVerification VerificationStatus, string? VerificationNote, DateTime CreatedAt, DateTime? VerifiedAt);

public sealed record VerificationDecision(string? Reason);

/// <summary>/api/v1/admin/partners: the organisations that signed up, and the admin's verify or reject.</summary>
public static class PartnerVerificationHandlers
{
    public static async Task<Ok<Paged<PartnerVerificationItem>>> List(PartnerVerification? status, int? page, int? pageSize,
        AppDbContext db, CancellationToken ct)
    {
        var wanted = status ?? PartnerVerification.pending;
        var paged = await db.PartnerProfiles.AsNoTracking().Where(p => p.VerificationStatus == wanted)
            .OrderBy(p => p.CreatedAt).ThenBy(p => p.Id)
            .ToPagedAsync(PageRequest.From(page, pageSize), ct);
        return TypedResults.Ok(new Paged<PartnerVerificationItem>(paged.Items.Select(Describe).ToList(), paged.Page, paged.PageSize, paged.Total));
    }

    public static Task<Ok<PartnerVerificationItem>> Verify(Guid id, ClaimsPrincipal user, AppDbContext db, AuditTrail audit,
        Notifier notifier, IPartnerCountersChanged counters, TimeProvider clock, CancellationToken ct) =>
        DecideAsync(id, PartnerVerification.verified, null, user, db, audit, notifier, counters, clock, ct);

    public static Task<Ok<PartnerVerificationItem>> Reject(Guid id, VerificationDecision decision, ClaimsPrincipal user, AppDbContext db,
        AuditTrail audit, Notifier notifier, IPartnerCountersChanged counters, TimeProvider clock, CancellationToken ct)
    {
        new Validation().Check(!string.IsNullOrWhiteSpace(decision.Reason), "reason", "Say why the organisation cannot be verified.")
            .Text("reason", decision.Reason, InputLimits.LongText).ThrowIfInvalid();
        return DecideAsync(id, PartnerVerification.rejected, decision.Reason!.Trim(), user, db, audit, notifier, counters, clock, ct);
    }

    private static async Task<Ok<PartnerVerificationItem>> DecideAsync(Guid id, PartnerVerification outcome, string? reason, ClaimsPrincipal user,
        AppDbContext db, AuditTrail audit, Notifier notifier, IPartnerCountersChanged counters, TimeProvider clock, CancellationToken ct)
    {
        var profile = await db.PartnerProfiles.FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw DomainException.NotFound("Partner");
        if (profile.VerificationStatus == outcome)
            throw DomainException.Conflict("invalid_transition", $"{profile.OrganizationName} is already {outcome}.");
        // Turning down is for a new organisation; a verified one may already run programs that guardians agreed to.
        if (outcome == PartnerVerification.rejected && profile.VerificationStatus != PartnerVerification.pending)
            throw DomainException.Conflict("invalid_transition", $"{profile.OrganizationName} is {profile.VerificationStatus}; only a pending organisation can be turned down.");
        var now = clock.GetUtcNow().UtcDateTime;
        var from = profile.VerificationStatus;
        profile.VerificationStatus = outcome;
        profile.VerificationNote = reason;
        profile.VerifiedAt = now;
        profile.VerifiedBy = user.UserId();
        profile.UpdatedAt = now;
        audit.Record(user.UserId(), $"partner.{(outcome == PartnerVerification.verified ? "verify" : "reject")}", "partner_profile", profile.Id,
            $"{from} -> {outcome}{(reason is null ? "" : $": {reason}")}", profile.UserId);
        await notifier.NotifyPartnerAsync(profile.UserId, outcome == PartnerVerification.verified
            ? new NotificationDraft(NotificationCategory.system, "Your organisation is verified",
                "Elimu has verified your organisation. You can now create programs and ask guardians for consent.", "/dashboard/partner/sponsorships")
            : new NotificationDraft(NotificationCategory.system, "Your organisation could not be verified",
                $"{reason} Update your profile and contact support to be checked again.", "/dashboard/partner/profile"), ct);
        await db.SaveChangesAsync(ct);
        await counters.CountersChangedAsync(profile.UserId, ct);
        return TypedResults.Ok(Describe(profile));
    }

    private static PartnerVerificationItem Describe(PartnerProfile p) => new(p.Id, p.UserId, p.OrganizationName, p.OrganizationType,
        p.ContactPerson, p.ContactEmail, p.ContactPhone, p.Address.County, p.RegistrationNumber, p.Website, p.VerificationStatus,
        p.VerificationNote, p.CreatedAt, p.VerifiedAt);
}
