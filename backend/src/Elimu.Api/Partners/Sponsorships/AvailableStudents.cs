using System.Security.Claims;
using Elimu.Api.Common;
using Elimu.Api.Data;
using Elimu.Api.Platform.Students;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Elimu.Api.Partners.Sponsorships;

public sealed record AvailableStudentsQuery(CbcGrade? Grade, string? County, string? School, string? LearningNeed, string? Search, int? Page, int? PageSize);

/// <summary>GET /available-students: students not in any of the partner's programs, shown as much as a stranger may see.</summary>
public static class AvailableStudents
{
    public static async Task<Ok<Paged<StudentPreview>>> Handle([AsParameters] AvailableStudentsQuery q, ClaimsPrincipal user,
        AppDbContext db, StudentDirectory directory, CancellationToken ct)
    {
        var partnerId = user.UserId();
        var taken = db.SponsoredChildren.Where(c => c.PartnerId == partnerId && c.Status != SponsoredChildStatus.REMOVED).Select(c => c.StudentId);
        var filter = new StudentSearch(q.Grade, q.County, q.School, q.LearningNeed, q.Search);
        return TypedResults.Ok(await directory.SearchAsync(filter, taken, PageRequest.From(q.Page, q.PageSize), ct));
    }
}
