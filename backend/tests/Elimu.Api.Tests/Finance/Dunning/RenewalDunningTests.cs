using System.Net;
using Elimu.Api.Data.Locks;
using Elimu.Api.Partners.Finance;
using Elimu.Api.Partners.Finance.Dunning;
using Elimu.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Elimu.Api.Tests.Finance.Dunning.DunningTestKit;
using static Elimu.Api.Tests.Finance.FinanceTestKit;

namespace Elimu.Api.Tests.Finance.Dunning;

/// <summary>
/// Renewal at next_billing_date and dunning with a moved clock. Each test has its own API (the clock only goes forward
/// in it). Subscriptions start on 11 March 2026 (monthly, three children at KES 1,000, 16% VAT): renewal on 11 April.
/// </summary>
public sealed class RenewalDunningTests
{
    private static readonly DateOnly Renewal = new(2026, 4, 11);

    private static async Task<DunningFactory> ApiAsync()
    {
        var api = new DunningFactory();
        await api.InitializeAsync();
        api.At(Start);
        return api;
    }

    [Fact]
    public async Task At_the_next_billing_date_the_period_is_invoiced_once_and_the_partner_told_what_to_pay()
    {
        await using var api = await ApiAsync();
        var partner = await api.SubscribedPartnerAsync(autoPay: false);

        api.At(Renewal.AddDays(-1));
        await api.RenewAsync();
        Assert.Empty(await api.InvoicesAsync(partner.SubscriptionId)); // not yet due

        api.At(Renewal);
        var first = await api.RenewAsync();
        var again = await api.RenewAsync(); // the same clock again: nothing twice
        Assert.Equal(1, first.Issued);
        Assert.Equal(0, again.Issued);

        var invoice = Assert.Single(await api.InvoicesAsync(partner.SubscriptionId));
        Assert.Equal(Renewal, invoice.PeriodStart);
        Assert.Equal(new DateOnly(2026, 5, 11), invoice.PeriodEnd);
        Assert.Equal(3, invoice.Lines.Count);
        Assert.Equal(3_480m, invoice.Total); // 3 × 1,000 + 16% VAT
        Assert.Matches(@"^INV-2026-\d{6}$", invoice.Number);
        Assert.Equal(InvoiceStatus.open, invoice.Status);
        Assert.Empty(await api.PaymentsAsync(partner.SubscriptionId)); // no saved method: nothing charged
        Assert.Equal([$"Invoice {invoice.Number}: KES 3,480.00"], await api.PaymentNoticesAsync(partner.PartnerId));
        var item = await partner.SubscriptionItemAsync();
        Assert.Equal("2026-05-11", item.Str("nextBillingDate"));
        Assert.Equal("2026-04-11", item.Str("currentPeriodStart"));
        Assert.Equal("ACTIVE", item.Str("status"));
    }

    [Fact]
    public async Task Auto_pay_charges_the_saved_method_once_and_a_success_leaves_the_subscription_active()
    {
        await using var api = await ApiAsync();
        var partner = await api.SubscribedPartnerAsync(autoPay: true);

        api.At(Renewal);
        await Task.WhenAll(api.RenewAsync(), api.RenewAsync());
        var payment = Assert.Single(await api.PaymentsAsync(partner.SubscriptionId));
        Assert.StartsWith(SubscriptionDunning.KeyPrefix, payment.IdempotencyKey);
        Assert.Equal(3_480m, payment.Amount);

        await api.SettlePendingAsync(partner.SubscriptionId, paid: true);
        api.At(Renewal.AddDays(8)); // past the payment term: a paid invoice is never dunned
        await api.RenewAsync();
        Assert.Equal(InvoiceStatus.paid, Assert.Single(await api.InvoicesAsync(partner.SubscriptionId)).Status);
        Assert.Equal(SubscriptionStatus.ACTIVE, (await api.SubscriptionAsync(partner.SubscriptionId)).Status);
        Assert.Single(await api.PaymentsAsync(partner.SubscriptionId));
        var notices = await api.PaymentNoticesAsync(partner.PartnerId);
        Assert.Equal(2, notices.Count);
        Assert.StartsWith("Invoice INV-2026-", notices[0]);
        Assert.Equal("Payment received: KES 3,480.00", notices[1]);
    }

