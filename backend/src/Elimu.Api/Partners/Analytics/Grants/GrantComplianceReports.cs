using System.Globalization;
using Elimu.Api.Common;
using Elimu.Api.Partners.Finance;
using Elimu.Api.Partners.Finance.Grants;
using Elimu.Api.Partners.Profiles;
using Elimu.Api.Partners.Support;
using Elimu.Api.Platform.Audit;

namespace Elimu.Api.Partners.Analytics.Grants;

/// <summary>One program the grant funds, over the reporting period: its allocation, what was paid for it, and its impact figures.</summary>
/// <param name="Spent">Completed payments for the program's subscriptions in the period, in the grant's currency.</param>
/// <param name="OtherSpend">Payments in other currencies (never converted: KES is not added to USD).</param>
public sealed record ComplianceProgram(Guid ProgramId, string Name, decimal Allocated, decimal Spent, IReadOnlyList<Money> OtherSpend, ImpactMetrics Figures);

/// <summary>Everything a compliance report says, computed before the PDF is drawn.</summary>
public sealed record ComplianceFigures(GrantDetail Grant, GrantDeadlineView Deadline, DateOnly From, DateOnly To, IReadOnlyList<ComplianceProgram> Programs,
    DateTime GeneratedAt);

/// <summary>
/// Generates a grant's compliance report for one reporting deadline and keeps it as that deadline's report, as an upload
/// would be (the deadline becomes submitted). The figures are the ones the rest of the dashboard shows: spend from
/// Finance's completed payments (<see cref="BillingStats"/>), children and learning per program from the impact reports'
/// computation (<see cref="ImpactFigures"/>, through the consent gate). Recorded in the audit log.
/// </summary>
public sealed class GrantComplianceReports(GrantReader reader, GrantWorkflow workflow, ImpactFigures impact, BillingStats billing,
    PartnerLetterheads letterheads, AuditTrail audit, TimeProvider clock)
{
    public async Task<GrantReport> GenerateAsync(Guid partnerId, Guid userId, Guid grantId, Guid deadlineId, CancellationToken ct)
    {
        var grant = await reader.DetailAsync(partnerId, grantId, ct);
        var deadline = grant.Deadlines.SingleOrDefault(d => d.Id == deadlineId) ?? throw DomainException.NotFound("Deadline");
        if (grant.Status == GrantStatus.closed) throw DomainException.Conflict("grant_closed", "The grant is closed; it takes no more reports.");
        var (from, to) = ReportingPeriod(grant, deadline, NairobiTime.Today(clock));

        var spend = await billing.PaidPerProgramAsync(partnerId, [.. grant.Allocations.Select(a => a.ProgramId)],
            NairobiTime.StartOfDayUtc(from), NairobiTime.StartOfDayUtc(to.AddDays(1)), ct);
        var programs = new List<ComplianceProgram>();
        foreach (var a in grant.Allocations)
        {
            var figures = await impact.ComputeAsync(partnerId, a.ProgramId, grant.Currency, from, to, ct);
            var paid = spend[a.ProgramId].ToList();
            programs.Add(new ComplianceProgram(a.ProgramId, a.ProgramName, a.Amount, paid.Where(m => m.Currency == grant.Currency).Sum(m => m.Amount),
                [.. paid.Where(m => m.Currency != grant.Currency)], figures.Metrics));
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var pdf = GrantCompliancePdf.Write(new ComplianceFigures(grant, deadline, from, to, programs, now), await letterheads.ForAsync(partnerId, ct));

        audit.Record(userId, "grant_report.generated", "grant_deadline", deadlineId, partnerId: partnerId,
            details: $"grant {grant.Id}, {from:yyyy-MM-dd} to {to:yyyy-MM-dd}, {programs.Count} programs");
        var name = TicketFileRules.SafeName($"Compliance report {grant.Reference} {deadline.DueDate:yyyy-MM-dd}.pdf");
        return await workflow.AddReportAsync(await reader.OwnAsync(partnerId, grantId, ct), deadlineId, userId,
            new TicketFile(name, FinanceEndpoints.PdfType, pdf), ct);
    }

    /// <summary>
    /// What a deadline's report covers: from the day after the grant's previous deadline (or the grant's start) to the
    /// deadline, within the grant's period, and not past today (a report made early covers the days so far). 409 when
    /// the period has not begun.
    /// </summary>
    public static (DateOnly From, DateOnly To) ReportingPeriod(GrantDetail grant, GrantDeadlineView deadline, DateOnly today)
    {
        var previous = grant.Deadlines.Where(d => d.DueDate < deadline.DueDate).Select(d => (DateOnly?)d.DueDate).Max();
        var from = previous is { } p && p.AddDays(1) > grant.StartDate ? p.AddDays(1) : grant.StartDate;
        var to = new[] { deadline.DueDate, grant.EndDate, today }.Min();
        if (to < from)
            throw DomainException.Conflict("report_period_not_started",
                $"This report would cover {Day(from)} to {Day(deadline.DueDate)}, which has not begun; generate it once the period has started.");
        return (from, to);
    }

    private static string Day(DateOnly d) => d.ToString("d MMM yyyy", CultureInfo.InvariantCulture);
}
