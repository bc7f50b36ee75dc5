using Elimu.Api.Common;
using Elimu.Api.Data;
using Elimu.Api.Data.Locks;
using Elimu.Api.Partners.Alerts;
using Elimu.Api.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Partners.Dashboard;

/// <summary>
/// A child crosses an alert threshold (inactive for days, a falling score, too few minutes, a goal at risk) by time
/// passing and by learning, not by any partner request, so nothing else would raise the alert. Every few minutes this
/// scans every partner's children against their thresholds (<see cref="AlertScan"/>: raises and resolves the stored
/// alerts), recomputes the partner's counters and pushes those that changed to the partner's group, which reaches their dashboards on every instance (through the Redis backplane when there are several).
/// It is a job: one instance runs it (<see cref="JobLeadership"/>), the others skip their ticks, so no figure is
/// computed or pushed twice.
/// </summary>
public sealed class ChildAlertWatcher(IServiceScopeFactory scopes, JobLeadership leadership, IConfiguration configuration,
    TimeProvider clock, ILogger<ChildAlertWatcher> log) : BackgroundService
{
    public const string Job = "child-alerts";
    private readonly Dictionary<Guid, RealtimeCounters> _lastSent = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(Math.Max(1, configuration.GetValue("Realtime:AlertScanSeconds", 300)));
        using var timer = new PeriodicTimer(interval, clock);
        try
        {
            // The first scan runs at start: the alerts are stored, so until it runs every dashboard would count none.
            do
            {
                try
                {
                    if (await leadership.LeadsAsync(Job, stoppingToken)) await ScanAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    log.LogWarning(e, "The child-alert scan failed; it runs again at the next tick");
                }
            } while (await timer.WaitForNextTickOnPoolAsync(stoppingToken));
        }
        finally
        {
            await leadership.StepDownAsync(Job);
        }
    }

    private async Task ScanAsync(CancellationToken ct)
    {
        List<Guid> partners;
        using (var scope = scopes.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            partners = await db.UserRoles.Where(ur => db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Partner))
                .Select(ur => ur.UserId).ToListAsync(ct);
        }
        foreach (var partnerId in partners)
        {
            try
            {
                using var scope = scopes.CreateScope();
                await scope.ServiceProvider.GetRequiredService<AlertScan>().ScanAsync(partnerId, ct);
                var counters = await scope.ServiceProvider.GetRequiredService<PartnerCounters>().ComputeAsync(partnerId, ct);
                if (_lastSent.TryGetValue(partnerId, out var previous) && previous == counters) continue;
                await scope.ServiceProvider.GetRequiredService<PartnerCountersPublisher>().SendAsync(partnerId, counters, ct);
                _lastSent[partnerId] = counters;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Could not refresh the counters of partner {PartnerId}", partnerId);
            }
        }
    }
}
