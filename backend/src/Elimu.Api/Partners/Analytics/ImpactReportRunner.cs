using Elimu.Api.Ai;
using Elimu.Api.Data;
using Elimu.Api.Partners.Sponsorships;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Partners.Analytics;

/// <summary>Thrown when a report's row says it is no longer running (cancelled, or taken over): the run stops where it is.</summary>
public sealed class ImpactReportStoppedException() : OperationCanceledException("The impact report is no longer running.");

/// <summary>
/// Computes one claimed report: every figure by code (<see cref="ImpactFigures"/>: the rollups through the consent gate,
/// Finance's payments); then the narrative through the orchestrator. Each step writes its progress only while the row is
/// still running, which is also how a cancel made on any instance reaches the run: the next step finds the row cancelled
/// and stops.
/// </summary>
public sealed class ImpactReportRunner(AppDbContext db, ProgramListings programs, ImpactFigures impact, IAiOrchestrator ai, ImpactReportPush push, TimeProvider clock)
{
    public async Task RunAsync(Guid reportId, CancellationToken ct)
    {
        var report = await db.PartnerImpactReports.FirstAsync(r => r.Id == reportId, ct);
        var program = report.ProgramId is { } programId ? await programs.All().FirstOrDefaultAsync(p => p.Id == programId, ct) : null;
        var (from, to) = (report.Metrics.PeriodStart!.Value, report.Metrics.PeriodEnd!.Value);
        var figures = await impact.ComputeAsync(report.PartnerId, report.ProgramId, program?.Currency, from, to, ct,
            (progress, stage) => StepAsync(report, progress, stage, ct));
        var (metrics, breakdown) = (figures.Metrics, figures.Breakdown);

        await StepAsync(report, 70, "Writing the narrative", ct);
        var facts = new ImpactReportFacts(program?.Name ?? "all programs", report.ReportType.ToString(), from.ToString("yyyy-MM-dd"),
            to.ToString("yyyy-MM-dd"), metrics.ChildrenSponsored, metrics.ChildrenWithConsent, metrics.ChildrenReached, metrics.EngagementRate,
            metrics.ActiveLearningHours, metrics.AverageWeeklyMinutes, metrics.Sessions, metrics.LessonsCompleted, metrics.Assessments,
            figures.AverageScore, figures.PreviousAverageScore, metrics.AchievementsEarned, metrics.AmountSpent, metrics.Currency, metrics.CostPerChild,
            breakdown.Areas, breakdown.Competencies, breakdown.Weeks);
        var answer = await ai.RunAsync(new ImpactReportTask(facts), new AiRequest(report.PartnerId), ct);

        await StepAsync(report, 95, "Saving", ct);
        report.Metrics = metrics;
        report.Breakdown = breakdown;
        report.Summary = answer.Result.Summary;
        report.AiInsights = new ImpactInsights
        {
            Highlights = [.. answer.Result.Highlights], Recommendations = [.. answer.Result.Recommendations],
            Provider = answer.Provider, Model = answer.Model, GeneratedAt = answer.GeneratedAt.UtcDateTime,
        };
        await db.SaveChangesAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var done = await db.PartnerImpactReports.Where(r => r.Id == report.Id && r.Status == ImpactReportStatus.running)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.Status, ImpactReportStatus.completed).SetProperty(r => r.Progress, 100)
                .SetProperty(r => r.Stage, "Ready").SetProperty(r => r.CompletedAt, now).SetProperty(r => r.GeneratedAt, now), ct);
        if (done == 0) throw new ImpactReportStoppedException();
        await push.SendAsync(report.PartnerId, new ImpactReportProgress(report.Id, ImpactReportStatus.completed, 100, "Ready", null), ct);
    }

    private async Task StepAsync(PartnerImpactReport report, int progress, string stage, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var now = clock.GetUtcNow().UtcDateTime;
        var running = await db.PartnerImpactReports.Where(r => r.Id == report.Id && r.Status == ImpactReportStatus.running)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.Progress, progress).SetProperty(r => r.Stage, stage).SetProperty(r => r.HeartbeatAt, now), ct);
        if (running == 0) throw new ImpactReportStoppedException();
        await push.SendAsync(report.PartnerId, new ImpactReportProgress(report.Id, ImpactReportStatus.running, progress, stage, null), ct);
    }
}
