using System.Globalization;
using System.Security.Claims;
using Elimu.Api.Common;
using Elimu.Api.Data;
using Elimu.Api.Partners.Account.Team;
using Elimu.Api.Partners.Analytics.Export;
using Elimu.Api.Partners.Profiles;
using Elimu.Api.Partners.Shared;
using Elimu.Api.Partners.Sponsorships;
using Elimu.Api.Platform.Audit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Partners.Analytics;

/// <summary>
/// Impact reports (issue 18): asked for with <c>POST /reports/generate</c> and computed by <see cref="ImpactReportJob"/>
/// in the background, their progress pushed on the partner hub (event "impactReport") and readable for polling; a
/// running report can be cancelled. Every member reads and exports them; every role but viewer asks for and cancels
/// them. Exports are written to the audit log.
/// </summary>
public static class ImpactReportEndpoints
{
    public const string Reports = AnalyticsApi.Path + "/impact-reports";
    public const string PdfType = "application/pdf";
    public const string CsvType = "text/csv; charset=utf-8";

    public static IServiceCollection AddImpactReports(this IServiceCollection services)
    {
        services.AddSingleton<ImpactReportPeriods>();
        services.AddSingleton<ImpactReportQueue>();
        services.AddSingleton<ImpactReportPush>();
        services.AddScoped<ImpactFigures>();
        services.AddScoped<ImpactReportRunner>();
        services.AddScoped<ImpactReportReader>();
        services.AddHostedService<ImpactReportJob>();
        return services;
    }

