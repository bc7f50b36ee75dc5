using System.Net;
using System.Text;
using System.Text.Json;
using Elimu.Api.Partners.Finance;
using Elimu.Api.Tests.Infrastructure;
using Elimu.Api.Tests.Partners.Sponsorships;
using Microsoft.EntityFrameworkCore;
using static Elimu.Api.Tests.Finance.FinanceApiFactory;

namespace Elimu.Api.Tests.Finance;

/// <summary>The contract of issue 17 for POST/GET /finance/payments, with the sandbox gateway.</summary>
public sealed class PaymentApiTests(FinanceApiFactory api) : IClassFixture<FinanceApiFactory>
{
    private const string Payments = FinanceTestKit.Prefix + "/payments";

    private async Task<(Guid PartnerId, ApiClient Client, Guid SubscriptionId)> SubscribedAsync(decimal price = 1000m, int children = 2)
    {
        api.SetNairobi(new DateOnly(2026, 3, 11), 12);
        var (partnerId, client) = await api.PartnerAsync();
        var programId = await api.ActiveProgramAsync(partnerId, price,
            Enumerable.Range(0, children).Select(i => new TestChild($"Child{i}", NairobiUtc(2026, 2, 1), NairobiUtc(2026, 3, 1))).ToList());
        return (partnerId, client, (await client.SubscribeAsync(programId)).Id());
    }

    [Fact]
    public async Task A_sandbox_payment_answers_202_with_the_invoices_amount_and_is_completed_within_ten_seconds()
    {
        var (partnerId, client, subscriptionId) = await SubscribedAsync(price: 1000m, children: 2);
        var response = await client.PayAsync(subscriptionId, Guid.NewGuid().ToString());
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var payment = await response.JsonAsync();
        foreach (var field in new[] { "id", "status", "amount", "currency", "invoiceNumber" }) Assert.True(payment.TryGetProperty(field, out _), field);
        Assert.Equal("pending", payment.Str("status"));
        Assert.Equal(2320m, payment.Dec("amount")); // 2 × 1,000 + 16% VAT
        Assert.Equal("KES", payment.Str("currency"));

        var settled = await client.SettledAsync(payment.Id(), TimeSpan.FromSeconds(10));
        Assert.Equal("completed", settled.Str("status"));
        Assert.NotNull(settled.GetProperty("receipt").GetString());
        Assert.NotNull(settled.GetProperty("paidAt").GetString());
        var invoice = (await client.GetJsonAsync<JsonElement>($"{FinanceTestKit.Prefix}/invoices/{payment.GetProperty("invoiceId").GetGuid()}")).GetProperty("invoice");
        Assert.Equal("paid", invoice.Str("status"));

        // The partner is told, in the payment category.
        var notes = await api.WithDbAsync(db => db.Notifications.Where(n => n.UserId == partnerId && n.Category == Elimu.Api.Platform.Notifications.NotificationCategory.payment).ToListAsync());
        Assert.Contains(notes, n => n.Title == "Payment received: KES 2,320.00");

        // Nothing more is due this period.
        var again = await client.PayAsync(subscriptionId, Guid.NewGuid().ToString());
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("nothing_due", await again.CodeAsync());
    }

    [Fact]
    public async Task The_sandbox_fails_a_payment_from_its_fail_number_and_the_invoice_stays_open()
    {
        var (_, client, subscriptionId) = await SubscribedAsync();
        var payment = await (await client.PayAsync(subscriptionId, Guid.NewGuid().ToString(), "sandbox", "+254 700 000 000")).JsonAsync();
        var settled = await client.SettledAsync(payment.Id(), TimeSpan.FromSeconds(10));
        Assert.Equal("failed", settled.Str("status"));
        Assert.Equal("declined", settled.Str("failureCode"));
        // The same invoice can be paid again with a new key.
        var retry = await (await client.PayAsync(subscriptionId, Guid.NewGuid().ToString())).JsonAsync();
        Assert.Equal(payment.Str("invoiceNumber"), retry.Str("invoiceNumber"));
        Assert.Equal("completed", (await client.SettledAsync(retry.Id(), TimeSpan.FromSeconds(10))).Str("status"));
    }

    [Fact]
    public async Task The_same_idempotency_key_returns_the_first_payment_and_charges_once()
    {
        var (partnerId, client, subscriptionId) = await SubscribedAsync();
        var key = Guid.NewGuid().ToString();
        var first = await (await client.PayAsync(subscriptionId, key)).JsonAsync();
        var second = await client.PayAsync(subscriptionId, key);
        Assert.True(second.IsSuccessStatusCode);
        Assert.Equal(first.Id(), (await second.JsonAsync()).Id());
        Assert.Equal(1, await api.WithDbAsync(db => db.PartnerPayments.CountAsync(p => p.PartnerId == partnerId)));

        var reused = await client.PayAsync(Guid.NewGuid(), key);
        Assert.Equal(HttpStatusCode.Conflict, reused.StatusCode);
        Assert.Equal("idempotency_key_reused", await reused.CodeAsync());
    }

