using Elimu.Api.Common;
using Elimu.Api.Data;
using Elimu.Api.Partners.Profiles;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Elimu.Api.Partners.Finance;

/// <summary>
/// Issues a subscription's invoice for its current period: one full line per child billable on the period's first day,
/// and one pro-rata line per child who became billable during the previous period (from that day to its end, charged
/// once). Tax follows the partner profile's tax_exempt and tax_id. The number is taken in the same transaction.
/// </summary>
public sealed class InvoiceIssuer(AppDbContext db, Subscriptions subscriptions, BillableChildren billable, PriceBook prices, PartnerTaxes taxes,
    IOptionsMonitor<BillingOptions> options, TimeProvider clock)
{
    /// <summary>
    /// What the partner should pay now: the subscription's oldest open invoice, else the current period's (issued now if it
    /// has none). 409 nothing_due when the current period is paid.
    /// </summary>
    public async Task<PartnerInvoice> DueAsync(PartnerSubscription subscription, CancellationToken ct)
    {
        var open = await db.PartnerInvoices.Where(i => i.SubscriptionId == subscription.Id && i.Status == InvoiceStatus.open)
            .OrderBy(i => i.PeriodStart).FirstOrDefaultAsync(ct);
        if (open is not null) return open;
        Subscriptions.ThrowIfClosed(subscription);
        subscriptions.RollForward(subscription);
        await db.SaveChangesAsync(ct);
        var window = Subscriptions.WindowOf(subscription);
        var current = await ForPeriodAsync(subscription.Id, window.Start, ct) ?? (await IssueAsync(subscription, window, ct)).Invoice;
        if (current.Status != InvoiceStatus.open)
            throw DomainException.Conflict("nothing_due", $"Invoice {current.Number} for this period is already paid; the next one is due on {window.End:yyyy-MM-dd}.");
        return current;
    }

    /// <summary>
    /// What "pay now" would charge, without issuing anything: the invoice <see cref="DueAsync"/> would pick (the oldest open
    /// one), else the current period's draft as it would be issued now. The pay dialog quotes this, not today's children ×
    /// price, which may differ from an invoice issued earlier.
    /// </summary>
    public async Task<DueInvoice> PreviewDueAsync(PartnerSubscription subscription, CancellationToken ct)
    {
        var open = await db.PartnerInvoices.AsNoTracking().Where(i => i.SubscriptionId == subscription.Id && i.Status == InvoiceStatus.open)
            .OrderBy(i => i.PeriodStart)
            .Select(i => new DueInvoice(i.Id, i.Number, i.PeriodStart, i.PeriodEnd, i.Lines.Select(l => l.SponsoredChildId).Distinct().Count(),
                i.Subtotal, i.TaxAmount, i.Total, i.Currency, true))
            .FirstOrDefaultAsync(ct);
        if (open is not null) return open;
        Subscriptions.ThrowIfClosed(subscription);
        subscriptions.RollForward(subscription); // as of today; nothing is saved
        var window = Subscriptions.WindowOf(subscription);
        if (await ForPeriodAsync(subscription.Id, window.Start, ct) is { } current)
            throw DomainException.Conflict("nothing_due", $"Invoice {current.Number} for this period is already paid; the next one is due on {window.End:yyyy-MM-dd}.");
        var draft = await DraftAsync(subscription, window, ct);
        foreach (var line in draft.Lines) db.Entry(line).State = EntityState.Detached;
        return new DueInvoice(null, null, draft.PeriodStart, draft.PeriodEnd, draft.Lines.Select(l => l.SponsoredChildId).Distinct().Count(),
            draft.Subtotal, draft.TaxAmount, draft.Total, draft.Currency, false);
    }

    /// <summary>
    /// The renewal job's step: the subscription's current period's invoice, issued now if it has none. Issued is false when
    /// it already existed (a second run, another instance): only the run that issued it charges and tells the partner.
    /// </summary>
    public async Task<(PartnerInvoice Invoice, bool Issued)> RenewAsync(PartnerSubscription subscription, CancellationToken ct)
    {
        var window = Subscriptions.WindowOf(subscription);
        if (await ForPeriodAsync(subscription.Id, window.Start, ct) is { } existing) return (existing, false);
        return await IssueAsync(subscription, window, ct);
    }

    private Task<PartnerInvoice?> ForPeriodAsync(Guid subscriptionId, DateOnly start, CancellationToken ct) =>
        db.PartnerInvoices.FirstOrDefaultAsync(i => i.SubscriptionId == subscriptionId && i.PeriodStart == start && i.Status != InvoiceStatus.@void, ct);

    private async Task<(PartnerInvoice Invoice, bool Issued)> IssueAsync(PartnerSubscription subscription, BillingWindow window, CancellationToken ct)
    {
        var invoice = await DraftAsync(subscription, window, ct);
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            invoice.IssuedAt = clock.GetUtcNow().UtcDateTime;
            var year = Subscriptions.DayOf(invoice.IssuedAt).Year;
            invoice.Number = InvoiceNumbers.Format(year, await InvoiceNumbers.NextAsync(db, year, ct));
            db.PartnerInvoices.Add(invoice);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return (invoice, true);
        }
        catch (DbUpdateException e) when (DatabaseConflicts.IsUniqueViolation(e))
        {
            // Another request issued this period's invoice first; its number stands and ours was rolled back with us.
            db.Entry(invoice).State = EntityState.Detached;
            foreach (var line in invoice.Lines) db.Entry(line).State = EntityState.Detached;
            return (await ForPeriodAsync(subscription.Id, window.Start, ct)
                ?? throw new InvalidOperationException("An invoice of this period was in the way but cannot be read.", e), false);
        }
    }

    /// <summary>The invoice's lines and totals, without a number yet.</summary>
    public async Task<PartnerInvoice> DraftAsync(PartnerSubscription subscription, BillingWindow window, CancellationToken ct)
    {
        var price = (await prices.ForAsync(subscription.PartnerId, subscription.ProgramId, window.Start, ct)).Price;
        var children = await billable.OfProgramAsync(subscription.PartnerId, subscription.ProgramId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var countAt = window.StartUtc < now ? window.StartUtc : now;
        var lines = children.Where(c => c.BillableAt(countAt)).Select(c => new PartnerInvoiceLine
        {
            SponsoredChildId = c.Id, Description = $"{c.Name}: {window.Start:d MMM yyyy} to {window.End.AddDays(-1):d MMM yyyy}",
            PeriodStart = window.Start, PeriodEnd = window.End, UnitPrice = price.Amount, DaysCharged = window.Days,
            PeriodDays = window.Days, Amount = price.Amount,
        }).ToList();
        lines.AddRange(await ProRataAsync(subscription, window, children, price, ct));

        var partnerTax = await taxes.ForAsync(subscription.PartnerId, ct);
        var exempt = partnerTax.Exempt;
        var rate = exempt ? 0m : options.CurrentValue.TaxRate;
        var subtotal = lines.Sum(l => l.Amount);
        var tax = decimal.Round(subtotal * rate, 2, MidpointRounding.AwayFromZero);
        return new PartnerInvoice
        {
            PartnerId = subscription.PartnerId, SubscriptionId = subscription.Id, PeriodStart = window.Start, PeriodEnd = window.End,
            Currency = price.Currency, Subtotal = subtotal, TaxRate = rate, TaxAmount = tax, Total = subtotal + tax,
            TaxExempt = exempt, TaxId = partnerTax.TaxId, Lines = lines,
        };
    }

    /// <summary>
    /// Children who became billable during the previous period (while the subscription ran), charged from that day to the
    /// period's end: price × days / the period's days, rounded to the cent. Never twice for the same child and period.
    /// </summary>
    private async Task<List<PartnerInvoiceLine>> ProRataAsync(PartnerSubscription subscription, BillingWindow window,
        IReadOnlyList<BillableChild> children, Money price, CancellationToken ct)
    {
        if (subscriptions.Periods.Before(subscription.BillingPeriod, subscription.AnchorDate, window) is not { } previous) return [];
        if (previous.End <= Subscriptions.DayOf(subscription.CreatedAt)) return [];
        var charged = (await db.PartnerInvoiceLines
                .Where(l => db.PartnerInvoices.Any(i => i.Id == l.InvoiceId && i.SubscriptionId == subscription.Id && i.Status != InvoiceStatus.@void)
                    && l.PeriodStart >= previous.Start && l.PeriodStart < previous.End)
                .Select(l => l.SponsoredChildId).ToListAsync(ct)).ToHashSet();
        var lines = new List<PartnerInvoiceLine>();
        foreach (var child in children)
        {
            if (charged.Contains(child.Id) || child.BecameBillableWithin(previous.StartUtc, previous.EndUtc) is not { } since) continue;
            var from = Subscriptions.DayOf(since);
            var days = previous.End.DayNumber - from.DayNumber;
            if (days <= 0) continue;
            lines.Add(new PartnerInvoiceLine
            {
                SponsoredChildId = child.Id, Prorated = true,
                Description = $"{child.Name}: {from:d MMM yyyy} to {previous.End.AddDays(-1):d MMM yyyy} (pro rata, {days} of {previous.Days} days)",
                PeriodStart = from, PeriodEnd = previous.End, UnitPrice = price.Amount, DaysCharged = days, PeriodDays = previous.Days,
                Amount = decimal.Round(price.Amount * days / previous.Days, 2, MidpointRounding.AwayFromZero),
            });
        }
        return lines;
    }
}