    public static RouteGroupBuilder MapImpactReportApi(this RouteGroupBuilder group)
    {
        group.MapPost("/reports/generate", Generate).RequireAuthorization(PartnerPolicies.GenerateReports)
            .RequireRateLimiting(AiGenerationLimit.Policy)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithSummary("Ask for an impact report of one program or all (period monthly, termly, annual or custom); 202 with its id, computed in the background.");
        group.MapGet("/impact-reports", List).WithSummary("The partner's impact reports, latest first (any status).");
        group.MapGet("/impact-reports/{id:guid}", Get).WithSummary("One impact report: status, figures, breakdown and narrative with its provider, model and time.");
        group.MapGet("/impact-reports/{id:guid}/progress", Progress)
            .WithSummary("A report's status and progress (0-100): the polling fallback of the hub's \"impactReport\" event.");
        group.MapPost("/impact-reports/{id:guid}/cancel", Cancel).RequireAuthorization(PartnerPolicies.GenerateReports)
            .ProducesProblem(StatusCodes.Status409Conflict).WithSummary("Cancel a queued or running report (409 report_finished once it has ended).");
        group.MapGet("/impact-reports/{id:guid}/export", Export).Produces(StatusCodes.Status200OK, contentType: PdfType)
            .Produces(StatusCodes.Status200OK, contentType: CsvType).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Download a completed report as PDF (charts, the partner's logo and colours) or CSV (UTF-8); recorded in the audit log.");
        return group;
    }

    private static async Task<Accepted<ImpactReportAccepted>> Generate(GenerateImpactReportRequest body, ClaimsPrincipal user, AppDbContext db,
        ImpactReportPeriods periods, SponsorshipStats programs, ImpactReportQueue queue, AuditTrail audit, TimeProvider clock, CancellationToken ct)
    {
        var partnerId = user.PartnerId();
        var (type, from, to) = periods.Resolve(body, NairobiTime.Today(clock));
        var names = await programs.ProgramNamesAsync(partnerId, ct);
        string? programName = null;
        if (body.ProgramId is { } programId && !names.TryGetValue(programId, out programName)) throw DomainException.NotFound("Program");

        var report = new PartnerImpactReport
        {
            PartnerId = partnerId, ProgramId = body.ProgramId, ReportType = type, Status = ImpactReportStatus.queued, Stage = "Waiting to start",
            RequestedBy = user.UserId(), GeneratedAt = clock.GetUtcNow().UtcDateTime,
            Title = Title(programName ?? "All programs", type, from, to),
            Metrics = new ImpactMetrics { PeriodStart = from, PeriodEnd = to },
        };
        db.PartnerImpactReports.Add(report);
        audit.Record(user.UserId(), "impact_report.requested", "partner_impact_report", report.Id,
            $"{type} {from:yyyy-MM-dd}..{to:yyyy-MM-dd} {(body.ProgramId is null ? "all programs" : body.ProgramId.ToString())}", partnerId);
        await db.SaveChangesAsync(ct);
        queue.Wake();
        var url = $"{Reports}/{report.Id}";
        return TypedResults.Accepted(url, new ImpactReportAccepted(report.Id, report.Status, 0, $"{url}/progress", url, $"{url}/cancel"));
    }

    private static string Title(string program, ReportType type, DateOnly from, DateOnly to) =>
        string.Create(CultureInfo.InvariantCulture, $"{program}: {type} impact report, {from:d MMM yyyy} to {to:d MMM yyyy}") is var t && t.Length <= 200 ? t : t[..199] + "…";

    private static async Task<Ok<Paged<ImpactReportSummary>>> List([AsParameters] ImpactReportListQuery q, ClaimsPrincipal user, ImpactReportReader reader,
        CancellationToken ct) => TypedResults.Ok(await reader.ListAsync(user.PartnerId(), q, ct));

    private static async Task<Ok<ImpactReportDetail>> Get(Guid id, ClaimsPrincipal user, ImpactReportReader reader, CancellationToken ct) =>
        TypedResults.Ok(await reader.DetailAsync(user.PartnerId(), id, ct));

    private static async Task<Ok<ImpactReportProgress>> Progress(Guid id, ClaimsPrincipal user, ImpactReportReader reader, CancellationToken ct) =>
        TypedResults.Ok(await reader.ProgressAsync(user.PartnerId(), id, ct));

    /// <summary>
    /// Marks the row cancelled when it is still queued or running (one conditional update: a report that completes at
    /// the same moment is either cancelled or completed, never both), stops the run at once if this instance runs it,
    /// and otherwise at the run's next step, which finds the row cancelled.
    /// </summary>
    private static async Task<Ok<ImpactReportProgress>> Cancel(Guid id, ClaimsPrincipal user, AppDbContext db, ImpactReportReader reader,
        ImpactReportQueue queue, ImpactReportPush push, AuditTrail audit, TimeProvider clock, CancellationToken ct)
    {
        var partnerId = user.PartnerId();
        var now = clock.GetUtcNow().UtcDateTime;
        var cancelled = await db.PartnerImpactReports
            .Where(r => r.Id == id && r.PartnerId == partnerId && (r.Status == ImpactReportStatus.queued || r.Status == ImpactReportStatus.running))
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.Status, ImpactReportStatus.cancelled).SetProperty(r => r.Stage, "Cancelled")
                .SetProperty(r => r.CompletedAt, now), ct);
        var state = await reader.ProgressAsync(partnerId, id, ct);
        if (cancelled == 0) throw DomainException.Conflict("report_finished", $"The report has already ended ({state.Status}).");
        queue.Cancel(id);
        await audit.RecordNowAsync(user.UserId(), "impact_report.cancelled", "partner_impact_report", id, ct);
        await push.SendAsync(partnerId, state, ct);
        return TypedResults.Ok(state);
    }

    private static async Task<FileContentHttpResult> Export(Guid id, string? format, ClaimsPrincipal user, AppDbContext db, ImpactReportReader reader,
        PartnerLetterheads letterheads, AuditTrail audit, TimeProvider clock, CancellationToken ct)
    {
        var partnerId = user.PartnerId();
        new Validation().Check(format is "pdf" or "csv", "format", "Use pdf or csv.").ThrowIfInvalid();
        var report = await reader.DetailAsync(partnerId, id, ct);
        if (report.Status != ImpactReportStatus.completed)
            throw DomainException.Conflict("report_not_ready", $"Only a completed report can be exported; this one is {report.Status}.");
        var kind = Enum.Parse<ExportFormat>(format!);
        var bytes = kind == ExportFormat.pdf ? ImpactReportPdf.Write(report, await letterheads.ForAsync(partnerId, ct)) : ImpactReportCsv.Write(report);

        var now = clock.GetUtcNow().UtcDateTime;
        await db.PartnerImpactReports.Where(r => r.Id == id && r.PartnerId == partnerId)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.ExportedAt, now).SetProperty(r => r.ExportFormat, kind)
                .SetProperty(r => r.ExportUrl, $"{Reports}/{id}/export?format={format}"), ct);
        await audit.RecordNowAsync(user.UserId(), "impact_report.exported", "partner_impact_report", id, ct, details: format);
        var name = string.Create(CultureInfo.InvariantCulture, $"impact-report-{report.Metrics.PeriodStart:yyyy-MM-dd}-{report.Metrics.PeriodEnd:yyyy-MM-dd}.{format}");
        return TypedResults.File(bytes, kind == ExportFormat.pdf ? PdfType : CsvType, name);
    }
}
