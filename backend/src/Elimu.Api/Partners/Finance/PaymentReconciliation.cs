using Elimu.Api.Common;
using Elimu.Api.Data;
using Elimu.Api.Data.Locks;
using Elimu.Api.Payments;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Partners.Finance;

/// <summary>
/// <c>Payments:Reconciliation</c>: how often the job looks (ScanSeconds, 300) and how long a payment may wait for its
/// callback before the gateway is asked (PendingMinutes, 10).
/// </summary>
public sealed class ReconciliationOptions
{
    public const string Section = "Payments:Reconciliation";
    public int ScanSeconds { get; set; } = 300;
    public int PendingMinutes { get; set; } = 10;
    /// <summary>At most this many payments per run (oldest first), so a backlog never holds the job for long.</summary>
    public int BatchSize { get; set; } = 100;
}

/// <summary>Asks each gateway about its payments still pending after <see cref="ReconciliationOptions.PendingMinutes"/>: a callback
/// that never came (a dropped M-Pesa callback, a missed webhook) is settled by the provider's own answer.</summary>
public sealed class PaymentReconciler(IServiceScopeFactory scopes, IEnumerable<IPaymentGateway> gateways, TimeProvider clock,
    Microsoft.Extensions.Options.IOptionsMonitor<ReconciliationOptions> options, ILogger<PaymentReconciler> log)
{
    /// <summary>One run; answers how many payments it settled.</summary>
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var settings = options.CurrentValue;
        var before = clock.GetUtcNow().UtcDateTime.AddMinutes(-settings.PendingMinutes);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var results = scope.ServiceProvider.GetRequiredService<IPaymentResults>();
        var pending = await db.PartnerPayments.AsNoTracking()
            .Where(p => p.Status == PaymentStatus.pending && p.TransactionReference != null && p.CreatedAt < before)
            .OrderBy(p => p.CreatedAt).Take(settings.BatchSize)
            .Select(p => new { p.Id, p.PaymentGateway, Reference = p.TransactionReference! }).ToListAsync(ct);
        var settled = 0;
        foreach (var payment in pending)
        {
            if (gateways.FirstOrDefault(g => g.Gateway == payment.PaymentGateway && g.IsConfigured) is not { } gateway) continue;
            try
            {
                var answer = await gateway.QueryAsync(payment.Reference, ct);
                if (answer.State != GatewayState.Pending && await results.ApplyAsync(answer, ct) == ResultApplied.Applied) settled++;
            }
            catch (GatewayUnavailableException e)
            {
                log.LogWarning(e, "Reconciliation could not ask {Gateway} about payment {PaymentId}; it asks again next run", payment.PaymentGateway, payment.Id);
            }
        }
        return settled;
    }
}

/// <summary>Runs <see cref="PaymentReconciler"/> on one instance at a time (<see cref="JobLeadership"/>, as DigestJob).</summary>
public sealed class PaymentReconciliationJob(PaymentReconciler reconciler, JobLeadership leadership,
    Microsoft.Extensions.Options.IOptionsMonitor<ReconciliationOptions> options, TimeProvider clock, ILogger<PaymentReconciliationJob> log) : BackgroundService
{
    public const string Job = "payment-reconciliation";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, options.CurrentValue.ScanSeconds)), clock);
        try
        {
            while (await timer.WaitForNextTickOnPoolAsync(stoppingToken))
            {
                try
                {
                    if (await leadership.LeadsAsync(Job, stoppingToken)) await reconciler.RunAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    log.LogWarning(e, "The payment reconciliation failed; it runs again at the next tick");
                }
            }
        }
        finally
        {
            await leadership.StepDownAsync(Job);
        }
    }
}
