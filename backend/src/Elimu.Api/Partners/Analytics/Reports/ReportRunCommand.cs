using System.Diagnostics;
using Elimu.Api.Data;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Partners.Analytics.Reports;

/// <summary>
/// `report-run [email]`: runs three definitions (by county, by program, by month; 90 days) for the partner (default the
/// scale partner of bench/ScaleSeed) twice each, and prints each second run's time: what bench/custom-report.sh times.
/// </summary>
public static class ReportRunCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        var email = (args.FirstOrDefault() ?? "scale@elimu.demo").ToUpperInvariant();
        var db = services.GetRequiredService<AppDbContext>();
        var partnerId = await db.Users.Where(u => u.NormalizedEmail == email).Select(u => (Guid?)u.Id).SingleOrDefaultAsync();
        if (partnerId is null) { Console.Error.WriteLine($"No partner {email}."); return 1; }
        var runner = services.GetRequiredService<RunCustomReport>();
        var slowest = 0.0;
        foreach (var (groupBy, metrics) in new[]
                 {
                     ("county", new List<string> { "consented_children", "active_children", "learning_hours", "average_score" }),
                     ("program", new List<string> { "consented_children", "active_children", "learning_hours", "lessons_completed" }),
                     ("month", new List<string> { "active_children", "learning_hours", "average_score" }),
                 })
        {
            var report = new PartnerCustomReport
            {
                PartnerId = partnerId.Value, Name = $"Bench by {groupBy}",
                Definition = new ReportDefinition { Metrics = metrics, GroupBy = groupBy, ChartType = "bar", Filters = new ReportFilters { LastDays = 90 } },
            };
            await runner.RunAsync(partnerId.Value, report, CancellationToken.None); // warm: plans, connections
            var watch = Stopwatch.StartNew();
            var run = await runner.RunAsync(partnerId.Value, report, CancellationToken.None);
            var ms = watch.Elapsed.TotalMilliseconds;
            slowest = Math.Max(slowest, ms);
            Console.WriteLine($"report by {groupBy}: {run.Rows.Count} rows, total {run.Totals.GetValueOrDefault(metrics[0])} {metrics[0]}, in {ms:F0} ms");
        }
        Console.WriteLine($"Slowest run: {slowest:F0} ms");
        return 0;
    }
}
