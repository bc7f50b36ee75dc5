using Elimu.Api.Partners.Consent;
using Elimu.Api.Partners.Dashboard;
using Elimu.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Elimu.Api.Tests.Partners.Dashboard;

public sealed class ChildAlertWatcherTests(ChildAlertWatcherTests.FastScanFactory api) : IClassFixture<ChildAlertWatcherTests.FastScanFactory>
{
    public sealed class FastScanFactory : SeededApiFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Realtime:AlertScanSeconds"] = "1" };
    }

    [Fact]
    public async Task A_child_falling_inactive_reaches_an_open_dashboard_without_any_request()
    {
        using var partner = await api.LoginAsync("partner2@elimu.demo");
        // The counter is the partner's new stored alerts: let a scan store those of the seeded data before the first figure is read.
        var partnerId = await api.WithDbAsync(db => db.Users.Where(u => u.Email == "partner2@elimu.demo").Select(u => u.Id).SingleAsync());
        using (var scope = api.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<Elimu.Api.Partners.Alerts.AlertScan>().ScanAsync(partnerId, CancellationToken.None);
        var hub = new HubLongPollingClient(partner.Http, PartnerHub.Path);
        await hub.ConnectAsync();
        var before = (await hub.NextInvocationAsync(PartnerHub.CountersEvent, TimeSpan.FromSeconds(20))).GetProperty("childAlerts").GetInt32();

        // Time passing is what makes a child inactive; here its recent sessions vanish instead.
        await api.WithDbAsync(async db =>
        {
            // The learning week: the last 7 Nairobi days, today included (ADR 0005).
            var since = Elimu.Api.Platform.Learning.LearningWeek.InactiveBeforeUtc(Elimu.Api.Common.NairobiTime.Today(TimeProvider.System));
            // A child with no open alert: one with too few minutes this week would trade its low-minutes alert for the
            // inactive one (AlertRules raises only the latter), and the count would not move.
            var active = await db.SponsoredChildren
                .Where(c => c.PartnerId == partnerId && ConsentReader.VisibleStatuses.Contains(c.Status)
                    && db.ActivitySessions.Any(s => s.StudentId == c.StudentId && s.StartedAt >= since)
                    && !db.ChildAlerts.Any(a => a.SponsoredChildId == c.Id && a.State != Elimu.Api.Partners.Alerts.ChildAlertState.resolved))
                .OrderBy(c => c.Id).Select(c => c.StudentId).FirstAsync();
            await db.ActivitySessions.Where(s => s.StudentId == active && s.StartedAt >= since).ExecuteDeleteAsync();
            await Elimu.Api.Platform.Learning.Rollups.LearningRollups.RebuildAsync(db, [active]);
        });

        // The connect push and the watcher's first scan can both send the starting figures; skip such repeats.
        var deadline = DateTime.UtcNow.AddSeconds(20);
        int pushed;
        do pushed = (await hub.NextInvocationAsync(PartnerHub.CountersEvent, deadline - DateTime.UtcNow)).GetProperty("childAlerts").GetInt32();
        while (pushed == before && DateTime.UtcNow < deadline);
        Assert.Equal(before + 1, pushed);
    }
}
