using System.Security.Claims;
using Elimu.Api.Common;
using Elimu.Api.Data;
using Elimu.Api.Partners.Shared;
using Elimu.Api.Platform.Learning;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Partners.Content.Courses;

/// <summary>The builder's pickers: the platform's lessons, and the partner's own resources that Elimu approved.</summary>
public static class CoursePickers
{
    public static async Task<Ok<Paged<CatalogLessonView>>> Lessons([AsParameters] CatalogLessonQuery q, PlatformLessons lessons, CancellationToken ct)
    {
        var page = PageRequest.From(q.Page, q.PageSize);
        var area = q.LearningArea?.Trim();
        new Validation()
            .Check(string.IsNullOrEmpty(area) || CbcLearningAreas.ByCode(area) is not null, "learningArea", "Choose a CBC learning area's code.")
            .Text("search", q.Search, 200).ThrowIfInvalid();
        var (items, total) = await lessons.PageAsync(q.Grade, area, q.Search?.Trim(), page.Skip, page.PageSize, ct);
        return TypedResults.Ok(new Paged<CatalogLessonView>([.. items.Select(l => new CatalogLessonView(l.Id, l.Title, l.Sequence, l.DurationMinutes,
            l.CourseTitle, l.Grade, l.LearningArea, l.LearningAreaName))], page.Page, page.PageSize, total));
    }

    public static async Task<Ok<Paged<CatalogResourceView>>> Resources([AsParameters] CatalogResourceQuery q, ClaimsPrincipal user, AppDbContext db,
        CancellationToken ct)
    {
        var page = PageRequest.From(q.Page, q.PageSize);
        new Validation().Text("search", q.Search, 200).ThrowIfInvalid();
        var partnerId = user.PartnerId();
        var approved = db.PartnerResources.AsNoTracking().Where(r => r.PartnerId == partnerId && r.Status == ResourceStatus.approved);
        if (!string.IsNullOrWhiteSpace(q.Search))
        {
            var term = q.Search.Trim().ToLower();
            approved = approved.Where(r => r.Title.ToLower().Contains(term));
        }
        var total = await approved.CountAsync(ct);
        var items = await approved.OrderBy(r => r.Title).ThenBy(r => r.Id).Skip(page.Skip).Take(page.PageSize)
            .Select(r => new CatalogResourceView(r.Id, r.Title, r.Description, r.ResourceType, r.ReviewedAt)).ToListAsync(ct);
        return TypedResults.Ok(new Paged<CatalogResourceView>(items, page.Page, page.PageSize, total));
    }
}
