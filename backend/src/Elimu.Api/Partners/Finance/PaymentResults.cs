using Elimu.Api.Common;
using Elimu.Api.Data;
using Elimu.Api.Partners.Shared;
using Elimu.Api.Partners.Sponsorships;
using Elimu.Api.Payments;
using Elimu.Api.Platform.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Partners.Finance;

/// <summary>
/// Applies what a gateway says about a payment, at most once: the move out of pending is a conditional UPDATE (status
/// still pending), so of two deliveries of the same callback, or a callback and a reconciliation query, exactly one
/// changes anything. A result with an unknown reference, or an amount or currency other than what was charged, is
/// logged and changes nothing. A completed payment pays its invoice, tells the partner and refreshes the dashboard.
/// </summary>
public sealed class PaymentResults(AppDbContext db, ProgramListings programs, Notifier notifier, IPartnerCountersChanged counters,
    BillingStanding standing, TimeProvider clock, ILogger<PaymentResults> log) : IPaymentResults
{
    public const string BillingLink = "/dashboard/partner/funding";

    public async Task<ResultApplied> ApplyAsync(GatewayResult result, CancellationToken ct)
    {
        var payment = await db.PartnerPayments.AsNoTracking()
            .Where(p => p.PaymentGateway == result.Gateway && p.TransactionReference == result.GatewayReference)
            .Select(p => new { p.Id, p.PartnerId, p.Status, p.ChargedAmount, p.ChargedCurrency, p.Amount, p.Currency })
            .FirstOrDefaultAsync(ct);
        if (payment is null)
        {
            log.LogWarning("Payment result from {Gateway} for unknown reference {Reference} ignored", result.Gateway, result.GatewayReference);
            return ResultApplied.UnknownReference;
        }
        // "Still pending" moves nothing: the payment waits for its final answer.
        if (result.State == GatewayState.Pending) return ResultApplied.AlreadyApplied;
        if (payment.Status != PaymentStatus.pending) return ResultApplied.AlreadyApplied;
        if (result.State == GatewayState.Completed && result.Amount is { } collected)
        {
            var charged = new Money(payment.ChargedAmount ?? payment.Amount, payment.ChargedCurrency ?? payment.Currency);
            if (collected != charged)
            {
                log.LogWarning("Payment {PaymentId}: {Gateway} reports {Collected}, {Charged} was charged; result ignored",
                    payment.Id, result.Gateway, collected, charged);
                return ResultApplied.Mismatch;
            }
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var completed = result.State == GatewayState.Completed;
        var to = completed ? PaymentStatus.completed : PaymentStatus.failed;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var moved = await db.PartnerPayments.Where(p => p.Id == payment.Id && p.Status == PaymentStatus.pending)
            .ExecuteUpdateAsync(u => u.SetProperty(p => p.Status, to).SetProperty(p => p.PaidAt, completed ? now : null), ct);
        if (moved == 0) return ResultApplied.AlreadyApplied;

        var row = await db.PartnerPayments.Include(p => p.Invoice).FirstAsync(p => p.Id == payment.Id, ct);
        row.GatewayResponse = row.GatewayResponse with
        {
            Code = result.Code ?? (completed ? "completed" : "failed"), Message = result.Message, Receipt = result.Receipt ?? row.GatewayResponse.Receipt,
            GatewayReference = result.GatewayReference, ReceivedAt = now,
        };
        var amount = Kes.Format(new Money(row.Amount, row.Currency));
        if (completed)
        {
            row.ReceiptUrl = $"/api/v1/partner/finance/payments/{row.Id}/receipt";
            if (row.Invoice is { Status: InvoiceStatus.open } invoice)
            {
                invoice.Status = InvoiceStatus.paid;
                invoice.PaidAt = now;
                await BackInGoodStandingAsync(invoice, now, ct);
            }
            await notifier.NotifyPartnerAsync(row.PartnerId, new NotificationDraft(NotificationCategory.payment,
                $"Payment received: {amount}", $"{amount} for invoice {row.InvoiceNumber} was paid by {GatewayName(row.PaymentGateway)}. Thank you.",
                BillingLink), ct);
        }
        else
        {
            await notifier.NotifyPartnerAsync(row.PartnerId, new NotificationDraft(NotificationCategory.payment,
                $"Payment failed: {amount}", $"The {GatewayName(row.PaymentGateway)} payment of {amount} for invoice {row.InvoiceNumber} did not go through"
                + (result.Message is { Length: > 0 } why ? $": {why}" : ".") + " Nothing was charged; you can pay again.", BillingLink), ct);
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        await counters.CountersChangedAsync(row.PartnerId, ct);
        return ResultApplied.Applied;
    }

    /// <summary>
    /// A past-due (or expired by dunning) subscription whose last open invoice is now paid is in good standing again: it
    /// runs again, and a suspended program's monitoring is back with the next request (the gate reads
    /// <see cref="PartnerSubscription.PastDueSince"/>; the counters push below tells open dashboards).
    /// </summary>
    private async Task BackInGoodStandingAsync(PartnerInvoice paid, DateTime now, CancellationToken ct)
    {
        var subscription = await db.PartnerSubscriptions.FirstAsync(s => s.Id == paid.SubscriptionId, ct);
        if (subscription.PastDueSince is not { } since
            || await db.PartnerInvoices.AnyAsync(i => i.SubscriptionId == subscription.Id && i.Status == InvoiceStatus.open && i.Id != paid.Id, ct))
            return;
        var wasSuspended = standing.SuspendsAt(since) <= now;
        if (subscription.Status == SubscriptionStatus.PAST_DUE
            || (subscription.Status == SubscriptionStatus.EXPIRED && !await db.PartnerSubscriptions.AnyAsync(o => o.ProgramId == subscription.ProgramId
                && o.Id != subscription.Id && (o.Status == SubscriptionStatus.ACTIVE || o.Status == SubscriptionStatus.PAST_DUE), ct)))
            subscription.Status = SubscriptionStatus.ACTIVE;
        subscription.PastDueSince = null;
        subscription.DunningRetries = 0;
        subscription.UpdatedAt = now;
        if (wasSuspended)
        {
            var program = await programs.NameAsync(subscription.ProgramId, ct);
            await notifier.NotifyPartnerAsync(subscription.PartnerId, new NotificationDraft(NotificationCategory.payment,
                $"Monitoring restored: {program}", $"Invoice {paid.Number} is paid, so monitoring of {program} is back on.", BillingLink), ct);
        }
    }

    public async Task<string?> ReferenceForCallbackSecretAsync(PaymentGateway gateway, string callbackSecret, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(callbackSecret)) return null;
        var hash = InvoicePayments.HashSecret(callbackSecret);
        return await db.PartnerPayments.AsNoTracking()
            .Where(p => p.PaymentGateway == gateway && p.CallbackSecretHash == hash && p.Status == PaymentStatus.pending)
            .Select(p => p.TransactionReference).FirstOrDefaultAsync(ct);
    }

    public static string GatewayName(PaymentGateway gateway) => gateway switch
    {
        PaymentGateway.mpesa => "M-Pesa",
        PaymentGateway.stripe => "card",
        PaymentGateway.paypal => "PayPal",
        _ => "sandbox",
    };
}
