using System.Security.Claims;
using Elimu.Api.Common;
using Elimu.Api.Data;
using Elimu.Api.Partners.Profiles;
using Elimu.Api.Partners.Sponsorships;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Partners.Consent;

/// <summary>
/// The parent's consent inbox: only requests addressed to the signed-in guardian, and only about programs an admin
/// approved. A request made before its program was approved (or for a program never approved) is not shown at all;
/// an unanswered request is shown only while its program is ACTIVE or PAUSED; an answered one stays in the guardian's
/// record whatever became of the program, so it can always be read and withdrawn (docs/adr/0004).
/// </summary>
public sealed class ParentConsentQueries(AppDbContext db, EnrolmentReader enrolments, ProgramStore programs, PartnerNames partners, ConsentExpiry expiry)
{
    /// <param name="programId">Only the requests about this program (the other children waiting in it).</param>
    /// <param name="language">The language to read the requests in (en when left out); see <see cref="ParentConsentResponse"/>.</param>
    public static async Task<Ok<Paged<ParentConsentResponse>>> List(ConsentStatus? status, Guid? programId, int? page, int? pageSize,
        Language? language, ClaimsPrincipal user, ParentConsentQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await queries.ListAsync(user.UserId(), status, programId, PageRequest.From(page, pageSize), language ?? Language.en, ct));

    /// <param name="language">The language to read the request in (en when left out); see <see cref="ParentConsentResponse"/>.</param>
    public static async Task<Ok<ParentConsentResponse>> Get(Guid id, Language? language, ClaimsPrincipal user, ParentConsentQueries queries,
        CancellationToken ct) =>
        TypedResults.Ok(await queries.GetAsync(user.UserId(), id, language ?? Language.en, ct));

    public async Task<Paged<ParentConsentResponse>> ListAsync(Guid parentId, ConsentStatus? status, Guid? programId, PageRequest page,
        Language language, CancellationToken ct)
    {
        var rows = Shown(parentId);
        if (programId is { } program) rows = rows.Where(r => r.Child.ProgramId == program);
        var expiredBefore = expiry.ExpiredBefore;
        rows = status switch
        {
            ConsentStatus.pending => rows.Where(r => r.Consent.ConsentGiven == null && r.Consent.RevokedAt == null && r.Consent.RequestedAt >= expiredBefore),
            ConsentStatus.expired => rows.Where(r => r.Consent.ConsentGiven == null && r.Consent.RevokedAt == null && r.Consent.RequestedAt < expiredBefore),
            ConsentStatus.given => rows.Where(r => r.Consent.ConsentGiven == true && r.Consent.RevokedAt == null),
            ConsentStatus.declined => rows.Where(r => r.Consent.ConsentGiven == false),
            ConsentStatus.revoked => rows.Where(r => r.Consent.RevokedAt != null),
            _ => rows,
        };
        // Requests still waiting for an answer first, then the newest.
        var paged = await Project(rows.OrderBy(r => r.Consent.ConsentGiven != null || r.Consent.RequestedAt < expiredBefore).ThenByDescending(r => r.Consent.RequestedAt)
            .ThenBy(r => r.Consent.Id)).ToPagedAsync(page, ct);
        var (names, live) = await DescribeAsync(paged.Items, ct);
        return new Paged<ParentConsentResponse>(paged.Items.Select(r => Finish(r, names, live, language, expiry.Options, expiredBefore)).ToList(), paged.Page, paged.PageSize, paged.Total);
    }

    public async Task<ParentConsentResponse> GetAsync(Guid parentId, Guid id, Language language, CancellationToken ct)
    {
        var row = await Project(Shown(parentId).Where(r => r.Consent.Id == id)).FirstOrDefaultAsync(ct) ?? throw DomainException.NotFound("Consent request");
        var (names, live) = await DescribeAsync([row], ct);
        return Finish(row, names, live, language, expiry.Options, expiry.ExpiredBefore);
    }

    /// <summary>Several of the guardian's requests in one query, in the order of <paramref name="ids"/>.</summary>
    public async Task<List<ParentConsentResponse>> GetManyAsync(Guid parentId, IReadOnlyList<Guid> ids, Language language, CancellationToken ct)
    {
        var found = (await Project(Shown(parentId).Where(r => ids.Contains(r.Consent.Id))).ToListAsync(ct)).ToDictionary(r => r.Id);
        var (names, live) = await DescribeAsync(found.Values.ToList(), ct);
        return ids.Where(found.ContainsKey).Select(id => Finish(found[id], names, live, language, expiry.Options, expiry.ExpiredBefore)).ToList();
    }

    /// <summary>An unanswered request only while its program runs; an answered one always (it can be read and withdrawn).</summary>
    private IQueryable<OwnRequest> Shown(Guid parentId) => OwnRequests.Of(db, enrolments, parentId)
        .Where(r => r.Consent.ConsentGiven != null || ProgramLifecycle.ExposesChildData.Contains(r.Child.ProgramStatus));

