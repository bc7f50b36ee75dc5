using Elimu.Api.Data;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Partners.Finance.Dunning;

/// <summary>What a run did: subscriptions looked at and the steps taken.</summary>
public sealed record RenewalReport(int Subscriptions, int Issued, int Charged, int PastDue, int Retried, int Expired, int Failed);

/// <summary>
/// One renewal run: every subscription due for renewal, past due, or with an unpaid invoice is taken through
/// <see cref="SubscriptionDunning"/>, each in a scope of its own so one subscription's failure stops no other.
/// </summary>
public sealed class RenewalRunner(IServiceScopeFactory scopes, TimeProvider clock, ILogger<RenewalRunner> log)
{
    public async Task<RenewalReport> RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        List<Guid> ids;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            ids = await db.PartnerSubscriptions.AsNoTracking()
                .Where(s => (s.Status == SubscriptionStatus.ACTIVE && s.NextBillingDate <= now) || s.Status == SubscriptionStatus.PAST_DUE
                    || (s.Status == SubscriptionStatus.ACTIVE && db.PartnerInvoices.Any(i => i.SubscriptionId == s.Id && i.Status == InvoiceStatus.open)))
                .OrderBy(s => s.NextBillingDate).ThenBy(s => s.Id).Select(s => s.Id).ToListAsync(ct);
        }
        var counts = new Dictionary<DunningSteps, int>();
        var failed = 0;
        foreach (var id in ids)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var steps = await scope.ServiceProvider.GetRequiredService<SubscriptionDunning>().RunAsync(id, ct);
                foreach (var step in Enum.GetValues<DunningSteps>().Where(f => f != DunningSteps.None && steps.HasFlag(f)))
                    counts[step] = counts.GetValueOrDefault(step) + 1;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                failed++;
                log.LogError(e, "Renewal of subscription {SubscriptionId} failed; it is tried again next run", id);
            }
        }
        return new RenewalReport(ids.Count, counts.GetValueOrDefault(DunningSteps.Issued), counts.GetValueOrDefault(DunningSteps.Charged),
            counts.GetValueOrDefault(DunningSteps.PastDue), counts.GetValueOrDefault(DunningSteps.Retried), counts.GetValueOrDefault(DunningSteps.Expired), failed);
    }
}
