using Elimu.Api.Common;
using Elimu.Api.Data;
using Elimu.Api.Partners.ChildData;
using Elimu.Api.Partners.Sponsorships;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Partners.Analytics.Reports;

/// <summary>The partner's saved definitions: list, save (create or replace), delete. Another partner's report is "not found".</summary>
public sealed class CustomReportStore(AppDbContext db, ProgramStore programs, CohortLearning cohort, TimeProvider clock)
{
    public static readonly ReportCatalogResponse Catalog = new(ReportCatalog.Metrics, ReportCatalog.Dimensions, ReportCatalog.ChartTypes);

    public async Task<ReportListResponse> ListAsync(Guid partnerId, int page, int pageSize, CancellationToken ct)
    {
        var mine = db.PartnerCustomReports.AsNoTracking().Where(r => r.PartnerId == partnerId);
        var total = await mine.CountAsync(ct);
        var items = await mine.OrderByDescending(r => r.UpdatedAt).ThenBy(r => r.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new ReportListResponse([.. items.Select(ToResponse)], page, pageSize, total, Catalog);
    }

    public async Task<PartnerCustomReport> FindAsync(Guid partnerId, Guid id, CancellationToken ct) =>
        await db.PartnerCustomReports.SingleOrDefaultAsync(r => r.Id == id && r.PartnerId == partnerId, ct)
        ?? throw DomainException.NotFound("Report");

    public async Task<ReportResponse> SaveAsync(Guid partnerId, Guid userId, Guid? id, SaveReportRequest body, CancellationToken ct)
    {
        var report = id is { } existing ? await FindAsync(partnerId, existing, ct) : null;
        var programIds = (await programs.OfPartnerAsync(partnerId, ct)).Select(p => p.Id).ToList();
        var areaCodes = (await cohort.LearningAreasAsync(ct)).Values.Select(a => a.Code).ToList();
        ReportDefinitionRules.Check(body, programIds, areaCodes);

        var now = clock.GetUtcNow().UtcDateTime;
        if (report is null)
        {
            report = new PartnerCustomReport { PartnerId = partnerId, CreatedBy = userId, CreatedAt = now };
            db.PartnerCustomReports.Add(report);
        }
        report.Name = body.Name!.Trim();
        report.Description = string.IsNullOrWhiteSpace(body.Description) ? null : body.Description.Trim();
        report.Definition = ReportDefinitionRules.Normalise(body.Definition!);
        report.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        return ToResponse(report);
    }

    public async Task DeleteAsync(Guid partnerId, Guid id, CancellationToken ct)
    {
        db.PartnerCustomReports.Remove(await FindAsync(partnerId, id, ct));
        await db.SaveChangesAsync(ct);
    }

    public static ReportResponse ToResponse(PartnerCustomReport r) =>
        new(r.Id, r.Name, r.Description, r.Definition, r.CreatedAt, r.UpdatedAt, r.LastRunAt);
}
