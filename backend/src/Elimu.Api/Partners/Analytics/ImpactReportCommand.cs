using System.Diagnostics;
using Elimu.Api.Common;
using Elimu.Api.Data;
using Elimu.Api.Partners.Analytics.Export;
using Elimu.Api.Partners.Profiles;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Partners.Analytics;

/// <summary>
/// <c>impact-report [email]</c>: one impact report of all the programs of the partner (default the scale partner of bench/ScaleSeed), over
/// the last 90 days, computed as the job computes it (through the gate, with whatever provider the routing table names:
/// Offline when no key is set) and written as PDF; prints how long both took. Timed by bench/impact-report.sh.
/// </summary>
public static class ImpactReportCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var clock = services.GetRequiredService<TimeProvider>();
        var email = (args.FirstOrDefault() ?? "scale@elimu.demo").ToUpperInvariant();
        var partnerId = await db.Users.Where(u => u.NormalizedEmail == email).Select(u => u.Id).SingleOrDefaultAsync();
        if (partnerId == Guid.Empty)
        {
            Console.Error.WriteLine($"No partner {email}: seed the scale data first.");
            return 1;
        }
        var today = NairobiTime.Today(clock);
        var report = new PartnerImpactReport
        {
            PartnerId = partnerId, ReportType = ReportType.custom, Status = ImpactReportStatus.running, Stage = "Benchmark", Progress = 5,
            GeneratedAt = clock.GetUtcNow().UtcDateTime, HeartbeatAt = clock.GetUtcNow().UtcDateTime, Title = "Benchmark: all programs, last 90 days",
            Metrics = new ImpactMetrics { PeriodStart = today.AddDays(-89), PeriodEnd = today },
        };
        db.PartnerImpactReports.Add(report);
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();

        var watch = Stopwatch.StartNew();
        await services.GetRequiredService<ImpactReportRunner>().RunAsync(report.Id, CancellationToken.None);
        var computed = watch.Elapsed;
        var detail = await services.GetRequiredService<ImpactReportReader>().DetailAsync(partnerId, report.Id, CancellationToken.None);
        var pdf = ImpactReportPdf.Write(detail, await services.GetRequiredService<PartnerLetterheads>().ForAsync(partnerId, CancellationToken.None));
        var total = watch.Elapsed;
        Console.WriteLine($"Impact report: {detail.Metrics.ChildrenWithConsent} consented children, {detail.Metrics.ChildrenReached} reached, "
            + $"{detail.Breakdown.Weeks.Count} weeks, {detail.Breakdown.Areas.Count} areas, narrative by {detail.Provider}; figures in "
            + $"{computed.TotalSeconds:F2} s, PDF {pdf.Length / 1024} KB, in {total.TotalSeconds:F2} s");
        return 0;
    }
}
