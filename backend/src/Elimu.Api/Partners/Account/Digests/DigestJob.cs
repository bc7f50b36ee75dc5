using Elimu.Api.Common;
using Elimu.Api.Data.Locks;

namespace Elimu.Api.Partners.Account.Digests;

/// <summary>
/// Runs <see cref="DigestRunner"/> every few minutes (Digests:ScanSeconds, 300 by default) on one instance at a time
/// (<see cref="JobLeadership"/>, as <see cref="Dashboard.ChildAlertWatcher"/>). Leadership keeps the work on one
/// instance; the sent-digests key keeps a period to one mail even when two runs overlap (a handover, a restart).
/// </summary>
public sealed class DigestJob(DigestRunner runner, JobLeadership leadership, IConfiguration configuration, TimeProvider clock,
    ILogger<DigestJob> log) : BackgroundService
{
    public const string Job = "partner-digests";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(Math.Max(1, configuration.GetValue("Digests:ScanSeconds", 300)));
        using var timer = new PeriodicTimer(interval, clock);
        try
        {
            while (await timer.WaitForNextTickOnPoolAsync(stoppingToken))
            {
                try
                {
                    if (await leadership.LeadsAsync(Job, stoppingToken)) await runner.SendDueAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    log.LogWarning(e, "The digest run failed; it runs again at the next tick");
                }
            }
        }
        finally
        {
            await leadership.StepDownAsync(Job);
        }
    }
}
