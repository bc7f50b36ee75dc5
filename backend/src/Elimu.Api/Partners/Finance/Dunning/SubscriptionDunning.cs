using Elimu.Api.Common;
using Elimu.Api.Data;
using Elimu.Api.Partners.Shared;
using Elimu.Api.Payments;
using Elimu.Api.Platform.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Elimu.Api.Partners.Finance.Dunning;

/// <summary>What one run did to one subscription (the bench and the tests count them).</summary>
[Flags]
public enum DunningSteps { None = 0, Issued = 1, Charged = 2, PastDue = 4, Retried = 8, Expired = 16 }

/// <summary>
/// One subscription's renewal and dunning, in a scope of its own. At <see cref="PartnerSubscription.NextBillingDate"/>
/// the period moves forward and its invoice is issued (<see cref="InvoiceIssuer"/>: numbers, lines, pro rata); with
/// auto-renew and a saved method whose gateway charges unattended (<see cref="IPaymentGateway.ChargesUnattended"/>) it
/// is charged, otherwise the partner is told to pay. A failed charge, or an invoice unpaid past its due date, makes the
/// subscription PAST_DUE; payment is tried again (or the partner reminded) after each of <see cref="DunningOptions.RetryDays"/>,
/// then it expires. Every move is a conditional UPDATE and every charge has its own idempotency key, so two runs at
/// the same clock (a restart, another instance) issue, charge and tell nothing twice.
/// </summary>
public sealed class SubscriptionDunning(AppDbContext db, Subscriptions subscriptions, InvoiceIssuer invoices, InvoicePayments payments,
    IEnumerable<IPaymentGateway> gateways, Notifier notifier, BillingStanding standing, IPartnerCountersChanged counters, TimeProvider clock,
    IOptionsMonitor<DunningOptions> options, ILogger<SubscriptionDunning> log)
{
    /// <summary>Idempotency keys of the job's own charges start with this (the partner's own payments never do).</summary>
    public const string KeyPrefix = "dunning:";

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<DunningSteps> RunAsync(Guid subscriptionId, CancellationToken ct)
    {
        var s = await db.PartnerSubscriptions.FirstOrDefaultAsync(x => x.Id == subscriptionId, ct);
        if (s is null) return DunningSteps.None;
        var steps = s.Status == SubscriptionStatus.ACTIVE && s.NextBillingDate <= Now ? await RenewAsync(s, ct) : DunningSteps.None;
        return steps | await DunAsync(s, ct);
    }

    private async Task<DunningSteps> RenewAsync(PartnerSubscription s, CancellationToken ct)
    {
        subscriptions.RollForward(s);
        await subscriptions.RefreshFiguresAsync(s, ct);
        s.UpdatedAt = Now;
        await db.SaveChangesAsync(ct);
        var (invoice, issued) = await invoices.RenewAsync(s, ct);
        if (!issued) return DunningSteps.None;
        var amount = Kes.Format(new Money(invoice.Total, invoice.Currency));
        var program = await subscriptions.ProgramNameAsync(s, ct) ?? "your program";
        if (invoice.Total <= 0)
        {
            // No billable child this period: nothing to collect.
            invoice.Status = InvoiceStatus.paid;
            invoice.PaidAt = Now;
            await db.SaveChangesAsync(ct);
            return DunningSteps.Issued;
        }
        var method = s.AutoRenew ? await UnattendedMethodAsync(s, ct) : null;
        var due = Subscriptions.DayOf(invoice.IssuedAt.AddDays(options.CurrentValue.PaymentTermDays));
        await notifier.NotifyPartnerAsync(s.PartnerId, new NotificationDraft(NotificationCategory.payment, $"Invoice {invoice.Number}: {amount}",
            method is { } m
                ? $"{program} renewed for {invoice.PeriodStart:d MMM yyyy} to {invoice.PeriodEnd.AddDays(-1):d MMM yyyy}. {Charging(m, amount)}"
                : $"{program} renewed for {invoice.PeriodStart:d MMM yyyy} to {invoice.PeriodEnd.AddDays(-1):d MMM yyyy}. Please pay {amount} by {due:d MMM yyyy}"
                  + (s.AutoRenew ? " (your saved payment method needs you to approve each payment)." : "."),
            PaymentResults.BillingLink), ct);
        await db.SaveChangesAsync(ct);
        if (method is null) return DunningSteps.Issued;
        await ChargeAsync(s, invoice, method, attempt: 0, ct);
        return DunningSteps.Issued | DunningSteps.Charged;
    }

    private async Task<DunningSteps> DunAsync(PartnerSubscription s, CancellationToken ct)
    {
        if (s.Status is not (SubscriptionStatus.ACTIVE or SubscriptionStatus.PAST_DUE)) return DunningSteps.None;
        var open = await db.PartnerInvoices.AsNoTracking().Where(i => i.SubscriptionId == s.Id && i.Status == InvoiceStatus.open)
            .OrderBy(i => i.PeriodStart).FirstOrDefaultAsync(ct);
        if (open is null) return DunningSteps.None;
        var attempts = await db.PartnerPayments.AsNoTracking().Where(p => p.InvoiceId == open.Id)
            .Select(p => new { p.Status, p.IdempotencyKey }).ToListAsync(ct);
        // A payment on its way (the job's or the partner's): wait for the gateway's answer.
        if (attempts.Any(p => p.Status == PaymentStatus.pending)) return DunningSteps.None;
        var settings = options.CurrentValue;
        var now = Now;
        var amount = Kes.Format(new Money(open.Total, open.Currency));
        var program = await subscriptions.ProgramNameAsync(s, ct) ?? "your program";

        if (s.Status == SubscriptionStatus.ACTIVE)
        {
            var chargeFailed = attempts.Any(p => p.Status == PaymentStatus.failed && p.IdempotencyKey!.StartsWith(KeyPrefix));
            if (!chargeFailed && now < open.IssuedAt.AddDays(settings.PaymentTermDays)) return DunningSteps.None;
            var moved = await db.PartnerSubscriptions.Where(x => x.Id == s.Id && x.Status == SubscriptionStatus.ACTIVE)
                .ExecuteUpdateAsync(u => u.SetProperty(x => x.Status, SubscriptionStatus.PAST_DUE).SetProperty(x => x.PastDueSince, now)
                    .SetProperty(x => x.DunningRetries, 0).SetProperty(x => x.UpdatedAt, now), ct);
            if (moved == 0) return DunningSteps.None;
            var why = chargeFailed ? "the automatic payment did not go through" : "it is past its due date";
            await TellAsync(s, $"Payment overdue: {program}",
                $"Invoice {open.Number} ({amount}) is unpaid: {why}. We will try again on {Day(now + settings.RetryAfter(0))}. "
                + $"If it is still unpaid on {Day(standing.SuspendsAt(now))}, monitoring of {program} is suspended until it is paid.", ct);
            return DunningSteps.PastDue;
        }

        var retry = s.DunningRetries;
        var since = s.PastDueSince ?? now;
        if (retry >= settings.RetryDays.Length) return await ExpireAsync(s, open, amount, ct);
        if (now < since + settings.RetryAfter(retry)) return DunningSteps.None;
        var taken = await db.PartnerSubscriptions.Where(x => x.Id == s.Id && x.Status == SubscriptionStatus.PAST_DUE && x.DunningRetries == retry)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.DunningRetries, retry + 1).SetProperty(x => x.UpdatedAt, now), ct);
        if (taken == 0) return DunningSteps.None;
        var last = retry + 1 == settings.RetryDays.Length;
        var method = s.AutoRenew ? await UnattendedMethodAsync(s, ct) : null;
        // Nothing to charge on the last step: the reminder would only say what the expiry notice says.
        if (method is null && last) return await ExpireAsync(s, open, amount, ct);
        var next = last ? "If it fails, the subscription expires." : $"Next attempt: {Day(since + settings.RetryAfter(retry + 1))}.";
        await TellAsync(s, method is null ? $"Reminder: invoice {open.Number} is unpaid" : $"Retrying payment {retry + 1} of {settings.RetryDays.Length}: {program}",
            method is null
                ? $"Invoice {open.Number} ({amount}) for {program} is still unpaid. Please pay it on the funding page. "
                  + $"Monitoring of {program} is suspended on {Day(standing.SuspendsAt(since))} unless it is paid."
                : $"Invoice {open.Number}, again: {Charging(method, amount)} {next}", ct);
        if (method is not null) await ChargeAsync(s, open, method, retry + 1, ct);
        return DunningSteps.Retried;
    }

    private async Task<DunningSteps> ExpireAsync(PartnerSubscription s, PartnerInvoice open, string amount, CancellationToken ct)
    {
        var now = Now;
        var moved = await db.PartnerSubscriptions.Where(x => x.Id == s.Id && x.Status == SubscriptionStatus.PAST_DUE)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.Status, SubscriptionStatus.EXPIRED).SetProperty(x => x.UpdatedAt, now), ct);
        if (moved == 0) return DunningSteps.None;
        var program = await subscriptions.ProgramNameAsync(s, ct) ?? "your program";
        var suspends = standing.SuspendsAt(s.PastDueSince ?? now);
        await TellAsync(s, $"Subscription expired: {program}",
            $"Invoice {open.Number} ({amount}) was not paid after every retry, so the subscription of {program} has expired. "
            + (suspends > now ? $"Pay it before {Day(suspends)} to keep monitoring {program}; paying restores the subscription."
                : $"Monitoring of {program} is suspended; paying the invoice restores it at once."), ct);
        return DunningSteps.Expired;
    }

    private async Task TellAsync(PartnerSubscription s, string title, string body, CancellationToken ct)
    {
        await notifier.NotifyPartnerAsync(s.PartnerId, new NotificationDraft(NotificationCategory.payment, title, body, PaymentResults.BillingLink), ct);
        await db.SaveChangesAsync(ct);
        await counters.CountersChangedAsync(s.PartnerId, ct);
    }

    /// <summary>The subscription's saved method, else the partner's default one, when a renewal can charge it unattended.</summary>
    private async Task<PaymentMethod?> UnattendedMethodAsync(PartnerSubscription s, CancellationToken ct)
    {
        var method = await db.PaymentMethods.AsNoTracking().Where(m => m.PartnerId == s.PartnerId && (m.Id == s.PaymentMethodId || m.IsDefault))
            .OrderBy(m => m.Id == s.PaymentMethodId ? 0 : 1).FirstOrDefaultAsync(ct);
        return method is not null && PaymentMethod.RenewsUnattended(method.Gateway, method.PhoneNumber, gateways) ? method : null;
    }

    /// <summary>What the partner is told a charge does: a card is charged; an M-Pesa number gets a PIN prompt to approve.</summary>
    private static string Charging(PaymentMethod method, string amount) => method.Gateway == PaymentGateway.mpesa
        ? $"An M-Pesa request for {amount} was sent to {method.MaskedDetail}: approve it with the M-Pesa PIN on that phone."
        : $"{amount} is being charged to {method.Label}.";

    private async Task ChargeAsync(PartnerSubscription s, PartnerInvoice invoice, PaymentMethod method, int attempt, CancellationToken ct)
    {
        try
        {
            await payments.PayAsync(s.PartnerId, $"{KeyPrefix}{invoice.Id:N}:{attempt}", new CreatePaymentRequest(s.Id, method.Gateway, method.PhoneNumber), ct);
        }
        catch (DomainException e)
        {
            // The payment is recorded as failed (or was never started): the next step of dunning reads it.
            log.LogWarning(e, "The automatic payment of invoice {Invoice} (attempt {Attempt}) failed to start", invoice.Number, attempt);
        }
    }

    private static string Day(DateTime utc) => Subscriptions.DayOf(utc).ToString("d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture);
}
