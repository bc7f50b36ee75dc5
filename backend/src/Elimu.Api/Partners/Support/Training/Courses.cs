using System.Security.Claims;
using Elimu.Api.Common;
using Elimu.Api.Data;
using Elimu.Api.Partners.Account.Team;
using Elimu.Api.Partners.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Partners.Support.Training;

/// <summary>Certification courses: each member's own progress, module by module; a certificate once every module is done.</summary>
public static class Courses
{
    public static async Task<Ok<Paged<CourseSummary>>> List([AsParameters] CourseQuery q, ClaimsPrincipal user, CourseCatalog catalog,
        AppDbContext db, CancellationToken ct)
    {
        var page = PageRequest.From(q.Page, q.PageSize);
        var done = await CompletionsOf(db, user.UserId(), null, ct);
        return TypedResults.Ok(new Paged<CourseSummary>(catalog.Courses.Skip(page.Skip).Take(page.PageSize).Select(c =>
        {
            var (count, certified) = Progress(c, done);
            return new CourseSummary(c.Slug, c.Title, c.Summary, c.Level, c.Minutes, c.Modules.Count, count, certified);
        }).ToList(), page.Page, page.PageSize, catalog.Courses.Count));
    }

    public static async Task<Ok<CourseView>> Get(string slug, ClaimsPrincipal user, CourseCatalog catalog, AppDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await ViewAsync(Find(catalog, slug), user, db, ct));

    public static async Task<Ok<CourseView>> Complete(string slug, string module, ClaimsPrincipal user, CourseCatalog catalog, AppDbContext db,
        CancellationToken ct)
    {
        var course = Find(catalog, slug);
        if (course.Modules.All(m => m.Slug != module)) throw DomainException.NotFound("Course module");
        var me = user.UserId();
        if (!await db.ModuleCompletions.AnyAsync(c => c.UserId == me && c.CourseSlug == slug && c.ModuleSlug == module, ct))
        {
            db.ModuleCompletions.Add(new ModuleCompletion { UserId = me, PartnerProfileId = user.PartnerProfileId(), CourseSlug = slug, ModuleSlug = module });
            try { await db.SaveChangesAsync(ct); }
            // The same member finishing the same module twice at once (two tabs): the first row stands, and so does the answer.
            catch (DbUpdateException e) when (DatabaseConflicts.IsUniqueViolation(e)) { db.ChangeTracker.Clear(); }
        }
        return TypedResults.Ok(await ViewAsync(course, user, db, ct));
    }

    public static async Task<Ok<CourseView>> Undo(string slug, string module, ClaimsPrincipal user, CourseCatalog catalog, AppDbContext db,
        CancellationToken ct)
    {
        var course = Find(catalog, slug);
        if (course.Modules.All(m => m.Slug != module)) throw DomainException.NotFound("Course module");
        var me = user.UserId();
        await db.ModuleCompletions.Where(c => c.UserId == me && c.CourseSlug == slug && c.ModuleSlug == module).ExecuteDeleteAsync(ct);
        return TypedResults.Ok(await ViewAsync(course, user, db, ct));
    }

    /// <summary>The owner's view: every member of this team, every course, in two queries.</summary>
    public static async Task<Ok<TeamTrainingProgress>> Team(ClaimsPrincipal user, CourseCatalog catalog, AppDbContext db, CancellationToken ct)
    {
        var team = user.PartnerProfileId();
        var members = await db.PartnerTeamMembers.Where(m => m.PartnerProfileId == team)
            .OrderBy(m => m.Role).ThenBy(m => m.CreatedAt)
            .Select(m => new { m.UserId, m.User!.DisplayName, m.User.FirstName, m.User.LastName, m.User.Email, m.Role })
            .ToListAsync(ct);
        var completions = await db.ModuleCompletions.Where(c => c.PartnerProfileId == team && db.PartnerTeamMembers.Any(m =>
                m.PartnerProfileId == team && m.UserId == c.UserId))
            .Select(c => new { c.UserId, c.CourseSlug, c.ModuleSlug, c.CreatedAt }).ToListAsync(ct);

        return TypedResults.Ok(new TeamTrainingProgress(
            catalog.Courses.Select(c => new TeamCourseColumn(c.Slug, c.Title, c.Modules.Count)).ToList(),
            members.Select(m =>
            {
                var done = completions.Where(c => c.UserId == m.UserId).Select(c => (c.CourseSlug, c.ModuleSlug, c.CreatedAt)).ToList();
                return new TeamMemberProgress(m.UserId, ListTeam.NameOf(m.DisplayName, m.FirstName, m.LastName), m.Email ?? "", m.Role,
                    catalog.Courses.Select(c =>
                    {
                        var (count, certified) = Progress(c, done);
                        return new MemberCourseProgress(c.Slug, count, certified);
                    }).ToList());
            }).ToList()));
    }

    private static Course Find(CourseCatalog catalog, string slug) => catalog.Find(slug) ?? throw DomainException.NotFound("Course");

    private static async Task<CourseView> ViewAsync(Course course, ClaimsPrincipal user, AppDbContext db, CancellationToken ct)
    {
        var done = await CompletionsOf(db, user.UserId(), course.Slug, ct);
        var (count, certified) = Progress(course, done);
        var holder = await db.Users.Where(u => u.Id == user.UserId()).Select(u => new { u.DisplayName, u.FirstName, u.LastName }).SingleAsync(ct);
        return new CourseView(course.Slug, course.Title, course.Summary, course.Level, course.Minutes, course.Modules.Count, count, certified,
            ListTeam.NameOf(holder.DisplayName, holder.FirstName, holder.LastName),
            course.Modules.Select(m => new CourseModuleView(m.Slug, m.Title, m.Minutes, m.Body,
                done.Where(d => d.CourseSlug == course.Slug && d.ModuleSlug == m.Slug).Select(d => (DateTimeOffset?)TrainingTime.Nairobi(d.CreatedAt))
                    .FirstOrDefault())).ToList());
    }

    private static async Task<List<(string CourseSlug, string ModuleSlug, DateTime CreatedAt)>> CompletionsOf(AppDbContext db, Guid userId,
        string? course, CancellationToken ct) =>
        (await db.ModuleCompletions.Where(c => c.UserId == userId && (course == null || c.CourseSlug == course))
            .Select(c => new { c.CourseSlug, c.ModuleSlug, c.CreatedAt }).ToListAsync(ct))
        .Select(c => (c.CourseSlug, c.ModuleSlug, c.CreatedAt)).ToList();

    /// <summary>Modules of the course the member finished (those still in the course), and the certificate's date when all are.</summary>
    private static (int Completed, DateTimeOffset? CertifiedAt) Progress(Course course, IReadOnlyList<(string CourseSlug, string ModuleSlug, DateTime CreatedAt)> done)
    {
        var finished = done.Where(d => d.CourseSlug == course.Slug && course.Modules.Any(m => m.Slug == d.ModuleSlug)).ToList();
        var certified = finished.Count == course.Modules.Count ? TrainingTime.Nairobi(finished.Max(f => f.CreatedAt)) : (DateTimeOffset?)null;
        return (finished.Count, certified);
    }
}
