using System.Net;
using Elimu.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Elimu.Api.Tests.Finance.FinanceApiFactory;

namespace Elimu.Api.Tests.Finance;

/// <summary>Invoice numbers stay sequential without gaps when 50 payments, each issuing an invoice, arrive at once.</summary>
public sealed class InvoiceNumberConcurrencyTests(FinanceApiFactory api) : IClassFixture<FinanceApiFactory>
{
    [Fact]
    public async Task Fifty_concurrent_payments_get_fifty_consecutive_invoice_numbers()
    {
        api.SetNairobi(new DateOnly(2026, 3, 11), 12);
        var (partnerId, client) = await api.PartnerAsync();
        var subscriptions = new List<Guid>();
        for (var i = 0; i < 50; i++)
        {
            var programId = await api.ActiveProgramAsync(partnerId, 500m + i, [new($"Kid{i}", NairobiUtc(2026, 2, 1), NairobiUtc(2026, 3, 1))], name: $"Program {i}");
            subscriptions.Add((await client.SubscribeAsync(programId)).Id());
        }
        var before = await api.WithDbAsync(db => db.InvoiceCounters.Where(c => c.Year == 2026).Select(c => (int?)c.LastNumber).FirstOrDefaultAsync()) ?? 0;

        var responses = await Task.WhenAll(subscriptions.Select(id => client.PayAsync(id, $"key-{id}")));
        var failures = new List<string>();
        foreach (var r in responses.Where(r => r.StatusCode != HttpStatusCode.Accepted))
            failures.Add($"{(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}");
        Assert.True(failures.Count == 0, string.Join("\n", failures));

        var numbers = await api.WithDbAsync(db => db.PartnerInvoices.Where(i => i.PartnerId == partnerId).Select(i => i.Number).ToListAsync());
        Assert.Equal(50, numbers.Count);
        var expected = Enumerable.Range(before + 1, 50).Select(n => $"INV-2026-{n:000000}").ToList();
        Assert.Equal(expected, numbers.Order(StringComparer.Ordinal).ToList());
        Assert.Equal(before + 50, await api.WithDbAsync(db => db.InvoiceCounters.Where(c => c.Year == 2026).Select(c => c.LastNumber).FirstAsync()));
    }
}
