using Elimu.Api.Common;
using Elimu.Api.Data;
using Elimu.Api.Partners.Sponsorships;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Partners.Analytics;

/// <summary>A partner's impact reports; another partner's report is a 404, never a 403 (its existence is not told).</summary>
public sealed class ImpactReportReader(AppDbContext db, ProgramListings programs)
{
    private IQueryable<PartnerImpactReport> Own(Guid partnerId) => db.PartnerImpactReports.AsNoTracking().Where(r => r.PartnerId == partnerId);

    public Task<Paged<ImpactReportSummary>> ListAsync(Guid partnerId, ImpactReportListQuery q, CancellationToken ct) =>
        Own(partnerId).Where(r => q.ProgramId == null || r.ProgramId == q.ProgramId)
            .OrderByDescending(r => r.GeneratedAt).ThenByDescending(r => r.Id)
            .Select(r => new ImpactReportSummary(r.Id, r.Title, r.ProgramId, r.ProgramId == null ? null : programs.All().Where(p => p.Id == r.ProgramId).Select(p => p.Name).FirstOrDefault(), r.ReportType,
                r.Metrics.PeriodStart, r.Metrics.PeriodEnd, r.Status, r.Progress, r.GeneratedAt, r.CompletedAt, r.ExportFormat, r.ExportedAt))
            .ToPagedAsync(PageRequest.From(q.Page, q.PageSize), ct);

    public async Task<ImpactReportDetail> DetailAsync(Guid partnerId, Guid id, CancellationToken ct)
    {
        var r = await Own(partnerId).FirstOrDefaultAsync(r => r.Id == id, ct) ?? throw DomainException.NotFound("Impact report");
        var program = r.ProgramId is { } programId ? await programs.NameAsync(programId, ct) : null;
        return new ImpactReportDetail(r.Id, r.Title, r.ProgramId, program, r.ReportType, r.Status, r.Progress, r.Stage, r.Error, r.GeneratedAt,
            r.CompletedAt, r.Metrics, r.Breakdown, r.Summary, r.AiInsights.Highlights, r.AiInsights.Recommendations, r.AiInsights.Provider,
            r.AiInsights.Model, r.AiInsights.GeneratedAt);
    }

    public async Task<ImpactReportProgress> ProgressAsync(Guid partnerId, Guid id, CancellationToken ct) =>
        await Own(partnerId).Where(r => r.Id == id).Select(r => new ImpactReportProgress(r.Id, r.Status, r.Progress, r.Stage, r.Error))
            .FirstOrDefaultAsync(ct) ?? throw DomainException.NotFound("Impact report");
}
