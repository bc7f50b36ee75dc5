using System.Collections.Concurrent;
using System.Net;
using Elimu.Api.Common;
using Elimu.Api.Partners.Finance;
using Elimu.Api.Payments;
using Elimu.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using static Elimu.Api.Tests.Finance.Dunning.DunningTestKit;
using static Elimu.Api.Tests.Finance.FinanceTestKit;

namespace Elimu.Api.Tests.Finance.Dunning;

/// <summary>A gateway whose callbacks never come: the test says what a query answers, and counts the queries.</summary>
public sealed class SilentGateway : IPaymentGateway
{
    public ConcurrentDictionary<string, GatewayResult> Answers { get; } = new();
    public ConcurrentBag<string> Queried { get; } = [];
    public PaymentGateway Gateway => PaymentGateway.sandbox;
    public bool IsConfigured => true;
    public Money ChargeFor(Money invoiceAmount) => invoiceAmount;

    public Task<GatewayStart> StartAsync(GatewayCharge charge, CancellationToken ct) =>
        Task.FromResult(new GatewayStart(GatewayState.Pending, $"silent_{charge.PaymentId:N}"));

    public Task<GatewayResult> QueryAsync(string gatewayReference, CancellationToken ct)
    {
        Queried.Add(gatewayReference);
        return Task.FromResult(Answers.TryGetValue(gatewayReference, out var answer) ? answer : new GatewayResult(Gateway, gatewayReference, GatewayState.Pending));
    }
}

public sealed class SilentGatewayFactory : DunningFactory
{
    public SilentGateway Gateway { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll(d => d.ServiceType == typeof(IPaymentGateway));
            services.AddSingleton<IPaymentGateway>(Gateway);
        });
    }
}

/// <summary>PaymentReconciliationJob's run: payments pending longer than Payments:Reconciliation:PendingMinutes (10) are
/// asked of their gateway, and the answer is applied once.</summary>
public sealed class ReconciliationJobTests
{
    [Fact]
    public async Task Payments_pending_past_the_configured_time_are_asked_of_the_gateway_and_settled_once()
    {
        await using var api = new SilentGatewayFactory();
        await api.InitializeAsync();
        api.At(Start);
        var partner = await api.SubscribedPartnerAsync(autoPay: false);
        var other = await api.SubscribedPartnerAsync(autoPay: false);
        var started = await (await partner.Client()).PayAsync(partner.SubscriptionId, "recon-1");
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var paymentId = (await started.JsonAsync()).Id();
        api.SetNairobi(Start, 10); // the other payment is younger by the minutes below
        api.Time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(HttpStatusCode.Accepted, (await (await other.Client()).PayAsync(other.SubscriptionId, "recon-2")).StatusCode);
        var reference = Assert.Single(await api.PaymentsAsync(partner.SubscriptionId)).TransactionReference!;
        var reconciler = api.Services.GetRequiredService<PaymentReconciler>();

        // 9 minutes after the first payment: nothing is old enough to ask about.
        api.Time.Advance(TimeSpan.FromMinutes(4));
        Assert.Equal(0, await reconciler.RunAsync(default));
        Assert.Empty(api.Gateway.Queried);

        // 11 minutes: the first is asked (and still pending at the provider: nothing changes), the younger one is not.
        api.Time.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(0, await reconciler.RunAsync(default));
        Assert.Equal([reference], api.Gateway.Queried.ToList());

        // The provider now says it was paid: applied once, however often the job runs.
        var invoice = Assert.Single(await api.InvoicesAsync(partner.SubscriptionId));
        api.Gateway.Answers[reference] = new GatewayResult(PaymentGateway.sandbox, reference, GatewayState.Completed, new Money(invoice.Total, "KES"), Receipt: "R1");
        Assert.Equal(1, await reconciler.RunAsync(default));
        Assert.Equal(0, await reconciler.RunAsync(default));
        Assert.Equal("completed", (await (await partner.Client()).GetJsonAsync<System.Text.Json.JsonElement>($"{Prefix}/payments/{paymentId}")).Str("status"));
        Assert.Equal(InvoiceStatus.paid, Assert.Single(await api.InvoicesAsync(partner.SubscriptionId)).Status);
        Assert.Single(await api.PaymentNoticesAsync(partner.PartnerId), n => n.StartsWith("Payment received"));
        Assert.Equal(2, api.Gateway.Queried.Count(r => r == reference)); // not asked again once settled
        // The younger payment (now 7 minutes old... and then old enough) is only asked once it is.
        Assert.Equal(PaymentStatus.pending, Assert.Single(await api.PaymentsAsync(other.SubscriptionId)).Status);
    }
}
