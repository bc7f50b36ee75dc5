using System.Security.Claims;
using Elimu.Api.Common;
using Elimu.Api.Data;
using Elimu.Api.Partners.Account.Team;
using Elimu.Api.Partners.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Partners.Finance.Grants;

/// <summary>
/// The partner's grants: every member reads them and downloads reports; who may pay (owner and finance) records grants,
/// their deadlines and their compliance reports. Another partner's grant, deadline or report is a 404.
/// </summary>
public static class GrantEndpoints
{
    public const string Path = "/api/v1/partner/finance/grants";

    public static IServiceCollection AddGrants(this IServiceCollection services)
    {
        services.AddSingleton<GrantReminderOptions>();
        services.AddScoped<GrantReader>();
        services.AddScoped<GrantWorkflow>();
        services.AddSingleton<GrantReminderRunner>();
        services.AddHostedService<GrantReminderJob>();
        return services;
    }

    public static IEndpointRouteBuilder MapGrantApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(Path).WithTags("Partner · Finance").RequireAuthorization(PartnerPolicies.Read);
        group.MapGet("", List).WithSummary("The partner's grants, latest start first; filter by status and funder (contains).");
        group.MapPost("", Create).RequireAuthorization(PartnerPolicies.Pay).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Record a grant with its allocations and deadlines; 422 when allocations exceed the amount or name another partner's program.");
        group.MapGet("/{id:guid}", Get).WithSummary("One grant with its allocations, deadlines (as a timeline) and reports.");
        group.MapPut("/{id:guid}", Update).RequireAuthorization(PartnerPolicies.Pay).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Replace the grant's fields and allocations and move its status (409 invalid_transition for a move the rules forbid).");
        group.MapPost("/{id:guid}/deadlines", AddDeadline).RequireAuthorization(PartnerPolicies.Pay).WithSummary("Add a reporting deadline.");
        group.MapPut("/{id:guid}/deadlines/{deadlineId:guid}", UpdateDeadline).RequireAuthorization(PartnerPolicies.Pay)
            .WithSummary("Change a deadline's date or title, or mark it submitted or not.");
        group.MapDelete("/{id:guid}/deadlines/{deadlineId:guid}", DeleteDeadline).RequireAuthorization(PartnerPolicies.Pay)
            .WithSummary("Remove a deadline and its reports.");
        group.MapPost("/{id:guid}/deadlines/{deadlineId:guid}/reports", UploadReport).RequireAuthorization(PartnerPolicies.Pay)
            .AcceptsMultipartForm(["file"], new() { ["file"] = MultipartFormDocs.File($"{GrantReportFiles.Allowed}, at most {GrantReportFiles.MaxFileBytes / (1024 * 1024)} MB.") })
            .WithSummary($"Upload a compliance report ({GrantReportFiles.Allowed}, at most {GrantReportFiles.MaxFileBytes / (1024 * 1024)} MB, in the field 'file'); the deadline becomes submitted.");
        group.MapGet("/{id:guid}/reports/{reportId:guid}", DownloadReport).WithSummary("Download a compliance report.");
        return app;
    }

    private static async Task<Ok<Paged<GrantSummary>>> List([AsParameters] GrantListQuery q, ClaimsPrincipal user, GrantReader reader, CancellationToken ct) =>
        TypedResults.Ok(await reader.ListAsync(user.PartnerId(), q, ct));

    private static async Task<Created<GrantDetail>> Create(SaveGrantRequest body, ClaimsPrincipal user, GrantWorkflow workflow, GrantReader reader,
        CancellationToken ct)
    {
        var grant = await workflow.CreateAsync(user.PartnerId(), body, ct);
        return TypedResults.Created($"{Path}/{grant.Id}", await reader.DetailAsync(user.PartnerId(), grant.Id, ct));
    }

    private static async Task<Ok<GrantDetail>> Get(Guid id, ClaimsPrincipal user, GrantReader reader, CancellationToken ct) =>
        TypedResults.Ok(await reader.DetailAsync(user.PartnerId(), id, ct));

    private static async Task<Ok<GrantDetail>> Update(Guid id, SaveGrantRequest body, ClaimsPrincipal user, GrantReader reader, GrantWorkflow workflow,
        CancellationToken ct)
    {
        await workflow.UpdateAsync(await reader.OwnAsync(user.PartnerId(), id, ct), body, ct);
        return TypedResults.Ok(await reader.DetailAsync(user.PartnerId(), id, ct));
    }

    private static async Task<Created<GrantDetail>> AddDeadline(Guid id, DeadlineRequest body, ClaimsPrincipal user, GrantReader reader,
        GrantWorkflow workflow, CancellationToken ct)
    {
        await workflow.AddDeadlineAsync(await reader.OwnAsync(user.PartnerId(), id, ct), body, ct);
        return TypedResults.Created($"{Path}/{id}", await reader.DetailAsync(user.PartnerId(), id, ct));
    }

    private static async Task<Ok<GrantDetail>> UpdateDeadline(Guid id, Guid deadlineId, DeadlineRequest body, ClaimsPrincipal user, GrantReader reader,
        GrantWorkflow workflow, CancellationToken ct)
    {
        await workflow.UpdateDeadlineAsync(await reader.OwnAsync(user.PartnerId(), id, ct), deadlineId, body, ct);
        return TypedResults.Ok(await reader.DetailAsync(user.PartnerId(), id, ct));
    }

    private static async Task<Ok<GrantDetail>> DeleteDeadline(Guid id, Guid deadlineId, ClaimsPrincipal user, GrantReader reader,
        GrantWorkflow workflow, CancellationToken ct)
    {
        await workflow.DeleteDeadlineAsync(await reader.OwnAsync(user.PartnerId(), id, ct), deadlineId, ct);
        return TypedResults.Ok(await reader.DetailAsync(user.PartnerId(), id, ct));
    }

    private static async Task<Created<GrantDetail>> UploadReport(Guid id, Guid deadlineId, HttpRequest request, ClaimsPrincipal user,
        GrantReader reader, GrantWorkflow workflow, CancellationToken ct)
    {
        var grant = await reader.OwnAsync(user.PartnerId(), id, ct);
        if (grant.Deadlines.All(d => d.Id != deadlineId)) throw DomainException.NotFound("Deadline");
        var file = await GrantReportFiles.ReadAsync(request, ct);
        var report = await workflow.AddReportAsync(grant, deadlineId, user.UserId(), file, ct);
        return TypedResults.Created($"{Path}/{id}/reports/{report.Id}", await reader.DetailAsync(user.PartnerId(), id, ct));
    }

    private static async Task<FileContentHttpResult> DownloadReport(Guid id, Guid reportId, ClaimsPrincipal user, AppDbContext db, HttpResponse response,
        CancellationToken ct)
    {
        var partnerId = user.PartnerId();
        var report = await db.GrantReports.AsNoTracking()
            .Where(r => r.Id == reportId && db.GrantDeadlines.Any(d => d.Id == r.DeadlineId && d.GrantId == id
                && db.PartnerGrants.Any(g => g.Id == id && g.PartnerId == partnerId)))
            .FirstOrDefaultAsync(ct) ?? throw DomainException.NotFound("Report");
        // As a ticket's file: a download, in a sandbox, with the type its content proved.
        response.Headers.ContentSecurityPolicy = "sandbox; default-src 'none'";
        response.Headers.CacheControl = "private, no-store";
        return TypedResults.File(report.Content, report.ContentType, report.FileName);
    }
}
