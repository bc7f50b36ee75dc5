using System.Security.Claims;
using Elimu.Api.Common;
using Elimu.Api.Data;
using Elimu.Api.Partners.Account.Team;
using Elimu.Api.Partners.Profiles;
using Elimu.Api.Partners.Shared;
using Elimu.Api.Platform.Audit;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Elimu.Api.Partners.Analytics.Reports;

/// <summary>Saved custom reports: list (with the catalogue the builder offers), create, replace, delete, run and export.</summary>
public static class CustomReportEndpoints
{
    public static IServiceCollection AddCustomReports(this IServiceCollection services) =>
        services.AddScoped<CustomReportStore>().AddScoped<RunCustomReport>();

    public static RouteGroupBuilder MapCustomReportApi(this RouteGroupBuilder analytics)
    {
        var reports = analytics.MapGroup("/reports");
        reports.MapGet("", List).WithSummary("The partner's saved report definitions, newest change first, with the metrics, groupings and chart types a definition may use.");
        reports.MapPost("", Create).RequireAuthorization(PartnerPolicies.ChangePrograms).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Save a new definition; 422 names each unknown metric, grouping, chart type or filter value.");
        reports.MapPut("/{id:guid}", Update).RequireAuthorization(PartnerPolicies.ChangePrograms).ProducesProblem(StatusCodes.Status422UnprocessableEntity).WithSummary("Replace a saved definition.");
        reports.MapDelete("/{id:guid}", Delete).RequireAuthorization(PartnerPolicies.ChangePrograms).WithSummary("Delete a saved definition.");
        reports.MapPost("/{id:guid}/run", Run).WithSummary("Run a saved definition over the consented children: a row per group, and the totals.");
        reports.MapGet("/{id:guid}/export", Export)
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .Produces(StatusCodes.Status200OK, contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf")
            .WithSummary("Run the definition and download it: format=csv (UTF-8 with BOM), xlsx (typed columns) or pdf (cover, chart, table). Recorded in the audit log.");
        return analytics;
    }

    private static async Task<Ok<ReportListResponse>> List([AsParameters] ReportListQuery q, ClaimsPrincipal user, CustomReportStore store, CancellationToken ct)
    {
        new Validation().Within("page", q.Page, 1, 100_000).Within("pageSize", q.PageSize, 1, 100).ThrowIfInvalid();
        return TypedResults.Ok(await store.ListAsync(user.PartnerId(), q.Page ?? 1, q.PageSize ?? 20, ct));
    }

    private static async Task<Created<ReportResponse>> Create(SaveReportRequest body, ClaimsPrincipal user, CustomReportStore store, CancellationToken ct)
    {
        var saved = await store.SaveAsync(user.PartnerId(), user.UserId(), null, body, ct);
        return TypedResults.Created($"{AnalyticsApi.Path}/reports/{saved.Id}", saved);
    }

    private static async Task<Ok<ReportResponse>> Update(Guid id, SaveReportRequest body, ClaimsPrincipal user, CustomReportStore store, CancellationToken ct) =>
        TypedResults.Ok(await store.SaveAsync(user.PartnerId(), user.UserId(), id, body, ct));

    private static async Task<NoContent> Delete(Guid id, ClaimsPrincipal user, CustomReportStore store, CancellationToken ct)
    {
        await store.DeleteAsync(user.PartnerId(), id, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<ReportRunResponse>> Run(Guid id, ClaimsPrincipal user, CustomReportStore store, RunCustomReport runner,
        AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var report = await store.FindAsync(user.PartnerId(), id, ct);
        var run = await runner.RunAsync(user.PartnerId(), report, ct);
        report.LastRunAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(run);
    }

    public sealed record ExportQuery(string? Format);

    private static async Task<IResult> Export(Guid id, [AsParameters] ExportQuery q, ClaimsPrincipal user, CustomReportStore store,
        RunCustomReport runner, PartnerNames names, AuditTrail audit, AppDbContext db, HttpContext http, CancellationToken ct)
    {
        var format = q.Format?.ToLowerInvariant();
        new Validation().Check(format is "csv" or "xlsx" or "pdf", "format", "Choose pdf, csv or xlsx.").ThrowIfInvalid();
        var partnerId = user.PartnerId();
        var report = await store.FindAsync(partnerId, id, ct);
        var run = await runner.RunAsync(partnerId, report, ct);
        // What leaves the system is on record before the first byte does.
        audit.Record(user.UserId(), "analytics.report.export", "partner_custom_report", report.Id,
            $"format: {format}; rows: {run.Rows.Count}; period: {run.From:yyyy-MM-dd}..{run.To:yyyy-MM-dd}", partnerId);
        await db.SaveChangesAsync(ct);

        // CsvHelper and MiniExcel write synchronously; a buffer in front of the response keeps those writes few and large.
        http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpBodyControlFeature>()!.AllowSynchronousIO = true;
        return format switch
        {
            "csv" => TypedResults.Stream(body => ReportFiles.WriteCsvAsync(run, body, ct), "text/csv; charset=utf-8", ReportFiles.FileName(run, "csv")),
            "xlsx" => TypedResults.Stream(body => ReportFiles.WriteXlsxAsync(run, body, ct),
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ReportFiles.FileName(run, "xlsx")),
            _ => TypedResults.File(ReportPdf.Render(run, await names.OrganizationNameAsync(partnerId, ct), report.Definition.Filters),
                "application/pdf", ReportFiles.FileName(run, "pdf")),
        };
    }
}