    [Fact]
    public async Task A_failed_charge_goes_past_due_is_retried_after_1_3_and_7_days_then_expires_and_another_partner_is_untouched()
    {
        await using var api = await ApiAsync();
        var partner = await api.SubscribedPartnerAsync(autoPay: true);
        var other = await api.SubscribedPartnerAsync(autoPay: true);

        api.At(Renewal);
        await api.RenewAsync();
        await api.SettlePendingAsync(other.SubscriptionId, paid: true);
        await api.SettlePendingAsync(partner.SubscriptionId, paid: false);

        var failedAt = Renewal;
        api.At(failedAt, 11);
        await api.RenewAsync();
        await api.RenewAsync();
        var s = await api.SubscriptionAsync(partner.SubscriptionId);
        Assert.Equal(SubscriptionStatus.PAST_DUE, s.Status);
        Assert.Equal(1, (await api.PaymentNoticesAsync(partner.PartnerId)).Count(n => n.StartsWith("Payment overdue")));

        // Retries after 1, 3 and 7 days, each a new charge; nothing between them.
        foreach (var (day, retry) in new[] { (1, 1), (3, 2), (7, 3) })
        {
            api.At(failedAt.AddDays(day - 1), 23);
            await api.RenewAsync();
            Assert.Equal(retry, (await api.PaymentsAsync(partner.SubscriptionId)).Count); // not yet
            api.At(failedAt.AddDays(day), 12);
            await api.RenewAsync();
            await api.RenewAsync();
            Assert.Equal(retry + 1, (await api.PaymentsAsync(partner.SubscriptionId)).Count);
            Assert.Equal(SubscriptionStatus.PAST_DUE, (await api.SubscriptionAsync(partner.SubscriptionId)).Status);
            await api.SettlePendingAsync(partner.SubscriptionId, paid: false);
        }
        await api.RenewAsync();
        await api.RenewAsync();
        Assert.Equal(SubscriptionStatus.EXPIRED, (await api.SubscriptionAsync(partner.SubscriptionId)).Status);

        var notices = await api.PaymentNoticesAsync(partner.PartnerId);
        Assert.Equal(
        [
            "Invoice", "Payment failed", "Payment overdue", "Retrying payment 1 of 3", "Payment failed", "Retrying payment 2 of 3", "Payment failed",
            "Retrying payment 3 of 3", "Payment failed", "Subscription expired",
        ], notices.Select(n => n.Split(':')[0].Split(" INV-")[0]).ToList());
        // Mail goes with each notice (the payment category mails by default).
        var mails = await api.WithDbAsync(db => db.OutboxMessages.Where(m => m.UserId == partner.PartnerId).Select(m => m.Subject).ToListAsync());
        Assert.Contains(mails, m => m.StartsWith("Subscription expired"));
        Assert.Contains(mails, m => m.StartsWith("Payment overdue"));

        // The other partner paid: active, one payment, no dunning notice.
        Assert.Equal(SubscriptionStatus.ACTIVE, (await api.SubscriptionAsync(other.SubscriptionId)).Status);
        Assert.Single(await api.PaymentsAsync(other.SubscriptionId));
        Assert.DoesNotContain(await api.PaymentNoticesAsync(other.PartnerId), n => n.StartsWith("Payment overdue") || n.StartsWith("Retrying"));
    }

    [Fact]
    public async Task An_invoice_nobody_pays_goes_past_due_after_its_term_and_reminders_end_in_expiry()
    {
        await using var api = await ApiAsync();
        var partner = await api.SubscribedPartnerAsync(autoPay: false);
        api.At(Renewal);
        await api.RenewAsync();
        api.At(Renewal.AddDays(6));
        await api.RenewAsync();
        Assert.Equal(SubscriptionStatus.ACTIVE, (await api.SubscriptionAsync(partner.SubscriptionId)).Status);
        var dueAt = Renewal.AddDays(7);
        api.At(dueAt, 11);
        await api.RenewAsync();
        Assert.Equal(SubscriptionStatus.PAST_DUE, (await api.SubscriptionAsync(partner.SubscriptionId)).Status);
        foreach (var day in new[] { 1, 3, 7 })
        {
            api.At(dueAt.AddDays(day), 12);
            await api.RenewAsync();
            await api.RenewAsync();
        }
        Assert.Equal(SubscriptionStatus.EXPIRED, (await api.SubscriptionAsync(partner.SubscriptionId)).Status);
        Assert.Empty(await api.PaymentsAsync(partner.SubscriptionId)); // nothing was ever charged without the partner
        var notices = (await api.PaymentNoticesAsync(partner.PartnerId)).Select(n => n.Split(':')[0]).ToList();
        Assert.Equal(["Invoice INV-2026-000001", "Payment overdue", "Reminder", "Reminder", "Subscription expired"],
            notices.Select(n => n.StartsWith("Invoice") ? "Invoice INV-2026-000001" : n.Split(" invoice")[0]).ToList());
    }

    [PostgresFact]
    public async Task Two_instances_on_one_database_renew_each_subscription_once()
    {
        await using var api = await ApiAsync();
        var partners = new List<Subscribed>();
        for (var i = 0; i < 3; i++) partners.Add(await api.SubscribedPartnerAsync(autoPay: i % 2 == 0));
        await using var second = new DunningSecondHost(api);
        await second.InitializeAsync();

        // The job runs where the lock is: one instance leads, the other skips its ticks.
        var leaders = new[]
        {
            await api.Services.GetRequiredService<JobLeadership>().LeadsAsync(RenewalJob.Job, default),
            await second.Services.GetRequiredService<JobLeadership>().LeadsAsync(RenewalJob.Job, default),
        };
        Assert.Equal([true, false], leaders);

        // Even runs racing on both instances (a handover, a restart) issue, charge and tell once.
        api.At(Renewal);
        await Task.WhenAll(Enumerable.Range(0, 3).SelectMany(_ => new[] { Task.Run(() => api.RenewAsync()), Task.Run(() => second.RenewAsync()) }));
        foreach (var p in partners)
        {
            Assert.Single(await api.InvoicesAsync(p.SubscriptionId));
            Assert.Equal(partners.IndexOf(p) % 2 == 0 ? 1 : 0, (await api.PaymentsAsync(p.SubscriptionId)).Count);
            Assert.Single(await api.PaymentNoticesAsync(p.PartnerId));
        }
        var numbers = await api.WithDbAsync(db => db.PartnerInvoices.Select(i => i.Number).OrderBy(n => n).ToListAsync());
        Assert.Equal(["INV-2026-000001", "INV-2026-000002", "INV-2026-000003"], numbers);
    }
}
