namespace Elimu.Api.Partners.Dashboard;

/// <summary>
/// A child becomes "inactive 7+ days" by time passing, not by any request, so nothing else would push the new
/// alert. Every few minutes this recomputes the counters of the partners watching a dashboard on this instance
/// and pushes those that changed. Each instance watches only its own connections, so it is safe to scale out.
/// </summary>
public sealed class ChildAlertWatcher(IServiceScopeFactory scopes, ConnectedPartners connected, IConfiguration configuration,
    TimeProvider clock, ILogger<ChildAlertWatcher> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(Math.Max(1, configuration.GetValue("Realtime:AlertScanSeconds", 300)));
        using var timer = new PeriodicTimer(interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            foreach (var partnerId in connected.Partners)
            {
                try
                {
                    using var scope = scopes.CreateScope();
                    var counters = await scope.ServiceProvider.GetRequiredService<PartnerCounters>().ComputeAsync(partnerId, stoppingToken);
                    if (connected.Changed(partnerId, counters))
                        await scope.ServiceProvider.GetRequiredService<PartnerCountersPublisher>().SendAsync(partnerId, counters, stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    log.LogWarning(e, "Could not refresh the counters of partner {PartnerId}", partnerId);
                }
            }
        }
    }
}
