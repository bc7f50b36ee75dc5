using Elimu.Api.Data;
using Elimu.Api.Partners.Finance.Dunning;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Elimu.Api.Partners.Finance;

/// <summary>What the partner must pay to restore a suspended program's monitoring.</summary>
/// <param name="SuspendedSince">When the grace window ended.</param>
public sealed record BillingSuspension(Guid ProgramId, Guid SubscriptionId, DateTime SuspendedSince, string? InvoiceNumber, decimal? AmountDue,
    string Currency);

/// <summary>
/// Finance's public answer to "is this program's monitoring suspended for billing?", read by the child-data gate
/// (ChildLearningGate, ChildAccess) so that no other section reads Finance's tables. A program is suspended while its
/// subscription has been past due (or expired by dunning) for longer than <see cref="DunningOptions.GraceDays"/>;
/// payment clears <see cref="PartnerSubscription.PastDueSince"/>, so access returns with the next request. An expired
/// subscription no longer suspends once a newer subscription of the same program is running and has paid an invoice: the
/// partner started over and pays for the program again (the old invoice stays open as a debt, but does not hold the
/// children's monitoring hostage); a new subscription that has paid nothing yet does not lift it. One query on
/// the partner's subscriptions (indexed by partner), cheap enough for every child view.
/// </summary>
public sealed class BillingStanding(AppDbContext db, TimeProvider clock, IOptionsMonitor<DunningOptions> options)
{
    /// <summary>The partner's suspended programs, as a composable query (for the gate's list and count queries).</summary>
    public IQueryable<Guid> SuspendedProgramIds(Guid partnerId) => Suspended(partnerId).Select(s => s.ProgramId);

    public Task<List<Guid>> SuspendedProgramsAsync(Guid partnerId, CancellationToken ct) => SuspendedProgramIds(partnerId).ToListAsync(ct);

    /// <summary>The program's suspension with the invoice to pay, or null when its monitoring runs.</summary>
    public async Task<BillingSuspension?> SuspensionAsync(Guid partnerId, Guid programId, CancellationToken ct)
    {
        var row = await Suspended(partnerId).Where(s => s.ProgramId == programId)
            .Select(s => new
            {
                s.Id, s.ProgramId, PastDueSince = s.PastDueSince!.Value, s.Currency,
                Invoice = db.PartnerInvoices.Where(i => i.SubscriptionId == s.Id && i.Status == InvoiceStatus.open)
                    .OrderBy(i => i.PeriodStart).Select(i => new { i.Number, i.Total, i.Currency }).FirstOrDefault(),
            }).FirstOrDefaultAsync(ct);
        return row is null ? null : new BillingSuspension(row.ProgramId, row.Id, row.PastDueSince.AddDays(options.CurrentValue.GraceDays),
            row.Invoice?.Number, row.Invoice?.Total, row.Invoice?.Currency ?? row.Currency);
    }

    /// <summary>Whether this subscription is what suspends its program now (false once a paid newer one replaced it).</summary>
    public Task<bool> SuspendsNowAsync(PartnerSubscription subscription, CancellationToken ct) =>
        Suspended(subscription.PartnerId).AnyAsync(s => s.Id == subscription.Id, ct);

    /// <summary>When a subscription that went past due at <paramref name="pastDueSince"/> suspends its program.</summary>
    public DateTime SuspendsAt(DateTime pastDueSince) => pastDueSince.AddDays(options.CurrentValue.GraceDays);

    private IQueryable<PartnerSubscription> Suspended(Guid partnerId)
    {
        var cutoff = clock.GetUtcNow().UtcDateTime.AddDays(-options.CurrentValue.GraceDays);
        return db.PartnerSubscriptions.AsNoTracking().Where(s => s.PartnerId == partnerId && s.PastDueSince != null && s.PastDueSince <= cutoff
            && (s.Status == SubscriptionStatus.PAST_DUE
                || (s.Status == SubscriptionStatus.EXPIRED && !db.PartnerSubscriptions.Any(n => n.ProgramId == s.ProgramId && n.CreatedAt > s.CreatedAt
                    && (n.Status == SubscriptionStatus.ACTIVE || n.Status == SubscriptionStatus.PAST_DUE)
                    && db.PartnerInvoices.Any(i => i.SubscriptionId == n.Id && i.Status == InvoiceStatus.paid)))));
    }
}
