using System.Security.Claims;
using Elimu.Api.Common;
using Elimu.Api.Data;
using Elimu.Api.Partners.Shared;
using Elimu.Api.Partners.Sponsorships;
using Elimu.Api.Platform.Audit;
using Elimu.Api.Platform.Notifications;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Partners.Consent;

/// <summary>
/// A guardian answers a request (agree or decline), may later withdraw, and may turn a decline or a withdrawal into
/// consent. An answer is written once, with the signature, IP and user agent; a change of mind is a new row. After
/// each answer the child's status follows the rule of <see cref="ConsentReader"/>: visible only while no guardian's
/// latest answer is a refusal or a withdrawal and at least one has consented.
/// </summary>
public static class AnswerConsent
{
    public static async Task<Ok<ParentConsentResponse>> Respond(Guid id, ConsentAnswer answer, ClaimsPrincipal user, HttpContext http,
        AppDbContext db, EnrolmentReader enrolments, ConsentReader reader, SponsoredChildStatusChanges children, ParentConsentQueries queries,
        AuditTrail audit, Notifier notifier, IPartnerCountersChanged counters, ConsentExpiry expiry, TimeProvider clock, CancellationToken ct)
    {
        var parentId = user.UserId();
        await using var transaction = await LockChildAsync(db, children, id, parentId, ct);
        var request = await LoadOwnAsync(db, enrolments, id, parentId, ct);
        var (consent, child) = (request.Consent, request.Child);
        if (expiry.IsExpired(consent)) throw expiry.Expired(consent);
        var changing = consent.Status is ConsentStatus.declined or ConsentStatus.revoked;
        if (consent.Status == ConsentStatus.given || (changing && answer.Agree != true))
            throw DomainException.Conflict("consent_already_answered", consent.Status == ConsentStatus.given
                ? "You have already agreed. To stop the partner seeing your child's data, withdraw your consent."
                : $"This request was already answered ({consent.Status}).");
        if (changing && await db.SponsorshipConsents.AnyAsync(k => k.SponsoredChildId == child.Id && k.ParentId == parentId && k.Id != consent.Id
                && (k.ConsentGiven == null || (k.ConsentGiven == true && k.RevokedAt == null) || k.ConsentedAt > consent.ConsentedAt), ct))
            throw DomainException.Conflict("consent_superseded", "You have a newer request or answer for this child; answer that one instead.");
        if (!ProgramLifecycle.ExposesChildData.Contains(child.ProgramStatus) || SponsoredChildStatusChanges.Departed.Contains(child.Status))
            throw DomainException.Conflict("program_not_active",
                $"This sponsorship is not running (the program is {child.ProgramStatus}), so there is nothing to answer.");

        var v = new Validation();
        v.Check(answer.Agree is not null, "agree", "Tick the box to agree, or decline.");
        v.Check(answer.ConsentTextVersion == consent.ConsentTextVersion, "consentTextVersion",
            "The consent text has changed since you opened it; reload and read it again.");
        var language = answer.Language ?? Language.en;
        CheckLanguage(v, consent, language);
        if (answer.Agree == true)
            v.Check(SignatureMatch.Matches(answer.SignedName, request.ParentFirstName, request.ParentLastName), "signedName",
                $"Type your full name as on your account ({request.ParentFirstName} {request.ParentLastName}) to sign.");
        v.ThrowIfInvalid();

        // A first answer fills the pending row; a change of mind is a new row beside the old one, which stays as it was.
        var answered = changing ? new SponsorshipConsent
        {
            SponsoredChildId = child.Id, ParentId = parentId, ConsentText = consent.ConsentText, ConsentTextSw = consent.ConsentTextSw,
            ConsentTextVersion = consent.ConsentTextVersion,
            Shown = consent.Shown, RequestedAt = consent.RequestedAt, ChangesAnswerId = consent.Id,
        } : consent;
        if (changing) db.SponsorshipConsents.Add(answered);
        Sign(answered, answer.Agree!.Value, answer.SignedName, language, http, clock.GetUtcNow().UtcDateTime);

        var given = answered.ConsentGiven == true;
        audit.Record(parentId, given ? "consent.give" : "consent.decline", "sponsorship_consent", answered.Id,
            SignedDetail(answered) + (changing ? $"; changes the {consent.Status} answer {consent.Id}" : ""), child.PartnerId, [child.StudentId]);
        await notifier.NotifyPartnerAsync(child.PartnerId, PartnerNote(request, given, language), ct);
        await SaveAndSyncAsync(db, reader, children, child.Id, ct);
        await transaction.CommitAsync(ct);
        await counters.CountersChangedAsync(child.PartnerId, ct);
        return TypedResults.Ok(await queries.GetAsync(parentId, answered.Id, language, ct));
    }

