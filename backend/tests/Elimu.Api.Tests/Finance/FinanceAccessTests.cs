using System.Net;
using System.Text.Json;
using Elimu.Api.Tests.Infrastructure;
using static Elimu.Api.Tests.Finance.FinanceApiFactory;

namespace Elimu.Api.Tests.Finance;

/// <summary>A second partner sees and touches none of the first partner's subscriptions, invoices and payments.</summary>
public sealed class FinanceAccessTests(FinanceApiFactory api) : IClassFixture<FinanceApiFactory>
{
    private const string Prefix = FinanceTestKit.Prefix;

    [Fact]
    public async Task A_second_partner_is_refused_on_every_finance_route()
    {
        api.SetNairobi(new DateOnly(2026, 3, 11), 12);
        var (firstId, first) = await api.PartnerAsync();
        var programId = await api.ActiveProgramAsync(firstId, 1000m, [new("Sifa", NairobiUtc(2026, 2, 1), NairobiUtc(2026, 3, 1))]);
        var subscriptionId = (await first.SubscribeAsync(programId)).Id();
        var payment = await (await first.PayAsync(subscriptionId, "first-key")).JsonAsync();
        var invoiceId = payment.GetProperty("invoiceId").GetGuid();

        var (_, second) = await api.PartnerAsync();
        Assert.Empty((await second.GetJsonAsync<JsonElement>($"{Prefix}/subscriptions")).EnumerateArray());
        Assert.Equal(0, (await second.GetJsonAsync<JsonElement>($"{Prefix}/invoices")).GetProperty("total").GetInt32());
        Assert.Equal(0, (await second.GetJsonAsync<JsonElement>($"{Prefix}/payments")).GetProperty("total").GetInt32());
        var csv = await (await second.GetAsync($"{Prefix}/payments?format=csv")).Content.ReadAsStringAsync();
        Assert.DoesNotContain(payment.Str("invoiceNumber"), csv);

        var refused = new (string Name, Func<Task<HttpResponseMessage>> Call)[]
        {
            ("subscribe another's program", () => second.PostAsync($"{Prefix}/subscriptions", new { programId })),
            ("change", () => second.PutAsync($"{Prefix}/subscriptions/{subscriptionId}", new { autoRenew = false })),
            ("cancel", () => second.DeleteAsync($"{Prefix}/subscriptions/{subscriptionId}")),
            ("invoice", () => second.GetAsync($"{Prefix}/invoices/{invoiceId}")),
            ("pay", () => second.PayAsync(subscriptionId, "second-key")),
            ("payment", () => second.GetAsync($"{Prefix}/payments/{payment.Id()}")),
            ("check", () => second.PostAsync($"{Prefix}/payments/{payment.Id()}/check")),
        };
        foreach (var (name, call) in refused)
            Assert.True((await call()).StatusCode == HttpStatusCode.NotFound, name);
        // The first partner's key is theirs only: the second partner's use of it is a payment attempt of their own.
        Assert.Equal(HttpStatusCode.NotFound, (await second.PayAsync(subscriptionId, "first-key")).StatusCode);
        Assert.Equal("ACTIVE", (await first.GetJsonAsync<JsonElement>($"{Prefix}/subscriptions")).EnumerateArray().Single().Str("status"));
    }
}
