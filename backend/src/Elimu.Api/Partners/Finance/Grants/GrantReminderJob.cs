using Elimu.Api.Common;
using Elimu.Api.Data.Locks;

namespace Elimu.Api.Partners.Finance.Grants;

/// <summary>
/// Runs <see cref="GrantReminderRunner"/> every Grants:ReminderScanSeconds on one instance at a time (<see cref="JobLeadership"/>,
/// as the digest job does). Leadership keeps the work on one instance; the sent-reminder key keeps each reminder to one
/// notification even when two runs overlap (a handover, a restart).
/// </summary>
public sealed class GrantReminderJob(GrantReminderRunner runner, GrantReminderOptions options, JobLeadership leadership, TimeProvider clock,
    ILogger<GrantReminderJob> log) : BackgroundService
{
    public const string Job = "grant-reminders";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.ScanInterval, clock);
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
                    log.LogWarning(e, "The grant reminder run failed; it runs again at the next tick");
                }
            }
        }
        finally
        {
            await leadership.StepDownAsync(Job);
        }
    }
}
