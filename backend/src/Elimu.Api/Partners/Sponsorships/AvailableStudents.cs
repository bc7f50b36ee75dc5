using System.Security.Claims;
using Elimu.Api.Common;
using Elimu.Api.Data;
using Elimu.Api.Partners.Shared;
using Elimu.Api.Platform.Students;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Elimu.Api.Partners.Sponsorships;

public sealed record AvailableStudentsQuery(CbcGrade? Grade, string? County, string? School, string? LearningNeed, string? Search, int? Page, int? PageSize,
    Guid? RankFor = null);

/// <summary>
/// GET /available-students: students the partner may still sponsor, shown as much as a stranger may see (first name,
/// last initial, grade, county). Left out: the partner's own children in programs still running (a child of a completed
/// or cancelled program is free again), and every child whose guardian recently said no to any partner
/// (<see cref="IConsentOptOuts"/>). With <c>rankFor</c> (one of the partner's programs) the same students come ranked by
/// that program's preferences, each with its score and reasons (<see cref="PreferenceRanking"/>).
/// </summary>
public static class AvailableStudents
{
    public static async Task<Ok<Paged<StudentPreview>>> Handle([AsParameters] AvailableStudentsQuery q, ClaimsPrincipal user,
        AppDbContext db, StudentDirectory directory, IConsentOptOuts consents, ProgramStore store, PreferenceRanking ranking,
        TimeProvider clock, CancellationToken ct)
    {
        var partnerId = user.PartnerId();
        // One row per student: the unique index ux_sponsored_children_partner_student_active holds each place once.
        var held = db.SponsoredChildren.Where(SponsorshipHolds.Student(partnerId)).Select(c => c.StudentId);
        var optedOut = consents.OptedOutStudentIds(clock.GetUtcNow().UtcDateTime);
        var filter = new StudentSearch(q.Grade, q.County, q.School, q.LearningNeed, q.Search);
        var excluded = new ExcludedStudents(held, optedOut);
        var page = PageRequest.From(q.Page, q.PageSize);
        if (q.RankFor is not { } programId)
            return TypedResults.Ok(await directory.SearchAsync(filter, excluded, page, ct));
        var program = await store.OwnedAsync(partnerId, programId, ct);
        var total = await directory.CountAvailableAsync(filter, excluded, ct);
        return TypedResults.Ok(await ranking.RankAsync(directory.Available(filter, excluded), program.Preferences, page, total, ct));
    }
}
