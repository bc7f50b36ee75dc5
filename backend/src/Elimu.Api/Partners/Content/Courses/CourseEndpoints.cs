using System.Security.Claims;
using Elimu.Api.Partners.Account.Team;
using Elimu.Api.Partners.Shared;
using Elimu.Api.Platform.Audit;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Elimu.Api.Partners.Content.Courses;

/// <summary>/content/courses: sponsored courses (list, builder, states), the builder's pickers, and each course's monitoring.</summary>
public static class CourseEndpoints
{
    public static IServiceCollection AddSponsoredCourses(this IServiceCollection services) => services.AddScoped<CourseStore>();

    public static RouteGroupBuilder MapSponsoredCourseApi(this RouteGroupBuilder content)
    {
        // ReadAuditFilter queues, once per request, the audit of the children the monitoring counted.
        var courses = content.MapGroup("/courses").AddEndpointFilter<ReadAuditFilter>();
        courses.MapGet("", ListCourses.Handle).WithSummary("The partner's sponsored courses, last changed first; filter by status, programId (a target program) and search (title).");
        courses.MapPost("", Create).RequireAuthorization(PartnerPolicies.ContributeContent).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Save a new course as a draft: title, grade, learning area, ordered items (platform lessons, the partner's approved resources), target programs. 422 names each item or program that cannot be used.");
        courses.MapGet("/{id:guid}", Get).WithSummary("One course with its items in order and its programs.");
        courses.MapPut("/{id:guid}", Update).RequireAuthorization(PartnerPolicies.ContributeContent).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Replace a draft or published course (409 once archived); checked as on create, and a published course keeps at least one item and program.");
        courses.MapPost("/{id:guid}/publish", Publish).RequireAuthorization(PartnerPolicies.ContributeContent).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Offer the course to its programs' children: it needs an item and a program, and every resource still approved.");
        courses.MapPost("/{id:guid}/archive", Archive).RequireAuthorization(PartnerPolicies.ContributeContent).WithSummary("Withdraw the course; its figures stay readable.");
        courses.MapGet("/{id:guid}/monitoring", CourseMonitoring.Handle)
            .WithSummary("How consented children of the target programs take the course: enrolled (started one of its lessons), completed (every lesson), average check score, minutes spent, and per item in order how many reached it and the drop-off from the lesson before. Resources are listed, not tracked. 409 for a draft. Recorded in the audit log as a read of the children's data.");
        courses.MapGet("/catalog/lessons", CoursePickers.Lessons).WithSummary("Platform lessons a course can use, by grade, learning area and title, in course order.");
        courses.MapGet("/catalog/resources", CoursePickers.Resources).WithSummary("The partner's resources Elimu approved, which a course can use.");
        return content;
    }

    private static async Task<Created<SponsoredCourseView>> Create(SaveCourseRequest body, ClaimsPrincipal user, CourseStore store, CancellationToken ct)
    {
        var saved = await store.SaveAsync(user.PartnerId(), null, body, ct);
        return TypedResults.Created($"{ContentEndpoints.Prefix}/courses/{saved.Id}", saved);
    }

    private static async Task<Ok<SponsoredCourseView>> Get(Guid id, ClaimsPrincipal user, CourseStore store, CancellationToken ct) =>
        TypedResults.Ok(await store.DescribeAsync(await store.OwnedAsync(user.PartnerId(), id, ct), ct));

    private static async Task<Ok<SponsoredCourseView>> Update(Guid id, SaveCourseRequest body, ClaimsPrincipal user, CourseStore store, CancellationToken ct) =>
        TypedResults.Ok(await store.SaveAsync(user.PartnerId(), id, body, ct));

    private static async Task<Ok<SponsoredCourseView>> Publish(Guid id, ClaimsPrincipal user, CourseStore store, CancellationToken ct) =>
        TypedResults.Ok(await store.PublishAsync(user.PartnerId(), id, ct));

    private static async Task<Ok<SponsoredCourseView>> Archive(Guid id, ClaimsPrincipal user, CourseStore store, CancellationToken ct) =>
        TypedResults.Ok(await store.ArchiveAsync(user.PartnerId(), id, ct));
}
