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
public sealed class ParentConsentQueries(AppDbContext db, PartnerNames partners)
{
    /// <param name="programId">Only the requests about this program (the other children waiting in it).</param>
    public static async Task<Ok<Paged<ParentConsentResponse>>> List(ConsentStatus? status, Guid? programId, int? page, int? pageSize,
        ClaimsPrincipal user, ParentConsentQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await queries.ListAsync(user.UserId(), status, programId, PageRequest.From(page, pageSize), ct));

    public static async Task<Ok<ParentConsentResponse>> Get(Guid id, ClaimsPrincipal user, ParentConsentQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await queries.GetAsync(user.UserId(), id, ct));

    public async Task<Paged<ParentConsentResponse>> ListAsync(Guid parentId, ConsentStatus? status, Guid? programId, PageRequest page,
        CancellationToken ct)
    {
        var rows = Shown(parentId);
        if (programId is { } program) rows = rows.Where(c => c.SponsoredChild!.ProgramId == program);
        rows = status switch
        {
            ConsentStatus.pending => rows.Where(c => c.ConsentGiven == null && c.RevokedAt == null),
            ConsentStatus.given => rows.Where(c => c.ConsentGiven == true && c.RevokedAt == null),
            ConsentStatus.declined => rows.Where(c => c.ConsentGiven == false),
            ConsentStatus.revoked => rows.Where(c => c.RevokedAt != null),
            _ => rows,
        };
        // Unanswered requests first, then the newest.
        var paged = await Project(rows.OrderBy(c => c.ConsentGiven != null).ThenByDescending(c => c.RequestedAt).ThenBy(c => c.Id))
            .ToPagedAsync(page, ct);
        var names = await partners.NamesAsync(paged.Items.Select(r => r.PartnerId), ct);
        return new Paged<ParentConsentResponse>(paged.Items.Select(r => Finish(r, names)).ToList(), paged.Page, paged.PageSize, paged.Total);
    }

    public async Task<ParentConsentResponse> GetAsync(Guid parentId, Guid id, CancellationToken ct)
    {
        var row = await Project(Shown(parentId).Where(c => c.Id == id)).FirstOrDefaultAsync(ct) ?? throw DomainException.NotFound("Consent request");
        return Finish(row, await partners.NamesAsync([row.PartnerId], ct));
    }

    /// <summary>Several of the guardian's requests in one query, in the order of <paramref name="ids"/>.</summary>
    public async Task<List<ParentConsentResponse>> GetManyAsync(Guid parentId, IReadOnlyList<Guid> ids, CancellationToken ct)
    {
        var found = (await Project(Shown(parentId).Where(c => ids.Contains(c.Id))).ToListAsync(ct)).ToDictionary(r => r.Id);
        var names = await partners.NamesAsync(found.Values.Select(r => r.PartnerId), ct);
        return ids.Where(found.ContainsKey).Select(id => Finish(found[id], names)).ToList();
    }

    private IQueryable<SponsorshipConsent> Shown(Guid parentId) => db.SponsorshipConsents.Where(c => c.ParentId == parentId)
        .Where(AskedAfterApproval)
        .Where(c => c.ConsentGiven != null || ProgramLifecycle.ExposesChildData.Contains(c.SponsoredChild!.Program!.Status));

    /// <summary>A request made once an admin had approved its program: the only kind a guardian sees or answers.</summary>
    public static readonly System.Linq.Expressions.Expression<Func<SponsorshipConsent, bool>> AskedAfterApproval = c =>
        c.SponsoredChild!.Program!.ApprovedAt != null && c.RequestedAt >= c.SponsoredChild.Program.ApprovedAt;

    private IQueryable<Row> Project(IQueryable<SponsorshipConsent> rows) => rows.Select(c => new Row(
        c.Id, c.ConsentGiven, c.RevokedAt, c.ConsentText, c.ConsentTextVersion, c.SponsoredChild!.PartnerId,
        c.SponsoredChild.Program!.Name, c.SponsoredChild.ProgramId, c.SponsoredChild.Program.Description, c.SponsoredChild.StudentId,
        c.SponsoredChild.Student!.FirstName + " " + c.SponsoredChild.Student.LastName,
        c.RequestedAt, c.ConsentedAt, c.SignedName, c.RevocationReason, c.Shown,
        c.SponsoredChild.Program.Goals, c.SponsoredChild.Program.StartDate, c.SponsoredChild.Program.EndDate,
        ProgramLifecycle.ExposesChildData.Contains(c.SponsoredChild.Program.Status) && c.SponsoredChild.Status != SponsoredChildStatus.REMOVED
            && (c.ConsentGiven == false || c.RevokedAt != null)
            && !db.SponsorshipConsents.Any(k => k.SponsoredChildId == c.SponsoredChildId && k.ParentId == c.ParentId && k.Id != c.Id
                && (k.ConsentGiven == null || (k.ConsentGiven == true && k.RevokedAt == null) || k.ConsentedAt > c.ConsentedAt))));

    /// <summary>The response, with the partner named by Profiles (<paramref name="names"/>: one query for the page).</summary>
    private static ParentConsentResponse Finish(Row r, Dictionary<Guid, PartnerName> names)
    {
        var partner = names.GetValueOrDefault(r.PartnerId);
        var status = r.RevokedAt is not null ? ConsentStatus.revoked
            : r.ConsentGiven switch { true => ConsentStatus.given, false => ConsentStatus.declined, null => ConsentStatus.pending };
        // What the guardian was shown when asked; requests older than snapshots fall back to the program as it is now.
        var shown = r.Shown;
        return new(r.Id, status, r.ConsentText, r.ConsentTextVersion, shown?.PartnerName ?? partner?.Name ?? "", partner?.OrganizationType,
            shown?.ProgramName ?? r.ProgramName, r.ProgramId, shown is null ? r.ProgramDescription : shown.ProgramDescription,
            shown?.Goals ?? r.LiveGoals.Select(g => g.Title).ToList(), shown is null ? r.LiveStart : shown.StartDate, shown is null ? r.LiveEnd : shown.EndDate, shown is not null,
            r.StudentId, r.ChildName, ConsentText.WhatThePartnerSees, ConsentText.WhatThePartnerDoesNotSee, r.RequestedAt, r.ConsentedAt,
            r.SignedName, r.RevokedAt, r.RevocationReason, r.CanChangeToConsent);
    }

    private sealed record Row(Guid Id, bool? ConsentGiven, DateTime? RevokedAt, string ConsentText, string ConsentTextVersion,
        Guid PartnerId, string ProgramName, Guid ProgramId, string? ProgramDescription, Guid StudentId, string ChildName,
        DateTime RequestedAt, DateTime? ConsentedAt, string? SignedName, string? RevocationReason, ConsentProgramSnapshot? Shown,
        List<ProgramGoal> LiveGoals, DateOnly? LiveStart, DateOnly? LiveEnd, bool CanChangeToConsent);
}