    [Fact]
    public async Task Parallel_requests_with_one_idempotency_key_make_one_payment()
    {
        var (partnerId, client, subscriptionId) = await SubscribedAsync();
        var key = Guid.NewGuid().ToString();
        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => client.PayAsync(subscriptionId, key)));
        var bodies = new List<string>();
        foreach (var r in responses) bodies.Add($"{(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}");
        Assert.True(responses.All(r => r.IsSuccessStatusCode), string.Join("\n", bodies));
        var ids = new HashSet<Guid>();
        foreach (var r in responses) ids.Add((await r.JsonAsync()).Id());
        Assert.Single(ids);
        Assert.Equal(1, await api.WithDbAsync(db => db.PartnerPayments.CountAsync(p => p.PartnerId == partnerId)));
        Assert.Equal(1, await api.WithDbAsync(db => db.PartnerInvoices.CountAsync(i => i.PartnerId == partnerId)));
    }

    [Fact]
    public async Task Without_a_key_bad_phone_or_an_unconfigured_gateway_the_request_is_refused_clearly()
    {
        var (_, client, subscriptionId) = await SubscribedAsync();
        var noKey = await client.PayAsync(subscriptionId, null);
        Assert.Equal(HttpStatusCode.BadRequest, noKey.StatusCode);
        Assert.Equal("idempotency_key_required", await noKey.CodeAsync());

        foreach (var bad in new[] { "12345", "0812345678", "+255712345678", "", "07123456789" })
        {
            var response = await client.PayAsync(subscriptionId, Guid.NewGuid().ToString(), "mpesa", bad);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty("phoneNumber", out _), bad);
        }
        var bareSandboxPhone = await client.PayAsync(subscriptionId, Guid.NewGuid().ToString(), "sandbox", "12345");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bareSandboxPhone.StatusCode);

        // Stripe has no credentials in the test configuration: not offered, and a payment through it is refused.
        var stripe = await client.PayAsync(subscriptionId, Guid.NewGuid().ToString(), "stripe");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, stripe.StatusCode);
        Assert.Equal("gateway_not_configured", await stripe.CodeAsync());
        var unknown = await client.PayAsync(subscriptionId, Guid.NewGuid().ToString(), "bitcoin");
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
    }

    [Fact]
    public async Task The_billing_history_filters_pages_and_exports_csv_with_a_byte_order_mark()
    {
        var (_, client, subscriptionId) = await SubscribedAsync();
        var failed = await (await client.PayAsync(subscriptionId, Guid.NewGuid().ToString(), "sandbox", "0700000000")).JsonAsync();
        Assert.Equal("failed", (await client.SettledAsync(failed.Id(), TimeSpan.FromSeconds(10))).Str("status"));
        var paid = await (await client.PayAsync(subscriptionId, Guid.NewGuid().ToString())).JsonAsync();
        Assert.Equal("completed", (await client.SettledAsync(paid.Id(), TimeSpan.FromSeconds(10))).Str("status"));

        var all = await client.GetJsonAsync<JsonElement>($"{Payments}?pageSize=1");
        Assert.Equal(2, all.GetProperty("total").GetInt32());
        Assert.Equal(paid.Id(), all.GetProperty("items").EnumerateArray().Single().Id()); // newest first
        var second = await client.GetJsonAsync<JsonElement>($"{Payments}?pageSize=1&page=2");
        Assert.Equal((failed.Id(), 2), (second.GetProperty("items").EnumerateArray().Single().Id(), second.GetProperty("total").GetInt32()));
        // A page past the end is empty but still says how many there are.
        var past = await client.GetJsonAsync<JsonElement>($"{Payments}?pageSize=1&page=3");
        Assert.Equal((0, 2), (past.GetProperty("items").GetArrayLength(), past.GetProperty("total").GetInt32()));
        var onlyFailed = await client.GetJsonAsync<JsonElement>($"{Payments}?status=failed");
        Assert.Equal(failed.Id(), onlyFailed.GetProperty("items").EnumerateArray().Single().Id());
        Assert.Equal(0, (await client.GetJsonAsync<JsonElement>($"{Payments}?from=2026-03-12")).GetProperty("total").GetInt32());
        Assert.Equal(2, (await client.GetJsonAsync<JsonElement>($"{Payments}?from=2026-03-11&to=2026-03-11&gateway=sandbox")).GetProperty("total").GetInt32());
        // Each filter narrows on its own, and together they all apply.
        int Total(JsonElement page) => page.GetProperty("total").GetInt32();
        Assert.Equal(0, Total(await client.GetJsonAsync<JsonElement>($"{Payments}?to=2026-03-10")));
        Assert.Equal(0, Total(await client.GetJsonAsync<JsonElement>($"{Payments}?gateway=mpesa")));
        Assert.Equal(2, Total(await client.GetJsonAsync<JsonElement>($"{Payments}?subscriptionId={subscriptionId}")));
        Assert.Equal(0, Total(await client.GetJsonAsync<JsonElement>($"{Payments}?subscriptionId={Guid.NewGuid()}")));
        Assert.Equal(1, Total(await client.GetJsonAsync<JsonElement>($"{Payments}?status=completed&gateway=sandbox&subscriptionId={subscriptionId}&from=2026-03-11")));

        var csv = await client.GetAsync($"{Payments}?format=csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes[3..]);
        Assert.StartsWith("Date,Invoice,Program", text);
        Assert.Contains(paid.Str("invoiceNumber"), text);
        Assert.Equal(3, text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task A_billing_history_page_and_its_total_are_one_statement_and_a_payment_another()
    {
        var (_, client, subscriptionId) = await SubscribedAsync();
        var paid = await (await client.PayAsync(subscriptionId, Guid.NewGuid().ToString())).JsonAsync();
        await client.SettledAsync(paid.Id(), TimeSpan.FromSeconds(10));
        foreach (var path in new[] { $"{Payments}?pageSize=5", $"{Payments}?status=completed&gateway=sandbox&from=2026-03-01&to=2026-03-31",
                     $"{Payments}?subscriptionId={subscriptionId}&page=1", $"{Payments}/{paid.Id()}" })
        {
            await api.CountQueriesOfNextRequestAsync(client);
            (await client.GetAsync(path)).EnsureSuccessStatusCode();
            Assert.True(api.Queries.Count == 1, $"{path} took {api.Queries.Count} queries");
        }
    }

    [Fact]
    public async Task Check_asks_the_gateway_and_applies_its_answer()
    {
        var (_, client, subscriptionId) = await SubscribedAsync();
        var payment = await (await client.PayAsync(subscriptionId, Guid.NewGuid().ToString())).JsonAsync();
        await client.SettledAsync(payment.Id(), TimeSpan.FromSeconds(10));
        var checkedPayment = await (await client.PostAsync($"{Payments}/{payment.Id()}/check")).JsonAsync();
        Assert.Equal("completed", checkedPayment.Str("status"));
    }
}

/// <summary>The receipt and invoice PDFs: real PDFs with the invoice number, a receipt only once paid.</summary>
public sealed class BillingDocumentTests(FinanceApiFactory api) : IClassFixture<FinanceApiFactory>
{
    [Fact]
    public async Task A_completed_payment_has_a_receipt_pdf_and_its_invoice_a_pdf_too()
    {
        api.SetNairobi(new DateOnly(2026, 3, 11), 12);
        var (partnerId, client) = await api.PartnerAsync();
        var programId = await api.ActiveProgramAsync(partnerId, 12500m, [new("Wanjiru", NairobiUtc(2026, 2, 1), NairobiUtc(2026, 3, 1))]);
        var payment = await (await client.PayAsync((await client.SubscribeAsync(programId)).Id(), "pdf")).JsonAsync();
        var early = await client.GetAsync($"{FinanceTestKit.Prefix}/payments/{payment.Id()}/receipt");
        if (early.StatusCode == HttpStatusCode.Conflict) Assert.Equal("no_receipt", await early.CodeAsync());
        Assert.Equal("completed", (await client.SettledAsync(payment.Id(), TimeSpan.FromSeconds(10))).Str("status"));

        var receipt = await client.GetAsync($"{FinanceTestKit.Prefix}/payments/{payment.Id()}/receipt");
        Assert.Equal(HttpStatusCode.OK, receipt.StatusCode);
        Assert.Equal("application/pdf", receipt.Content.Headers.ContentType!.MediaType);
        var bytes = await receipt.Content.ReadAsByteArrayAsync();
        Assert.Equal("%PDF", Encoding.ASCII.GetString(bytes[..4]));
        Assert.Contains(payment.Str("invoiceNumber"), Encoding.Latin1.GetString(bytes)); // the document title names it

        var invoice = await client.GetAsync($"{FinanceTestKit.Prefix}/invoices/{payment.GetProperty("invoiceId").GetGuid()}/pdf");
        Assert.Equal(HttpStatusCode.OK, invoice.StatusCode);
        Assert.Equal("%PDF", Encoding.ASCII.GetString((await invoice.Content.ReadAsByteArrayAsync())[..4]));

        var (_, other) = await api.PartnerAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"{FinanceTestKit.Prefix}/payments/{payment.Id()}/receipt")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"{FinanceTestKit.Prefix}/invoices/{payment.GetProperty("invoiceId").GetGuid()}/pdf")).StatusCode);
    }

    [Fact]
    public void Amounts_are_written_as_kenyans_write_them() =>
        Assert.Equal("KES 12,500.00", Elimu.Api.Common.Kes.Format(new Elimu.Api.Common.Money(12500m, "KES")));
}
