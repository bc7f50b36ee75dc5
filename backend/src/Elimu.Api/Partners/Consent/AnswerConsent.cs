using System.Security.Claims;
using Elimu.Api.Common;
using Elimu.Api.Data;
using Elimu.Api.Partners.Dashboard;
using Elimu.Api.Partners.Sponsorships;
using Elimu.Api.Platform.Audit;
using Elimu.Api.Platform.Notifications;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Partners.Consent;

/// <summary>
/// A guardian answers a request (agree or decline) and may later revoke. The answer is written once, with the
/// signature, IP and user agent; afterwards only the revocation fields change. Both move the child's status and
/// push the partner's counters at once.
/// </summary>
public static class AnswerConsent
{
    public static async Task<Ok<ParentConsentResponse>> Respond(Guid id, ConsentAnswer answer, ClaimsPrincipal user, HttpContext http,
        AppDbContext db, ParentConsentQueries queries, AuditTrail audit, Notifier notifier, PartnerCountersPublisher counters,
        TimeProvider clock, CancellationToken ct)
    {
        var parentId = user.UserId();
        var consent = await LoadOwnAsync(db, id, parentId, ct);
        if (consent.Status != ConsentStatus.pending)
            throw DomainException.Conflict("consent_already_answered", $"This request was already answered ({consent.Status}).");

        var parent = consent.Parent!;
        var v = new Validation();
        v.Check(answer.Agree is not null, "agree", "Tick the box to agree, or decline.");
        v.Check(answer.ConsentTextVersion == consent.ConsentTextVersion, "consentTextVersion",
            "The consent text has changed since you opened it; reload and read it again.");
        if (answer.Agree == true)
            v.Check(SignatureMatch.Matches(answer.SignedName, parent.FirstName, parent.LastName), "signedName",
                $"Type your full name as on your account ({parent.FirstName} {parent.LastName}) to sign.");
        v.ThrowIfInvalid();

        var now = clock.GetUtcNow().UtcDateTime;
        consent.ConsentGiven = answer.Agree!.Value;
        consent.SignedName = answer.SignedName?.Trim();
        consent.ConsentedAt = now;
        consent.IpAddress = http.Connection.RemoteIpAddress?.ToString();
        consent.UserAgent = Truncate(http.Request.Headers.UserAgent.ToString(), 512);

        var child = consent.SponsoredChild!;
        if (consent.ConsentGiven == true && child.Status == SponsoredChildStatus.PENDING_CONSENT && !ProgramLifecycle.IsEnded(child.Program!.Status))
            child.Status = SponsoredChildStatus.ACTIVE;
        audit.Record(parentId, consent.ConsentGiven == true ? "consent.give" : "consent.decline", "sponsorship_consent", consent.Id);
        notifier.Notify(child.PartnerId, "consent",
            consent.ConsentGiven == true ? $"Consent given for {child.Student!.FirstName}" : $"Consent declined for {child.Student!.FirstName}",
            consent.ConsentGiven == true ? "You can now follow this child's learning." : "The guardian declined; the child's data stays hidden.",
            $"/dashboard/partner/sponsored-children/{child.Id}");
        await db.SaveChangesAsync(ct);
        await counters.PublishAsync(child.PartnerId, ct);
        return TypedResults.Ok(await queries.GetAsync(parentId, id, ct));
    }

    public static async Task<Ok<ParentConsentResponse>> Revoke(Guid id, RevokeBody body, ClaimsPrincipal user, AppDbContext db,
        ParentConsentQueries queries, AuditTrail audit, Notifier notifier, PartnerCountersPublisher counters, TimeProvider clock, CancellationToken ct)
    {
        new Validation().Check((body.Reason?.Length ?? 0) <= 2000, "reason", "Keep the reason under 2,000 characters.").ThrowIfInvalid();
        var parentId = user.UserId();
        var consent = await LoadOwnAsync(db, id, parentId, ct);
        if (consent.Status != ConsentStatus.given)
            throw DomainException.Conflict("consent_not_given", $"Only a given consent can be revoked; this one is {consent.Status}.");

        consent.RevokedAt = clock.GetUtcNow().UtcDateTime;
        consent.RevocationReason = string.IsNullOrWhiteSpace(body.Reason) ? null : body.Reason.Trim();
        var child = consent.SponsoredChild!;
        // One guardian's withdrawal hides the child, whatever another guardian said.
        if (ConsentReader.VisibleStatuses.Contains(child.Status)) child.Status = SponsoredChildStatus.PENDING_CONSENT;
        audit.Record(parentId, "consent.revoke", "sponsorship_consent", consent.Id, consent.RevocationReason);
        notifier.Notify(child.PartnerId, "consent", $"Consent withdrawn for {child.Student!.FirstName}",
            "The guardian withdrew consent; this child's data is hidden from now on.", $"/dashboard/partner/sponsored-children/{child.Id}");
        await db.SaveChangesAsync(ct);
        await counters.PublishAsync(child.PartnerId, ct);
        return TypedResults.Ok(await queries.GetAsync(parentId, id, ct));
    }

    /// <summary>Another guardian's request is "not found", never "forbidden": its existence is private too.</summary>
    private static async Task<SponsorshipConsent> LoadOwnAsync(AppDbContext db, Guid id, Guid parentId, CancellationToken ct) =>
        await db.SponsorshipConsents.Include(c => c.Parent).Include(c => c.SponsoredChild!).ThenInclude(c => c.Student)
            .Include(c => c.SponsoredChild!).ThenInclude(c => c.Program)
            .FirstOrDefaultAsync(c => c.Id == id && c.ParentId == parentId, ct)
        ?? throw DomainException.NotFound("Consent request");

    private static string? Truncate(string value, int max) => string.IsNullOrEmpty(value) ? null : value.Length <= max ? value : value[..max];
}
