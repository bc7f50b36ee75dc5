using Elimu.Api.Common;
using Elimu.Api.Data.Locks;
using Microsoft.Extensions.Options;

namespace Elimu.Api.Partners.Finance.Dunning;

/// <summary>
/// Runs <see cref="RenewalRunner"/> every Billing:Dunning:ScanSeconds on one instance at a time (<see cref="JobLeadership"/>,
/// as the reconciliation and digest jobs). Leadership keeps the work on one instance; the invoice's unique period and the
/// conditional updates keep each step to once even when two runs overlap (a handover, a restart).
/// </summary>
public sealed class RenewalJob(RenewalRunner runner, JobLeadership leadership, IOptionsMonitor<DunningOptions> options, TimeProvider clock,
    ILogger<RenewalJob> log) : BackgroundService
{
    public const string Job = "subscription-renewal";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, options.CurrentValue.ScanSeconds)), clock);
        try
        {
            while (await timer.WaitForNextTickOnPoolAsync(stoppingToken))
            {
                try
                {
                    if (await leadership.LeadsAsync(Job, stoppingToken)) await runner.RunAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    log.LogWarning(e, "The renewal run failed; it runs again at the next tick");
                }
            }
        }
        finally
        {
            await leadership.StepDownAsync(Job);
        }
    }
}
