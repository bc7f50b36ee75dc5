using System.Security.Claims;
using Elimu.Api.Common;
using Elimu.Api.Data;
using Elimu.Api.Partners.Shared;
using Elimu.Api.Partners.Sponsorships;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Partners.Content.Courses;

/// <summary>GET /content/courses: the partner's courses, last changed first, by status, program and title (three queries).</summary>
public static class ListCourses
{
    public static async Task<Ok<Paged<SponsoredCourseSummary>>> Handle([AsParameters] CourseListQuery q, ClaimsPrincipal user, AppDbContext db,
        ProgramStore programs, CancellationToken ct)
    {
        var page = PageRequest.From(q.Page, q.PageSize);
        new Validation().Text("search", q.Search, 200).ThrowIfInvalid();
        var partnerId = user.PartnerId();
        var courses = db.SponsoredCourses.AsNoTracking().Where(c => c.PartnerId == partnerId);
        if (q.Status is { } status) courses = courses.Where(c => c.Status == status);
        if (q.ProgramId is { } programId) courses = courses.Where(c => c.TargetPrograms.Contains(programId));
        if (!string.IsNullOrWhiteSpace(q.Search))
        {
            var term = q.Search.Trim().ToLower();
            courses = courses.Where(c => c.Title.ToLower().Contains(term));
        }
        var total = await courses.CountAsync(ct);
        var rows = await courses.OrderByDescending(c => c.UpdatedAt).ThenByDescending(c => c.Id).Skip(page.Skip).Take(page.PageSize)
            .Select(c => new
            {
                c.Id, c.Title, c.Grade, c.LearningArea, c.Status, c.TargetPrograms, c.UpdatedAt, c.PublishedAt,
                Lessons = c.Items.Count(i => i.Kind == CourseItemKind.lesson), Resources = c.Items.Count(i => i.Kind == CourseItemKind.resource),
            })
            .ToListAsync(ct);
        Dictionary<Guid, ProgramRef> own = rows.Count == 0 ? [] : (await programs.OfPartnerAsync(partnerId, ct)).ToDictionary(p => p.Id);
        return TypedResults.Ok(new Paged<SponsoredCourseSummary>([.. rows.Select(c => new SponsoredCourseSummary(c.Id, c.Title, c.Grade, c.LearningArea,
            CourseStore.AreaName(c.LearningArea), c.Status, c.Lessons, c.Resources, CourseStore.Programs(c.TargetPrograms, own), c.UpdatedAt,
            c.PublishedAt))], page.Page, page.PageSize, total));
    }
}
