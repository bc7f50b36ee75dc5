using Elimu.Api.Data.Seeding;
using Elimu.Api.Platform.Identity;
using Elimu.Api.Platform.Learning.Rollups;
using Elimu.Api.Platform.ServiceKeys;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Data;

/// <summary>The `migrate` and `seed` commands of ./elimu, and the preparation `./elimu run` asks for.</summary>
public static class DatabaseCommands
{
    /// <summary>The command word among the arguments (the rest are host settings such as --contentRoot), if any.</summary>
    public static string? CommandIn(string[] args) => args.FirstOrDefault(a => a is "migrate" or "seed" or "rollups" or "service-key" or "renew"
        or "impact-report" or "report-run" or "progress-letters");

    public static async Task<int> RunAsync(WebApplication app, string command, string[] args)
    {
        using var scope = app.Services.CreateScope();
        var log = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("Elimu.Database");
        await MigrateAsync(scope.ServiceProvider, log);
        var rest = args.SkipWhile(a => a != command).Skip(1).Where(a => !a.StartsWith("--")).ToArray();
        if (command == "rollups") return await RollupCommand.RunAsync(scope.ServiceProvider, rest);
        if (command == "service-key") return await ServiceKeyCommand.RunAsync(scope.ServiceProvider, rest);
        if (command == "report-run") return await Partners.Analytics.Reports.ReportRunCommand.RunAsync(scope.ServiceProvider, rest);
        if (command == "renew")
        {
            // One renewal run now, as the job runs it (for operators, and timed by bench/finance-renewal.sh).
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var report = await app.Services.GetRequiredService<Partners.Finance.Dunning.RenewalRunner>().RunAsync(CancellationToken.None);
            Console.WriteLine($"Renewal run: {report.Subscriptions} subscriptions looked at, {report.Issued} invoices issued, {report.Charged} charged, "
                + $"{report.PastDue} past due, {report.Retried} retried, {report.Expired} expired, {report.Failed} failed, in {watch.Elapsed.TotalSeconds:F2} s");
            return report.Failed == 0 ? 0 : 1;
        }
        if (command == "impact-report") return await Partners.Analytics.ImpactReportCommand.RunAsync(scope.ServiceProvider, rest);
        if (command == "progress-letters") return await Partners.Analytics.Letters.ProgressLetterCommand.RunAsync(scope.ServiceProvider, rest);
        if (command != "seed") return 0;

        var result = await DemoSeeder.RunAsync(scope.ServiceProvider);
        Console.WriteLine(result.Seeded
            ? $"Seeded demo data: {result.Users} users, {result.Students} students, {result.Programs} programs, {result.SponsoredChildren} sponsored children, {result.ActivitySessions} activity sessions."
            : "Demo data already present; nothing added.");
        return 0;
    }

    /// <summary>Applies this provider's migrations and makes sure the platform roles exist.</summary>
    public static async Task MigrateAsync(IServiceProvider services, ILogger log)
    {
        var db = services.GetRequiredService<AppDbContext>();
        await db.Database.MigrateAsync();
        log.LogInformation("Database schema at {Migration}", (await db.Database.GetAppliedMigrationsAsync()).LastOrDefault());
        await RoleSetup.EnsureRolesAsync(services);
    }

    /// <summary>Migrate, then seed the demo data unless in Production or already there (./elimu run).</summary>
    public static async Task PrepareAsync(WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        await MigrateAsync(scope.ServiceProvider, app.Logger);
        if (!app.Environment.IsProduction()) await DemoSeeder.RunAsync(scope.ServiceProvider);
    }
}