    public static async Task<Ok<ParentConsentResponse>> Revoke(Guid id, RevokeBody body, ClaimsPrincipal user, AppDbContext db,
        EnrolmentReader enrolments, ConsentReader reader, SponsoredChildStatusChanges children, ParentConsentQueries queries, AuditTrail audit, Notifier notifier,
        IPartnerCountersChanged counters, TimeProvider clock, CancellationToken ct)
    {
        new Validation().Check((body.Reason?.Length ?? 0) <= 2000, "reason", "Keep the reason under 2,000 characters.").ThrowIfInvalid();
        var parentId = user.UserId();
        await using var transaction = await LockChildAsync(db, children, id, parentId, ct);
        var request = await LoadOwnAsync(db, enrolments, id, parentId, ct);
        var (consent, child) = (request.Consent, request.Child);
        if (consent.Status != ConsentStatus.given)
            throw DomainException.Conflict("consent_not_given", $"Only a given consent can be revoked; this one is {consent.Status}.");

        consent.RevokedAt = clock.GetUtcNow().UtcDateTime;
        consent.RevocationReason = string.IsNullOrWhiteSpace(body.Reason) ? null : body.Reason.Trim();
        audit.Record(parentId, "consent.revoke", "sponsorship_consent", consent.Id, consent.RevocationReason, child.PartnerId, [child.StudentId]);
        await notifier.NotifyPartnerAsync(child.PartnerId, new NotificationDraft(NotificationCategory.consent, $"Consent withdrawn for {request.ChildFirstName}",
            "The guardian withdrew consent; this child's data is hidden from now on.", $"/dashboard/partner/sponsored-children/{child.Id}"), ct);
        await SaveAndSyncAsync(db, reader, children, child.Id, ct);
        await transaction.CommitAsync(ct);
        await counters.CountersChangedAsync(child.PartnerId, ct);
        return TypedResults.Ok(await queries.GetAsync(parentId, id, consent.SignedLanguage ?? Language.en, ct));
    }

    /// <summary>What the partner is told when a guardian answered for this child.</summary>
    internal static NotificationDraft PartnerNote(OwnRequest request, bool given, Language language) =>
        new(NotificationCategory.consent,
            given ? $"Consent given for {request.ChildFirstName}" : $"Consent declined for {request.ChildFirstName}",
            (given ? "A guardian agreed" : "A guardian declined") + (language == Language.sw ? " (read and answered in Kiswahili)" : "")
                + (given ? ". The child's data shows once no guardian has declined or withdrawn." : "; the child's data stays hidden."),
            $"/dashboard/partner/sponsored-children/{request.Child.Id}");

    /// <summary>A request asked before the Kiswahili text existed is read and signed in English only.</summary>
    internal static void CheckLanguage(Validation v, SponsorshipConsent consent, Language language) =>
        v.Check(consent.TextIn(language) is not null, "language",
            "This request has no Kiswahili text (it was sent before there was one); read and sign it in English.");

    /// <summary>The audit's record of what was signed: the language and the hash of the words in it.</summary>
    internal static string SignedDetail(SponsorshipConsent row) =>
        $"language {row.SignedLanguage}; text {row.ConsentTextVersion} sha256 {row.SignedTextSha256}";

    /// <summary>Writes the answer fields of a row, once: the choice, the signature, the language and hash of the text, when, and from where.</summary>
    internal static void Sign(SponsorshipConsent row, bool agree, string? signedName, Language language, HttpContext http, DateTime now)
    {
        row.ConsentGiven = agree;
        row.SignedLanguage = language;
        row.SignedTextSha256 = ConsentText.Sha256(row.TextIn(language) ?? row.ConsentText);
        row.SignedName = agree ? signedName?.Trim() : null;
        row.ConsentedAt = now;
        row.IpAddress = http.Connection.RemoteIpAddress?.ToString();
        row.UserAgent = Truncate(http.Request.Headers.UserAgent.ToString(), 512);
    }

    /// <summary>
    /// Opens the answer's transaction and has Sponsorships lock the child's row first, so the answers of one child, from
    /// one guardian or several, are taken one at a time: each checks and sets the child's status after the previous one
    /// has committed, and an answer cannot be written twice. Another guardian's request locks nothing (and is then not found).
    /// </summary>
    private static async Task<Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction> LockChildAsync(AppDbContext db,
        SponsoredChildStatusChanges children, Guid consentId, Guid parentId, CancellationToken ct)
    {
        var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            var childId = await db.SponsorshipConsents.Where(k => k.Id == consentId && k.ParentId == parentId)
                .Select(k => (Guid?)k.SponsoredChildId).FirstOrDefaultAsync(ct);
            if (childId is { } locked) await children.LockAsync(locked, ct);
            return transaction;
        }
        catch
        {
            await transaction.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Saves the answer, then has Sponsorships move the child as the guardians' answers now say (a withdrawal or refusal
    /// also hides a PAUSED or GRADUATED child: it returns to PENDING_CONSENT).
    /// </summary>
    private static async Task SaveAndSyncAsync(AppDbContext db, ConsentReader reader, SponsoredChildStatusChanges children, Guid childId,
        CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        await children.FollowConsentAsync(childId, await reader.AnswersAllowAsync(childId, ct), ct);
    }

    /// <summary>
    /// Another guardian's request is "not found", never "forbidden": its existence is private too. So is a request made
    /// before its program was approved: the guardian is never shown it and cannot act on it.
    /// </summary>
    private static async Task<OwnRequest> LoadOwnAsync(AppDbContext db, EnrolmentReader enrolments, Guid id, Guid parentId, CancellationToken ct) =>
        await OwnRequests.Of(db, enrolments, parentId).FirstOrDefaultAsync(r => r.Consent.Id == id, ct)
        ?? throw DomainException.NotFound("Consent request");

    internal static string? Truncate(string value, int max) => string.IsNullOrEmpty(value) ? null : value.Length <= max ? value : value[..max];
}
