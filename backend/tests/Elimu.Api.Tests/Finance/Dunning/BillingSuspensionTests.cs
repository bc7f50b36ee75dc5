using System.Net;
using System.Text.Json;
using Elimu.Api.Partners.Finance;
using Elimu.Api.Platform.Identity;
using Elimu.Api.Tests.Infrastructure;
using Elimu.Api.Tests.Partners.Sponsorships;
using Microsoft.EntityFrameworkCore;
using static Elimu.Api.Tests.Finance.Dunning.DunningTestKit;
using static Elimu.Api.Tests.Finance.FinanceTestKit;

namespace Elimu.Api.Tests.Finance.Dunning;

/// <summary>
/// A subscription past due beyond the grace window (14 days) suspends monitoring of its program through the consent
/// gate: the child views answer 403 billing_suspended saying what to pay, figures in lists are hidden, consents and
/// enrolments stand, parents hear nothing, another partner is unaffected, and payment restores access at once.
/// </summary>
public sealed class BillingSuspensionTests
{
    private static readonly DateOnly Renewal = new(2026, 4, 11);
    private const string Children = "/api/v1/partner/sponsorships/children";

    [Fact]
    public async Task Past_due_beyond_the_grace_window_suspends_the_programs_child_views_until_the_invoice_is_paid()
    {
        await using var api = new DunningFactory();
        await api.InitializeAsync();
        api.At(Start);
        var partner = await api.SubscribedPartnerAsync(autoPay: false);
        var other = await api.SubscribedPartnerAsync(autoPay: false);
        var child = (await api.ChildIdsAsync(partner.ProgramId))[0];
        var othersChild = (await api.ChildIdsAsync(other.ProgramId))[0];

        api.At(Renewal);
        await api.RenewAsync();
        var invoice = Assert.Single(await api.InvoicesAsync(partner.SubscriptionId));
        // The other partner pays its renewal; this one does not.
        var pay = await (await other.Client()).PayAsync(other.SubscriptionId, "other-renewal");
        Assert.Equal(HttpStatusCode.Accepted, pay.StatusCode);
        await api.SettlePendingAsync(other.SubscriptionId, paid: true);

        var pastDueAt = Renewal.AddDays(7); // the payment term
        api.At(pastDueAt, 11);
        await api.RenewAsync();
        Assert.Equal(SubscriptionStatus.PAST_DUE, (await api.SubscriptionAsync(partner.SubscriptionId)).Status);

        // Within the grace window monitoring goes on, and the partner sees the countdown and what to pay.
        api.At(pastDueAt.AddDays(13), 12);
        await api.RenewAsync();
        Assert.Equal(HttpStatusCode.OK, (await (await partner.Client()).ChildViewAsync(child)).Status);
        var standing = (await partner.SubscriptionItemAsync()).GetProperty("standing");
        Assert.Equal(1, standing.GetProperty("graceDaysLeft").GetInt32());
        Assert.False(standing.GetProperty("monitoringSuspended").GetBoolean());
        Assert.Equal(invoice.Number, standing.Str("invoiceNumber"));
        Assert.Equal(3_480m, standing.Dec("amountDue"));
        var listBefore = await (await partner.Client()).GetJsonAsync<JsonElement>($"{Children}?programId={partner.ProgramId}");
        Assert.All(listBefore.GetProperty("items").EnumerateArray(), c => Assert.NotEqual(JsonValueKind.Null, c.GetProperty("progress").ValueKind));

        // Past it: every child view of the program is 403 billing_suspended, naming the invoice and the amount.
        api.At(pastDueAt.AddDays(14), 12);
        foreach (var tab in new[] { "progress", "activity", "achievements", "goals", "ai-insights" })
        {
            var (status, body) = await (await partner.Client()).ChildViewAsync(child, tab);
            Assert.Equal(HttpStatusCode.Forbidden, status);
            Assert.Equal("billing_suspended", body.Str("code"));
            Assert.Equal(invoice.Number, body.Str("invoiceNumber"));
            Assert.Equal(3_480m, body.Dec("amountDue"));
            Assert.Contains($"Pay invoice {invoice.Number} (KES 3,480.00)", body.Str("detail"));
        }
        // The child stays enrolled and consented; only the figures go.
        var header = await (await partner.Client()).GetJsonAsync<JsonElement>($"{Children}/{child}");
        Assert.Equal("given", header.Str("consentStatus"));
        var list = await (await partner.Client()).GetJsonAsync<JsonElement>($"{Children}?programId={partner.ProgramId}");
        Assert.All(list.GetProperty("items").EnumerateArray(), c =>
        {
            Assert.Equal("given", c.Str("consentStatus"));
            Assert.Equal(JsonValueKind.Null, c.GetProperty("progress").ValueKind);
        });
        var cohorts = await (await partner.Client()).GetJsonAsync<JsonElement>($"{Children}/by-program");
        Assert.Equal(JsonValueKind.Null, cohorts.GetProperty("programs")[0].GetProperty("averageMinutesThisWeek").ValueKind);
        var counters = await (await partner.Client()).GetJsonAsync<JsonElement>("/api/v1/partner/dashboard/counters");
        Assert.Equal(1, counters.GetProperty("suspendedPrograms").GetInt32());
        Assert.Equal(3, counters.GetProperty("childrenWithConsent").GetInt32());
        standing = (await partner.SubscriptionItemAsync()).GetProperty("standing");
        Assert.True(standing.GetProperty("monitoringSuspended").GetBoolean());
        Assert.Equal(0, standing.GetProperty("graceDaysLeft").GetInt32());

        // Another partner's program is unaffected, and it still cannot see this partner's child.
        Assert.Equal(HttpStatusCode.OK, (await (await other.Client()).ChildViewAsync(othersChild)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await (await other.Client()).ChildViewAsync(child)).Status);
        Assert.Equal(0, (await (await other.Client()).GetJsonAsync<JsonElement>("/api/v1/partner/dashboard/counters")).GetProperty("suspendedPrograms").GetInt32());

        // Parents are never told about a partner's billing.
        var parents = await api.WithDbAsync(db => db.SponsorshipConsents.Where(k => db.SponsoredChildren.Any(c => c.Id == k.SponsoredChildId && c.ProgramId == partner.ProgramId))
            .Select(k => k.ParentId).Distinct().ToListAsync());
        Assert.NotEmpty(parents);
        Assert.Empty(await api.WithDbAsync(db => db.Notifications.Where(n => parents.Contains(n.UserId)).Select(n => n.Title).ToListAsync()));
        Assert.Empty(await api.WithDbAsync(db => db.OutboxMessages.Where(m => m.UserId != null && parents.Contains(m.UserId.Value)).Select(m => m.Subject).ToListAsync()));
        var parentEmail = await api.WithDbAsync(db => db.Users.Where(u => u.Id == parents[0]).Select(u => u.Email!).SingleAsync());
        using (var parent = await api.LoginAsync(parentEmail, TestUsers.Password))
        {
            var consents = await parent.GetAsync("/api/v1/parent/consents");
            Assert.Equal(HttpStatusCode.OK, consents.StatusCode);
            var text = await consents.Content.ReadAsStringAsync();
            // (The consent text names the program's billing period; nothing says how the partner pays.)
            foreach (var word in new[] { "suspended", "past due", "PAST_DUE", "unpaid", "overdue", "EXPIRED" })
                Assert.DoesNotContain(word, text, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("given", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(invoice.Number, text);
        }

        // Paying the invoice restores access at once.
        var restore = await (await partner.Client()).PayAsync(partner.SubscriptionId, "restore-1");
        Assert.Equal(HttpStatusCode.Accepted, restore.StatusCode);
        Assert.Equal(invoice.Number, (await restore.JsonAsync()).Str("invoiceNumber"));
        Assert.Equal(HttpStatusCode.Forbidden, (await (await partner.Client()).ChildViewAsync(child)).Status); // pending is not paid
        await api.SettlePendingAsync(partner.SubscriptionId, paid: true);
        Assert.Equal(HttpStatusCode.OK, (await (await partner.Client()).ChildViewAsync(child)).Status);
        Assert.Equal(0, (await (await partner.Client()).GetJsonAsync<JsonElement>("/api/v1/partner/dashboard/counters")).GetProperty("suspendedPrograms").GetInt32());
        var after = await partner.SubscriptionItemAsync();
        Assert.Equal("ACTIVE", after.Str("status"));
        Assert.Equal(JsonValueKind.Null, after.GetProperty("standing").ValueKind);
        Assert.Contains(await api.PaymentNoticesAsync(partner.PartnerId), n => n.StartsWith("Monitoring restored"));
    }

    [Fact]
    public async Task An_expired_subscription_stops_suspending_its_program_once_a_new_subscription_of_it_has_paid()
    {
        await using var api = new DunningFactory();
        await api.InitializeAsync();
        api.At(Start);
        var partner = await api.SubscribedPartnerAsync(autoPay: false);
        var other = await api.SubscribedPartnerAsync(autoPay: false);
        var child = (await api.ChildIdsAsync(partner.ProgramId))[0];

        // April's invoice is never paid: past due a week later, expired after the retries, suspended past the grace window.
        api.At(Renewal);
        await api.RenewAsync();
        var unpaid = Assert.Single(await api.InvoicesAsync(partner.SubscriptionId));
        for (var day = 1; day <= 30; day++)
        {
            api.At(Renewal.AddDays(day), 12);
            await api.RenewAsync();
        }
        Assert.Equal(SubscriptionStatus.EXPIRED, (await api.SubscriptionAsync(partner.SubscriptionId)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await partner.Client()).ChildViewAsync(child)).Status);

        // A new subscription of the same program that has paid nothing does not lift the suspension ...
        using var client = await partner.Client();
        var renewed = (await client.SubscribeAsync(partner.ProgramId)).Id();
        var (status, body) = await client.ChildViewAsync(child);
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal("billing_suspended", body.Str("code"));
        // ... nor can another partner pay it for them.
        using (var stranger = await other.Client())
            Assert.Equal(HttpStatusCode.NotFound, (await stranger.PayAsync(renewed, "stranger-1")).StatusCode);

        // Once its first invoice is paid, monitoring is back; the old invoice stays open, and the old subscription expired.
        Assert.Equal(HttpStatusCode.Accepted, (await client.PayAsync(renewed, "renewed-1")).StatusCode);
        await api.SettlePendingAsync(renewed, paid: true);
        Assert.Equal(HttpStatusCode.OK, (await client.ChildViewAsync(child)).Status);
        Assert.Equal(0, (await client.GetJsonAsync<JsonElement>("/api/v1/partner/dashboard/counters")).GetProperty("suspendedPrograms").GetInt32());
        Assert.Equal(InvoiceStatus.open, Assert.Single(await api.InvoicesAsync(partner.SubscriptionId)).Status);
        var old = await partner.SubscriptionItemAsync();
        Assert.Equal("EXPIRED", old.Str("status"));
        Assert.False(old.GetProperty("standing").GetProperty("monitoringSuspended").GetBoolean());
        Assert.Equal(unpaid.Number, old.GetProperty("standing").Str("invoiceNumber"));
    }
}
