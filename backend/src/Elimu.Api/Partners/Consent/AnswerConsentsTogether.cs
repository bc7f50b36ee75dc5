using System.Security.Claims;
using Elimu.Api.Common;
using Elimu.Api.Data;
using Elimu.Api.Partners.Shared;
using Elimu.Api.Partners.Sponsorships;
using Elimu.Api.Platform.Audit;
using Elimu.Api.Platform.Notifications;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Elimu.Api.Partners.Consent;

/// <summary>
/// POST /api/v1/parent/consents/answer-together: a guardian with several children waiting in one program agrees to all
/// of their requests with one signature. Each request gets its own record (its own text and snapshot, the same
/// signature, IP and time), all or none: any request that is not the guardian's (404), of another program (400), already
/// answered (409) or not running (409) refuses the whole signature and writes nothing. Declining stays per child.
/// </summary>
public static class AnswerConsentsTogether
{
    /// <summary>More requests than any family has children in one program; bounds the work of one call.</summary>
    public const int MaxRequests = 20;

    public static async Task<Ok<ConsentsAnsweredTogether>> Handle(ConsentAnswerTogether body, ClaimsPrincipal user, HttpContext http,
        AppDbContext db, EnrolmentReader enrolments, ConsentReader reader, SponsoredChildStatusChanges children, ParentConsentQueries queries, AuditTrail audit, Notifier notifier,
        IPartnerCountersChanged counters, ConsentExpiry expiry, TimeProvider clock, CancellationToken ct)
    {
        var ids = body.RequestIds ?? [];
        new Validation()
            .Check(ids.Count > 0, "requestIds", "Choose the requests to sign.")
            .Check(ids.Count <= MaxRequests, "requestIds", $"Sign at most {MaxRequests} requests at once.")
            .Check(ids.Distinct().Count() == ids.Count, "requestIds", "A request is listed twice; each is signed once.")
            .Check(body.Agree == true, "agree", "Tick the box to agree. To decline, answer each child's request on its own.")
            .ThrowIfInvalid();

        var parentId = user.UserId();
        await using var transaction = await LockChildrenAsync(db, children, ids, parentId, ct);
        var rows = await OwnRequests.Of(db, enrolments, parentId).Where(r => ids.Contains(r.Consent.Id)).ToListAsync(ct);
        EnsureAllMayBeSigned(ids, rows);
        if (rows.Where(r => expiry.IsExpired(r.Consent)).Select(r => r.Consent).ToList() is [var firstExpired, ..] expired)
        {
            var gone = expiry.Expired(firstExpired);
            gone.Extensions["requestIds"] = expired.Select(k => k.Id).ToList();
            throw gone;
        }

        var (first, last) = (rows[0].ParentFirstName, rows[0].ParentLastName);
        new Validation()
            .Check(rows.All(r => r.Consent.ConsentTextVersion == body.ConsentTextVersion), "consentTextVersion",
                "The consent text has changed since you opened it; reload and read it again.")
            .Check(SignatureMatch.Matches(body.SignedName, first, last), "signedName",
                $"Type your full name as on your account ({first} {last}) to sign.")
            .ThrowIfInvalid();
        var language = body.Language ?? Language.en;
        if (rows.FirstOrDefault(r => r.Consent.TextIn(language) is null) is { } lacking)
        {
            var v = new Validation();
            AnswerConsent.CheckLanguage(v, lacking.Consent, language);
            v.ThrowIfInvalid();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var request in rows)
        {
            var (row, child) = (request.Consent, request.Child);
            AnswerConsent.Sign(row, true, body.SignedName, language, http, now);
            audit.Record(parentId, "consent.give", "sponsorship_consent", row.Id,
                AnswerConsent.SignedDetail(row) + (rows.Count > 1 ? $"; one signature for {rows.Count} requests of program {child.ProgramId}" : ""),
                child.PartnerId, [child.StudentId]);
        }
        await notifier.NotifyPartnerAsync(rows[0].Child.PartnerId,
            rows.Select(r => AnswerConsent.PartnerNote(r, given: true, language)).ToList(), ct);
        await db.SaveChangesAsync(ct);
        foreach (var request in rows)
            await children.FollowConsentAsync(request.Child.Id, await reader.AnswersAllowAsync(request.Child.Id, ct), ct);
        await transaction.CommitAsync(ct);
        await counters.CountersChangedAsync(rows[0].Child.PartnerId, ct);
        return TypedResults.Ok(new ConsentsAnsweredTogether(await queries.GetManyAsync(parentId, ids, language, ct)));
    }

    /// <summary>Refuses the whole signature when any one request may not be signed now; says which ones.</summary>
    private static void EnsureAllMayBeSigned(IReadOnlyList<Guid> ids, List<OwnRequest> rows)
    {
        // Another guardian's request is "not found", as on the single answer: its existence is private too.
        var missing = ids.Except(rows.Select(r => r.Consent.Id)).ToList();
        if (missing.Count > 0)
        {
            var notFound = DomainException.NotFound("Consent request");
            notFound.Extensions["requestIds"] = missing;
            throw notFound;
        }
        if (rows.Select(r => r.Child.ProgramId).Distinct().Count() > 1)
            throw new ValidationFailedException(new Dictionary<string, string[]>
                { ["requestIds"] = ["These requests are about different programs; one signature covers the children of one program."] });
        if (rows.Select(r => r.Child.Id).Distinct().Count() < rows.Count)
            throw new ValidationFailedException(new Dictionary<string, string[]>
                { ["requestIds"] = ["Two of these requests are for the same child; sign one of them."] });

        var answered = rows.Where(r => r.Consent.Status != ConsentStatus.pending).Select(r => r.Consent.Id).ToList();
        if (answered.Count > 0)
        {
            var conflict = DomainException.Conflict("consent_already_answered", answered.Count == rows.Count
                ? "These requests were already answered."
                : $"{answered.Count} of these requests were already answered; reload to see which are still waiting.");
            conflict.Extensions["requestIds"] = answered;
            throw conflict;
        }
        var stopped = rows.Select(r => r.Child)
            .FirstOrDefault(c => !ProgramLifecycle.ExposesChildData.Contains(c.ProgramStatus) || SponsoredChildStatusChanges.Departed.Contains(c.Status));
        if (stopped is not null)
            throw DomainException.Conflict("program_not_active",
                $"This sponsorship is not running (the program is {stopped.ProgramStatus}), so there is nothing to answer.");
    }

    /// <summary>
    /// Opens the transaction and locks every child's row, one at a time in id order, so two signatures over overlapping
    /// children (or a signature and a single answer) never wait on each other in a cycle: each request is answered once.
    /// The children are looked up before the transaction (a request's child never changes), so on SQLite its first
    /// statement is a write and it queues for the write lock instead of failing to upgrade a read.
    /// </summary>
    private static async Task<IDbContextTransaction> LockChildrenAsync(AppDbContext db, SponsoredChildStatusChanges children,
        IReadOnlyList<Guid> consentIds, Guid parentId, CancellationToken ct)
    {
        var childIds = (await db.SponsorshipConsents.Where(k => consentIds.Contains(k.Id) && k.ParentId == parentId)
            .Select(k => k.SponsoredChildId).Distinct().ToListAsync(ct)).Order().ToList();
        var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            foreach (var childId in childIds) await children.LockAsync(childId, ct);
            return transaction;
        }
        catch
        {
            await transaction.DisposeAsync();
            throw;
        }
    }
}
