using System.Net;
using System.Text.Json;
using Elimu.Api.Tests.Infrastructure;
using Elimu.Api.Tests.Partners.Sponsorships;
using Microsoft.EntityFrameworkCore;
using static Elimu.Api.Tests.Finance.FinanceApiFactory;

namespace Elimu.Api.Tests.Finance;

/// <summary>Invoices: lines per child-period, pro rata for a child billable mid-period, VAT from the profile, numbers per year.</summary>
public sealed class InvoiceApiTests(FinanceApiFactory api) : IClassFixture<FinanceApiFactory>
{
    [Fact]
    public async Task A_child_billable_mid_period_is_charged_pro_rata_on_the_next_invoice_and_a_removed_child_stops_at_the_periods_end()
    {
        api.SetNairobi(new DateOnly(2026, 3, 11), 12);
        var (partnerId, client) = await api.PartnerAsync();
        var email = await api.WithDbAsync(db => db.Users.Where(u => u.Id == partnerId).Select(u => u.Email!).FirstAsync());
        var programId = await api.ActiveProgramAsync(partnerId, 1500m,
        [
            new("Amani", NairobiUtc(2026, 2, 1), NairobiUtc(2026, 3, 1)),
            new("Baraka", NairobiUtc(2026, 2, 1), NairobiUtc(2026, 3, 1)),
            new("Chebet", NairobiUtc(2026, 2, 1), NairobiUtc(2026, 3, 1)),
            new("Dalia", NairobiUtc(2026, 2, 1), NairobiUtc(2026, 3, 21, 10)),                                  // billable from 21 March
            new("Eshe", NairobiUtc(2026, 2, 1), NairobiUtc(2026, 3, 1), RemovedAt: NairobiUtc(2026, 3, 25)),   // removed 25 March
        ]);
        var subscriptionId = (await client.SubscribeAsync(programId)).Id();

        // March: Amani, Baraka, Chebet, Eshe × KES 1,500 = 6,000; VAT 16% = 960; total 6,960.
        var first = await client.PayAsync(subscriptionId, "march");
        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        var march = await first.JsonAsync();
        Assert.Equal(6960m, march.Dec("amount"));
        Assert.Matches(@"^INV-2026-\d{6}$", march.Str("invoiceNumber"));
        var marchNumber = int.Parse(march.Str("invoiceNumber")[^6..]);
        Assert.Equal("completed", (await client.SettledAsync(march.Id(), TimeSpan.FromSeconds(10))).Str("status"));

        // April (11 April to 10 May): Amani, Baraka, Chebet, Dalia × 1,500 = 6,000, plus Dalia from 21 March to 10 April:
        // 21 of March's 31 days (11 March to 10 April) → 1,500 × 21 / 31 = 1,016.129… = 1,016.13. Subtotal 7,016.13;
        // VAT 16% = 1,122.5808 → 1,122.58; total 8,138.71. Eshe, removed in March, is not on it.
        api.SetNairobi(new DateOnly(2026, 4, 12), 9);
        client = await api.LoginAsync(email, TestUsers.Password);
        var april = await (await client.PayAsync(subscriptionId, "april")).JsonAsync();
        Assert.Equal(8138.71m, april.Dec("amount"));
        Assert.Equal($"INV-2026-{marchNumber + 1:000000}", april.Str("invoiceNumber"));

        var invoice = await client.GetJsonAsync<JsonElement>($"{FinanceTestKit.Prefix}/invoices/{april.GetProperty("invoiceId").GetGuid()}");
        var summary = invoice.GetProperty("invoice");
        Assert.Equal(7016.13m, summary.Dec("subtotal"));
        Assert.Equal(1122.58m, summary.Dec("taxAmount"));
        Assert.Equal(8138.71m, summary.Dec("total"));
        Assert.Equal("2026-04-11", summary.Str("periodStart"));
        var lines = invoice.GetProperty("lines").EnumerateArray().ToList();
        Assert.Equal(5, lines.Count);
        var prorated = lines.Single(l => l.GetProperty("prorated").GetBoolean());
        Assert.StartsWith("Dalia", prorated.Str("description"));
        Assert.Equal(21, prorated.GetProperty("daysCharged").GetInt32());
        Assert.Equal(31, prorated.GetProperty("periodDays").GetInt32());
        Assert.Equal(1016.13m, prorated.Dec("amount"));
        Assert.Equal("2026-03-21", prorated.Str("periodStart"));
        Assert.DoesNotContain(lines, l => l.Str("description").StartsWith("Eshe"));
        Assert.Equal(4, lines.Count(l => l.Dec("amount") == 1500m));

        var list = await client.GetJsonAsync<JsonElement>($"{FinanceTestKit.Prefix}/invoices");
        Assert.Equal(2, list.GetProperty("total").GetInt32());
        Assert.Equal([april.Str("invoiceNumber"), march.Str("invoiceNumber")], list.GetProperty("items").EnumerateArray().Select(i => i.Str("number")).ToArray());
        Assert.Equal("paid", list.GetProperty("items")[1].Str("status"));
        async Task<int> Total(string query) =>
            (await client.GetJsonAsync<JsonElement>($"{FinanceTestKit.Prefix}/invoices?{query}")).GetProperty("total").GetInt32();
        Assert.Equal(2, await Total($"subscriptionId={subscriptionId}"));
        Assert.Equal(0, await Total($"subscriptionId={Guid.NewGuid()}"));
        // Once April's payment has settled (the sandbox confirms a moment later), both invoices are paid.
        Assert.Equal("completed", (await client.SettledAsync(april.Id(), TimeSpan.FromSeconds(10))).Str("status"));
        Assert.Equal(2, await Total($"subscriptionId={subscriptionId}&status=paid"));
        Assert.Equal(0, await Total($"subscriptionId={subscriptionId}&status=open"));
        Assert.Equal(0, await Total("status=void"));
    }

    [Fact]
    public async Task A_tax_exempt_partner_is_invoiced_without_VAT_and_with_its_tax_id()
    {
        api.SetNairobi(new DateOnly(2026, 3, 11), 12);
        var (partnerId, client) = await api.PartnerAsync();
        await api.WithDbAsync(async db =>
        {
            var profile = await db.PartnerProfiles.FirstAsync(p => p.UserId == partnerId);
            profile.TaxExempt = true;
            profile.TaxId = "P051234567X";
            await db.SaveChangesAsync();
        });
        var programId = await api.ActiveProgramAsync(partnerId, 2500m,
            [new("Nuru", NairobiUtc(2026, 2, 1), NairobiUtc(2026, 3, 1)), new("Oloo", NairobiUtc(2026, 2, 1), NairobiUtc(2026, 3, 1))]);
        var payment = await (await client.PayAsync((await client.SubscribeAsync(programId)).Id(), "exempt")).JsonAsync();
        Assert.Equal(5000m, payment.Dec("amount"));
        var invoice = (await client.GetJsonAsync<JsonElement>($"{FinanceTestKit.Prefix}/invoices/{payment.GetProperty("invoiceId").GetGuid()}")).GetProperty("invoice");
        Assert.True(invoice.GetProperty("taxExempt").GetBoolean());
        Assert.Equal("P051234567X", invoice.Str("taxId"));
        Assert.Equal(0m, invoice.Dec("taxAmount"));
    }
}
