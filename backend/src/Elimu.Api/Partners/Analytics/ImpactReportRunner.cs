using Elimu.Api.Ai;
using Elimu.Api.Common;
using Elimu.Api.Data;
using Elimu.Api.Partners.ChildData;
using Elimu.Api.Partners.Finance;
using Elimu.Api.Partners.Sponsorships;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Partners.Analytics;

/// <summary>Thrown when a report's row says it is no longer running (cancelled, or taken over): the run stops where it is.</summary>
public sealed class ImpactReportStoppedException() : OperationCanceledException("The impact report is no longer running.");

/// <summary>
/// Computes one claimed report: every figure by code, from the rollups through the consent gate (children as the gate
/// sees them now: a withdrawn consent leaves the child out) and from Finance's payments; then the narrative through
/// the orchestrator. Each step writes its progress only while the row is still running, which is also how a cancel
/// made on any instance reaches the run: the next step finds the row cancelled and stops.
/// </summary>
public sealed class ImpactReportRunner(AppDbContext db, ChildLearningGate gate, SponsorshipStats programs, BillingStats billing, IAiOrchestrator ai,
    ImpactReportPush push, TimeProvider clock)
{
    public async Task RunAsync(Guid reportId, CancellationToken ct)
    {
        var report = await db.PartnerImpactReports.Include(r => r.Program).FirstAsync(r => r.Id == reportId, ct);
        var (from, to) = (report.Metrics.PeriodStart!.Value, report.Metrics.PeriodEnd!.Value);
        var (fromUtc, endUtc) = (NairobiTime.StartOfDayUtc(from), NairobiTime.StartOfDayUtc(to.AddDays(1)));

        await StepAsync(report, 10, "Counting the sponsored children", ct);
        var sponsored = await programs.SponsoredCountAsync(report.PartnerId, report.ProgramId, endUtc, ct);
        await StepAsync(report, 20, "Reading the learning of consented children", ct);
        var learning = await gate.PeriodLearningAsync(report.PartnerId, report.ProgramId, from, to, ct);
        await StepAsync(report, 55, "Adding up the spend", ct);
        var paid = await billing.PaidAsync(report.PartnerId, report.ProgramId, fromUtc, endUtc, ct);
        // One currency per report: the program's own, or for all programs the one most was paid in (KES is never added to USD).
        var spend = paid.Where(m => m.Currency == report.Program?.Currency).Concat(paid.OrderByDescending(m => m.Amount)).First();

        var days = to.DayNumber - from.DayNumber + 1;
        var metrics = new ImpactMetrics
        {
            PeriodStart = from, PeriodEnd = to,
            ChildrenSponsored = sponsored,
            ChildrenWithConsent = learning.VisibleChildren,
            ChildrenReached = learning.ChildrenReached,
            ActiveLearningHours = Math.Round(learning.Minutes / 60m, 1),
            AverageWeeklyMinutes = learning.VisibleChildren == 0 ? 0 : Math.Round(learning.Minutes / (learning.VisibleChildren * days / 7m), 1),
            Sessions = learning.Sessions,
            LessonsCompleted = learning.LessonsCompleted,
            Assessments = learning.Assessments,
            AverageScore = learning.AverageScore ?? 0,
            ScoreChange = learning.AverageScore is { } current && learning.PreviousAverageScore is { } before ? current - before : 0,
            RubricExceeding = learning.Areas.Sum(a => a.Exceeding), RubricMeeting = learning.Areas.Sum(a => a.Meeting),
            RubricApproaching = learning.Areas.Sum(a => a.Approaching), RubricBelow = learning.Areas.Sum(a => a.Below),
            AchievementsEarned = learning.Achievements,
            EngagementRate = learning.VisibleChildren == 0 ? 0 : Math.Round(learning.ChildrenReached * 100m / learning.VisibleChildren, 1),
            AmountSpent = spend.Amount,
            Currency = spend.Currency,
            CostPerChild = learning.ChildrenReached == 0 ? null : Math.Round(spend.Amount / learning.ChildrenReached, 2),
        };
        var breakdown = new ImpactBreakdown
        {
            Areas = learning.Areas.Select(a => new AreaMovement(a.LearningArea, a.Exceeding + a.Meeting + a.Approaching + a.Below, a.AverageScore,
                a.PreviousAverageScore, a.Exceeding, a.Meeting, a.Approaching, a.Below, a.PreviousExceeding, a.PreviousMeeting, a.PreviousApproaching,
                a.PreviousBelow)).ToList(),
            Competencies = learning.Competencies.Select(c => new CompetencyMovement(c.Competency, c.Ratings, c.Average, c.PreviousAverage)).ToList(),
            Weeks = learning.Weeks.Select(w => new WeekEngagement(w.WeekStart, w.Minutes, w.ActiveChildren)).ToList(),
        };

        await StepAsync(report, 70, "Writing the narrative", ct);
        var facts = new ImpactReportFacts(report.Program?.Name ?? "all programs", report.ReportType.ToString(), from.ToString("yyyy-MM-dd"),
            to.ToString("yyyy-MM-dd"), metrics.ChildrenSponsored, metrics.ChildrenWithConsent, metrics.ChildrenReached, metrics.EngagementRate,
            metrics.ActiveLearningHours, metrics.AverageWeeklyMinutes, metrics.Sessions, metrics.LessonsCompleted, metrics.Assessments,
            learning.AverageScore, learning.PreviousAverageScore, metrics.AchievementsEarned, metrics.AmountSpent, metrics.Currency, metrics.CostPerChild,
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