    private IQueryable<Row> Project(IQueryable<OwnRequest> rows) => rows.Select(r => new Row(
        r.Consent.Id, r.Consent.ConsentGiven, r.Consent.RevokedAt, r.Consent.ConsentText, r.Consent.ConsentTextSw, r.Consent.ConsentTextVersion,
        r.Consent.SignedLanguage, r.Consent.SignedTextSha256, r.Child.PartnerId,
        r.Child.ProgramId, r.Child.StudentId, r.ChildFirstName + " " + r.ChildLastName,
        r.Consent.RequestedAt, r.Consent.ConsentedAt, r.Consent.SignedName, r.Consent.RevocationReason, r.Consent.Shown,
        ProgramLifecycle.ExposesChildData.Contains(r.Child.ProgramStatus) && !SponsoredChildStatusChanges.Departed.Contains(r.Child.Status)
            && (r.Consent.ConsentGiven == false || r.Consent.RevokedAt != null)
            && !db.SponsorshipConsents.Any(k => k.SponsoredChildId == r.Consent.SponsoredChildId && k.ParentId == r.Consent.ParentId && k.Id != r.Consent.Id
                && (k.ConsentGiven == null || (k.ConsentGiven == true && k.RevokedAt == null) || k.ConsentedAt > r.Consent.ConsentedAt))));

    /// <summary>
    /// The partners' names (Profiles), and the live terms of the programs of requests made before snapshots were kept
    /// (Sponsorships; no query when every request has its snapshot): at most two queries for a page.
    /// </summary>
    private async Task<(Dictionary<Guid, PartnerName> Names, Dictionary<Guid, ProgramTerms> Live)> DescribeAsync(IReadOnlyCollection<Row> rows,
        CancellationToken ct) =>
        (await partners.NamesAsync(rows.Select(r => r.PartnerId), ct),
            await programs.TermsAsync(rows.Where(r => r.Shown is null).Select(r => r.ProgramId).Distinct().ToList(), ct));

    /// <summary>The response, with the partner named by Profiles (<paramref name="names"/>: one query for the page).</summary>
    private static ParentConsentResponse Finish(Row r, Dictionary<Guid, PartnerName> names, Dictionary<Guid, ProgramTerms> live, Language asked,
        ConsentRequestOptions requests, DateTime expiredBefore)
    {
        var partner = names.GetValueOrDefault(r.PartnerId);
        var status = r.RevokedAt is not null ? ConsentStatus.revoked
            : r.ConsentGiven switch
            {
                true => ConsentStatus.given, false => ConsentStatus.declined,
                null => r.RequestedAt < expiredBefore ? ConsentStatus.expired : ConsentStatus.pending,
            };
        // What the guardian was shown when asked; requests older than snapshots fall back to the program as it is now.
        var shown = r.Shown;
        var now = shown is null ? live.GetValueOrDefault(r.ProgramId) : null;
        // Once answered, the words answered (whatever language is asked for); until then the language asked for, if it has one.
        var textLanguage = r.SignedLanguage ?? (asked == Language.sw && r.ConsentTextSw is not null ? Language.sw : Language.en);
        var text = textLanguage == Language.sw ? r.ConsentTextSw ?? r.ConsentText : r.ConsentText;
        return new(r.Id, status, text, r.ConsentTextVersion, shown?.PartnerName ?? partner?.Name ?? "", partner?.OrganizationType,
            shown?.ProgramName ?? now?.Name ?? "", r.ProgramId, shown is null ? now?.Description : shown.ProgramDescription,
            shown?.Goals ?? now?.GoalTitles ?? [], shown is null ? now?.StartDate : shown.StartDate, shown is null ? now?.EndDate : shown.EndDate,
            shown is not null, r.StudentId, r.ChildName, ConsentText.SeesIn(asked), ConsentText.DoesNotSeeIn(asked), r.RequestedAt,
            r.ConsentedAt, r.SignedName, r.RevokedAt, r.RevocationReason, r.CanChangeToConsent,
            textLanguage, r.ConsentTextSw is null ? [Language.en] : [Language.en, Language.sw], r.SignedLanguage, r.SignedTextSha256)
        {
            ExpiresAt = r.ConsentGiven is null && r.RevokedAt is null ? requests.ExpiresAt(r.RequestedAt) : null,
        };
    }

    private sealed record Row(Guid Id, bool? ConsentGiven, DateTime? RevokedAt, string ConsentText, string? ConsentTextSw,
        string ConsentTextVersion, Language? SignedLanguage, string? SignedTextSha256, Guid PartnerId, Guid ProgramId, Guid StudentId, string ChildName, DateTime RequestedAt, DateTime? ConsentedAt, string? SignedName,
        string? RevocationReason, ConsentProgramSnapshot? Shown, bool CanChangeToConsent);
}
