using System.Net;
using System.Text.Json;
using Elimu.Api.Partners.Finance;
using Elimu.Api.Tests.Infrastructure;
using Elimu.Api.Tests.Partners.Sponsorships;
using static Elimu.Api.Tests.Finance.Dunning.DunningTestKit;
using static Elimu.Api.Tests.Finance.FinanceTestKit;

namespace Elimu.Api.Tests.Finance.Dunning;

/// <summary>
/// GET /subscriptions/{id}/due, what the pay dialog quotes: the open invoice's figures (what POST /payments charges), not
/// today's children × price; before any invoice, the current period as it would be issued now. Another partner gets 404.
/// </summary>
public sealed class DueInvoiceTests
{
    private static readonly DateOnly Renewal = new(2026, 4, 11);

    [Fact]
    public async Task The_due_amount_is_the_open_invoices_even_when_todays_price_differs_and_it_is_what_is_charged()
    {
        await using var api = new DunningFactory();
        await api.InitializeAsync();
        api.At(Start);
        var partner = await api.SubscribedPartnerAsync(autoPay: false);
        var other = await api.SubscribedPartnerAsync(autoPay: false);
        using var client = await partner.Client();
        var due = $"{Prefix}/subscriptions/{partner.SubscriptionId}/due";

        // Before any invoice: the current period's figures as it would be issued now (3 × 1,000 + 16 % VAT), nothing issued.
        var draft = await client.GetJsonAsync<JsonElement>(due);
        Assert.False(draft.GetProperty("issued").GetBoolean());
        Assert.Equal(JsonValueKind.Null, draft.GetProperty("number").ValueKind);
        Assert.Equal(3_480m, draft.Dec("total"));
        Assert.Equal(3, draft.GetProperty("children").GetInt32());
        Assert.Empty(await api.InvoicesAsync(partner.SubscriptionId));

        // The renewal issues April's invoice; then the program's price doubles. Today's figures say 6,000, the invoice 3,480.
        api.At(Renewal);
        await api.RenewAsync();
        var invoice = Assert.Single(await api.InvoicesAsync(partner.SubscriptionId));
        await api.WithDbAsync(async db =>
        {
            var program = await db.SponsorshipPrograms.FindAsync(partner.ProgramId);
            program!.PricePerChild = 2_000m;
            await db.SaveChangesAsync();
        });
        using var today = await partner.Client();
        Assert.Equal(6_000m, (await partner.SubscriptionItemAsync()).Dec("totalAmount"));
        var open = await today.GetJsonAsync<JsonElement>(due);
        Assert.True(open.GetProperty("issued").GetBoolean());
        Assert.Equal(invoice.Number, open.Str("number"));
        Assert.Equal(invoice.Id, open.GetProperty("invoiceId").GetGuid());
        Assert.Equal(3_480m, open.Dec("total"));
        Assert.Equal(3_000m, open.Dec("subtotal"));
        Assert.Equal(480m, open.Dec("taxAmount"));
        Assert.Equal(3, open.GetProperty("children").GetInt32());
        Assert.Equal("2026-04-11", open.Str("periodStart"));

        // Another partner cannot read it.
        using (var stranger = await other.Client())
            Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(due)).StatusCode);

        // Paying charges exactly what was quoted; once paid, nothing is due.
        var pay = await today.PayAsync(partner.SubscriptionId, "due-1");
        Assert.Equal(HttpStatusCode.Accepted, pay.StatusCode);
        var payment = await pay.JsonAsync();
        Assert.Equal(open.Dec("total"), payment.Dec("amount"));
        Assert.Equal(invoice.Number, payment.Str("invoiceNumber"));
        await api.SettlePendingAsync(partner.SubscriptionId, paid: true);
        var paid = await today.GetAsync(due);
        Assert.Equal(HttpStatusCode.Conflict, paid.StatusCode);
        Assert.Equal("nothing_due", await paid.CodeAsync());
    }
}
