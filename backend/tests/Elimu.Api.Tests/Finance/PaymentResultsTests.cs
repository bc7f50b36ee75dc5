using System.Text.Json;
using Elimu.Api.Common;
using Elimu.Api.Partners.Finance;
using Elimu.Api.Payments;
using Elimu.Api.Tests.Infrastructure;
using Elimu.Api.Tests.Partners.Sponsorships;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Elimu.Api.Tests.Finance.FinanceApiFactory;

namespace Elimu.Api.Tests.Finance;

/// <summary>
/// IPaymentResults, as a gateway's callback or webhook calls it: applied at most once (also when deliveries race), and a
/// result with a wrong amount or currency or an unknown reference changes nothing. The sandbox here never confirms by itself.
/// </summary>
public sealed class PaymentResultsTests(SlowSandboxFactory api) : IClassFixture<SlowSandboxFactory>
{
    private async Task<(Guid PartnerId, ApiClient Client, JsonElement Payment, string Reference)> PendingPaymentAsync()
    {
        api.SetNairobi(new DateOnly(2026, 3, 11), 12);
        var (partnerId, client) = await api.PartnerAsync();
        var programId = await api.ActiveProgramAsync(partnerId, 1250m,
            [new("Pendo", NairobiUtc(2026, 2, 1), NairobiUtc(2026, 3, 1)), new("Rehema", NairobiUtc(2026, 2, 1), NairobiUtc(2026, 3, 1))]);
        var payment = await (await client.PayAsync((await client.SubscribeAsync(programId)).Id(), Guid.NewGuid().ToString())).JsonAsync();
        var reference = await api.WithDbAsync(db => db.PartnerPayments.Where(p => p.Id == payment.Id()).Select(p => p.TransactionReference!).FirstAsync());
        return (partnerId, client, payment, reference);
    }

    private async Task<ResultApplied> ApplyAsync(GatewayResult result)
    {
        await using var scope = api.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IPaymentResults>().ApplyAsync(result, CancellationToken.None);
    }

    private static string StatusOf(JsonElement payment) => payment.Str("status");

    [Fact]
    public async Task A_wrong_amount_a_wrong_currency_or_an_unknown_reference_changes_nothing()
    {
        var (_, client, payment, reference) = await PendingPaymentAsync();
        Assert.Equal(2900m, payment.Dec("amount")); // 2 × 1,250 + 16% VAT

        Assert.Equal(ResultApplied.Mismatch, await ApplyAsync(new(PaymentGateway.sandbox, reference, GatewayState.Completed, new Money(2899m, "KES"))));
        Assert.Equal(ResultApplied.Mismatch, await ApplyAsync(new(PaymentGateway.sandbox, reference, GatewayState.Completed, new Money(2900m, "USD"))));
        Assert.Equal(ResultApplied.UnknownReference, await ApplyAsync(new(PaymentGateway.sandbox, "sbx_nobody", GatewayState.Completed, new Money(2900m, "KES"))));
        // The right reference of another gateway is not this payment either.
        Assert.Equal(ResultApplied.UnknownReference, await ApplyAsync(new(PaymentGateway.mpesa, reference, GatewayState.Completed, new Money(2900m, "KES"))));
        Assert.Equal("pending", StatusOf(await client.GetJsonAsync<JsonElement>($"{FinanceTestKit.Prefix}/payments/{payment.Id()}")));
        var invoice = (await client.GetJsonAsync<JsonElement>($"{FinanceTestKit.Prefix}/invoices/{payment.GetProperty("invoiceId").GetGuid()}")).GetProperty("invoice");
        Assert.Equal("open", invoice.Str("status"));
    }

    [Fact]
    public async Task A_result_is_applied_once_however_often_it_arrives_and_whatever_comes_after()
    {
        var (partnerId, client, payment, reference) = await PendingPaymentAsync();
        var result = new GatewayResult(PaymentGateway.sandbox, reference, GatewayState.Completed, new Money(2900m, "KES"), Receipt: "RCPT123");

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => ApplyAsync(result))));
        Assert.Equal(1, outcomes.Count(o => o == ResultApplied.Applied));
        Assert.Equal(5, outcomes.Count(o => o == ResultApplied.AlreadyApplied));
        // A late "failed" for the same reference changes nothing either.
        Assert.Equal(ResultApplied.AlreadyApplied, await ApplyAsync(result with { State = GatewayState.Failed, Amount = null }));

        var settled = await client.GetJsonAsync<JsonElement>($"{FinanceTestKit.Prefix}/payments/{payment.Id()}");
        Assert.Equal("completed", StatusOf(settled));
        Assert.Equal("RCPT123", settled.Str("receipt"));
        Assert.Equal(1, await api.WithDbAsync(db => db.Notifications.CountAsync(n => n.UserId == partnerId && n.Title.StartsWith("Payment received"))));
        var invoice = (await client.GetJsonAsync<JsonElement>($"{FinanceTestKit.Prefix}/invoices/{payment.GetProperty("invoiceId").GetGuid()}")).GetProperty("invoice");
        Assert.Equal("paid", invoice.Str("status"));
        // The dashboard's billing card counts it as paid this period.
        var overview = await client.GetJsonAsync<JsonElement>("/api/v1/partner/dashboard/overview");
        var kes = overview.GetProperty("billing").GetProperty("currencies").EnumerateArray().Single(c => c.Str("currency") == "KES");
        Assert.Equal(2900m, kes.GetProperty("paidThisPeriod").Dec("amount"));
    }

    [Fact]
    public async Task A_failed_result_fails_the_payment_and_tells_the_partner()
    {
        var (partnerId, client, payment, reference) = await PendingPaymentAsync();
        Assert.Equal(ResultApplied.Applied, await ApplyAsync(new(PaymentGateway.sandbox, reference, GatewayState.Failed, Code: "1032", Message: "Request cancelled by user")));
        var failed = await client.GetJsonAsync<JsonElement>($"{FinanceTestKit.Prefix}/payments/{payment.Id()}");
        Assert.Equal("failed", StatusOf(failed));
        Assert.Equal("1032", failed.Str("failureCode"));
        Assert.Contains(await api.WithDbAsync(db => db.Notifications.Where(n => n.UserId == partnerId).Select(n => n.Body).ToListAsync()),
            b => b.Contains("Request cancelled by user"));
    }

    [Fact]
    public async Task A_callback_secret_names_only_its_own_pending_payment()
    {
        var (_, _, payment, reference) = await PendingPaymentAsync();
        await api.WithDbAsync(async db =>
        {
            var row = await db.PartnerPayments.FirstAsync(p => p.Id == payment.Id());
            row.PaymentGateway = PaymentGateway.mpesa;
            row.CallbackSecretHash = InvoicePayments.HashSecret("the-secret");
            await db.SaveChangesAsync();
        });
        await using var scope = api.Services.CreateAsyncScope();
        var results = scope.ServiceProvider.GetRequiredService<IPaymentResults>();
        Assert.Equal(reference, await results.ReferenceForCallbackSecretAsync(PaymentGateway.mpesa, "the-secret", CancellationToken.None));
        Assert.Null(await results.ReferenceForCallbackSecretAsync(PaymentGateway.mpesa, "another-secret", CancellationToken.None));
        Assert.Null(await results.ReferenceForCallbackSecretAsync(PaymentGateway.stripe, "the-secret", CancellationToken.None));
    }
}
