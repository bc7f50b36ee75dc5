using Elimu.Api.Common;
using Elimu.Api.Data;
using Elimu.Api.Partners.Sponsorships;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Elimu.Api.Partners.Finance;

/// <summary>
/// Plan Step 4's partner_subscription_service: a subscription's periods and its derived figures. Periods move forward
/// when their end has passed (a pending change of billing period applies then); the children and the amount are counted
/// from consent on the period's first day, never stored from the client.
/// </summary>
public sealed class Subscriptions(AppDbContext db, BillableChildren children, PriceBook prices, ProgramListings programs,
    IOptionsMonitor<BillingOptions> options, BillingStanding standing, TimeProvider clock)
{
    public BillingPeriods Periods => new(options.CurrentValue.Terms);

    public DateOnly Today => NairobiTime.Today(clock);

    public static BillingWindow WindowOf(PartnerSubscription s) => new(DayOf(s.CurrentPeriodStart), DayOf(s.CurrentPeriodEnd));

    public static DateOnly DayOf(DateTime utc) => DateOnly.FromDateTime(NairobiTime.ToNairobi(utc));

    /// <summary>The partner's subscription (404 for another partner's: no hint that it exists).</summary>
    public async Task<PartnerSubscription> OwnAsync(Guid partnerId, Guid id, CancellationToken ct) =>
        await db.PartnerSubscriptions.FirstOrDefaultAsync(s => s.Id == id && s.PartnerId == partnerId, ct)
        ?? throw DomainException.NotFound("Subscription");

    public async Task<PartnerSubscription> CreateAsync(Guid partnerId, CreateSubscriptionRequest r, CancellationToken ct)
    {
        new Validation().Check(r.ProgramId is not null, "programId", "Choose the program to subscribe.").ThrowIfInvalid();
        var program = await programs.OfPartner(partnerId).FirstOrDefaultAsync(p => p.Id == r.ProgramId, ct)
            ?? throw DomainException.NotFound("Sponsorship program");
        if (program.Status != ProgramStatus.ACTIVE)
            throw DomainException.Conflict("program_not_active", "Only an approved, active program can be subscribed.");
        if (await db.PartnerSubscriptions.AnyAsync(s => s.ProgramId == program.Id && (s.Status == SubscriptionStatus.ACTIVE || s.Status == SubscriptionStatus.PAST_DUE), ct))
            throw DomainException.Conflict("subscription_exists", "This program already has a running subscription; change its period instead.");
        await CheckMethodAsync(partnerId, r.PaymentMethodId, ct);

        var kind = r.BillingPeriod ?? program.BillingPeriod;
        var today = Today;
        var window = Periods.Containing(kind, today, today);
        var subscription = new PartnerSubscription
        {
            PartnerId = partnerId, ProgramId = program.Id, BillingPeriod = kind, AnchorDate = window.Start,
            CurrentPeriodStart = window.StartUtc, CurrentPeriodEnd = window.EndUtc,
            AutoRenew = r.AutoRenew ?? true, PaymentMethodId = r.PaymentMethodId, Currency = program.Currency,
        };
        subscription.NextBillingDate = Periods.After(kind, subscription.AnchorDate, window).StartUtc;
        await RefreshFiguresAsync(subscription, ct);
        db.PartnerSubscriptions.Add(subscription);
        await db.SaveChangesAsync(ct);
        return subscription;
    }

    public async Task<PartnerSubscription> UpdateAsync(Guid partnerId, Guid id, UpdateSubscriptionRequest r, CancellationToken ct)
    {
        var subscription = await OwnAsync(partnerId, id, ct);
        ThrowIfClosed(subscription);
        RollForward(subscription);
        await CheckMethodAsync(partnerId, r.PaymentMethodId, ct);
        if (r.BillingPeriod is { } kind)
        {
            subscription.PendingBillingPeriod = kind == subscription.BillingPeriod ? null : kind;
            // The next period is the new kind's: a switch to termly begins with the next term.
            var next = NextWindow(subscription);
            subscription.NextBillingDate = next.StartUtc;
        }
        if (r.AutoRenew is { } autoRenew) subscription.AutoRenew = autoRenew;
        if (r.PaymentMethodId is { } method) subscription.PaymentMethodId = method;
        subscription.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await RefreshFiguresAsync(subscription, ct);
        await db.SaveChangesAsync(ct);
        return subscription;
    }

    /// <summary>Cancelling keeps the subscription, its invoices and payments as history; nothing renews after.</summary>
    public async Task<PartnerSubscription> CancelAsync(Guid partnerId, Guid id, CancellationToken ct)
    {
        var subscription = await OwnAsync(partnerId, id, ct);
        if (subscription.Status != SubscriptionStatus.CANCELLED)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            subscription.Status = SubscriptionStatus.CANCELLED;
            subscription.CancelledAt = now;
            subscription.AutoRenew = false;
            subscription.PendingBillingPeriod = null;
            subscription.NextBillingDate = null;
            subscription.UpdatedAt = now;
            await db.SaveChangesAsync(ct);
        }
        return subscription;
    }

    public static void ThrowIfClosed(PartnerSubscription s)
    {
        if (s.Status is SubscriptionStatus.CANCELLED or SubscriptionStatus.EXPIRED)
            throw DomainException.Conflict("subscription_closed", $"This subscription is {s.Status.ToString().ToLowerInvariant()}; start a new one.");
    }

    /// <summary>Moves the current period forward to the one that contains today, applying a pending change of period.</summary>
    public void RollForward(PartnerSubscription s)
    {
        var today = Today;
        var window = WindowOf(s);
        while (today >= window.End && s.Status is SubscriptionStatus.ACTIVE or SubscriptionStatus.PAST_DUE)
        {
            window = NextWindow(s);
            if (s.PendingBillingPeriod is { } kind)
            {
                s.BillingPeriod = kind;
                s.PendingBillingPeriod = null;
                s.AnchorDate = window.Start;
            }
            s.CurrentPeriodStart = window.StartUtc;
            s.CurrentPeriodEnd = window.EndUtc;
            s.NextBillingDate = NextWindow(s).StartUtc;
        }
    }

    /// <summary>The period after the current one, in the kind it will have (the pending one, if any).</summary>
    public BillingWindow NextWindow(PartnerSubscription s)
    {
        var current = WindowOf(s);
        if (s.PendingBillingPeriod is not { } kind) return Periods.After(s.BillingPeriod, s.AnchorDate, current);
        return kind == BillingPeriod.termly
            ? Periods.After(BillingPeriod.termly, current.End, current)
            : Periods.Containing(kind, current.End, current.End);
    }

    /// <summary>Price per child on the period's first day × children billable then (or now, before it begins).</summary>
    public async Task<(ChildPrice Price, int Children)> FiguresAsync(PartnerSubscription s, CancellationToken ct)
    {
        var window = WindowOf(s);
        var price = await prices.ForAsync(s.PartnerId, s.ProgramId, window.Start, ct);
        return (price, await children.CountAtAsync(s.PartnerId, s.ProgramId, CountedAt(window), ct));
    }

    /// <summary>The instant a period's children are counted at: its first moment, or now while it has not begun.</summary>
    private DateTime CountedAt(BillingWindow window) =>
        window.StartUtc < clock.GetUtcNow().UtcDateTime ? window.StartUtc : clock.GetUtcNow().UtcDateTime;

    public async Task RefreshFiguresAsync(PartnerSubscription s, CancellationToken ct)
    {
        var (price, count) = await FiguresAsync(s, ct);
        s.AmountPerChild = price.Price.Amount;
        s.Currency = price.Price.Currency;
        s.TotalChildren = count;
        s.TotalAmount = price.Price.Amount * count;
    }

    public async Task<SubscriptionItem> ItemAsync(PartnerSubscription s, CancellationToken ct) =>
        (await ItemsAsync(s.PartnerId, [s], ct)).Single();

    /// <summary>
    /// A partner's list: the names, prices and billable children of all its subscriptions in a fixed number of queries
    /// (five, and one more per past-due subscription), not three per subscription.
    /// </summary>
    public async Task<List<SubscriptionItem>> ItemsAsync(Guid partnerId, IReadOnlyList<PartnerSubscription> rows, CancellationToken ct)
    {
        if (rows.Count == 0) return [];
        var programIds = rows.Select(s => s.ProgramId).Distinct().ToList();
        var names = await programs.All().Where(p => programIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var asks = rows.Select(s => (Row: s, Window: WindowOf(s))).Select(a => (a.Row, a.Window, At: CountedAt(a.Window))).ToList();
        var price = await prices.ForManyAsync(partnerId, asks.Select(a => (a.Row.ProgramId, a.Window.Start)).ToList(), ct);
        var count = await children.CountsAtAsync(partnerId, asks.Select(a => (a.Row.ProgramId, a.At)).ToList(), ct);
        var items = new List<SubscriptionItem>(rows.Count);
        foreach (var (s, window, at) in asks)
            items.Add(await ItemAsync(s, names.GetValueOrDefault(s.ProgramId, ""), window, price[(s.ProgramId, window.Start)], count[(s.ProgramId, at)], ct));
        return items;
    }

    private async Task<SubscriptionItem> ItemAsync(PartnerSubscription s, string programName, BillingWindow window, ChildPrice price, int count,
        CancellationToken ct) =>
        new(s.Id, s.ProgramId, programName, s.Status, s.BillingPeriod, s.PendingBillingPeriod,
            price.Price.Amount, count, price.Price.Amount * count, price.Price.Currency, price.Custom, window.Start, window.End,
            s.NextBillingDate is { } next ? DayOf(next) : null, s.AutoRenew, s.PaymentMethodId, s.CancelledAt, s.CreatedAt,
            await StandingAsync(s, ct));

    /// <summary>The name of the subscription's program, as notices and documents call it.</summary>
    public Task<string?> ProgramNameAsync(PartnerSubscription s, CancellationToken ct) => programs.NameAsync(s.ProgramId, ct);

    private async Task<PastDueStanding?> StandingAsync(PartnerSubscription s, CancellationToken ct)
    {
        if (s.PastDueSince is not { } since || s.Status is not (SubscriptionStatus.PAST_DUE or SubscriptionStatus.EXPIRED)) return null;
        var invoice = await db.PartnerInvoices.AsNoTracking().Where(i => i.SubscriptionId == s.Id && i.Status == InvoiceStatus.open)
            .OrderBy(i => i.PeriodStart).Select(i => new { i.Id, i.Number, i.Total, i.Currency }).FirstOrDefaultAsync(ct);
        var ends = standing.SuspendsAt(since);
        var left = ends - clock.GetUtcNow().UtcDateTime;
        var suspended = left <= TimeSpan.Zero && await standing.SuspendsNowAsync(s, ct);
        return new PastDueStanding(since, ends, left <= TimeSpan.Zero ? 0 : (int)Math.Ceiling(left.TotalDays), suspended,
            invoice?.Id, invoice?.Number, invoice?.Total, invoice?.Currency ?? s.Currency);
    }

    private async Task CheckMethodAsync(Guid partnerId, Guid? methodId, CancellationToken ct)
    {
        if (methodId is { } id && !await db.PaymentMethods.AnyAsync(m => m.Id == id && m.PartnerId == partnerId, ct))
            throw new ValidationFailedException(new Dictionary<string, string[]> { ["paymentMethodId"] = ["Choose one of your saved payment methods."] });
    }
}
