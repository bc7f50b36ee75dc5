using System.Net;
using System.Text.Json;
using Elimu.Api.Common;
using Elimu.Api.Partners.Finance;
using Elimu.Api.Partners.Finance.Dunning;
using Elimu.Api.Payments;
using Elimu.Api.Platform.Notifications;
using Elimu.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using static Elimu.Api.Tests.Finance.FinanceTestKit;

namespace Elimu.Api.Tests.Finance.Dunning;

/// <summary>
/// The API on the finance fake clock with a sandbox that never confirms by itself (the tests deliver each result), and
/// without the periodic renewal and reconciliation jobs: the tests run <see cref="RenewalRunner"/> at the moments they choose.
/// </summary>
public class DunningFactory : FinanceApiFactory
{
    protected override int SandboxConfirmAfterMs => 600_000;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.RemoveAll(d => d.ServiceType == typeof(IHostedService)
            && (d.ImplementationType == typeof(RenewalJob) || d.ImplementationType == typeof(PaymentReconciliationJob))));
    }
}

/// <summary>Another instance on the first one's database and on its clock.</summary>
public sealed class DunningSecondHost(DunningFactory first) : ElimuApiFactory(first)
{
    protected override TimeProvider? Clock => first.Time;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Payments:Sandbox:ConfirmAfterMs"] = "600000" };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.RemoveAll(d => d.ServiceType == typeof(IHostedService)
            && (d.ImplementationType == typeof(RenewalJob) || d.ImplementationType == typeof(PaymentReconciliationJob))));
    }

    public override Task InitializeAsync() => Task.CompletedTask;
}

internal static class ServiceCollectionRemoval
{
    public static void RemoveAll(this IServiceCollection services, Func<ServiceDescriptor, bool> match)
    {
        foreach (var d in services.Where(match).ToList()) services.Remove(d);
    }
}

public static class DunningTestKit
{
    public static readonly DateOnly Start = new(2026, 3, 11);

    /// <summary>Children enrolled in January with consent given then: billable and visible from the first day.</summary>
    public static readonly TestChild[] ThreeChildren =
    [
        new("Amina", FinanceApiFactory.NairobiUtc(2026, 1, 10), FinanceApiFactory.NairobiUtc(2026, 1, 12)),
        new("Baraka", FinanceApiFactory.NairobiUtc(2026, 1, 10), FinanceApiFactory.NairobiUtc(2026, 1, 12)),
        new("Chebet", FinanceApiFactory.NairobiUtc(2026, 1, 10), FinanceApiFactory.NairobiUtc(2026, 1, 12)),
    ];

    /// <summary>A partner with its subscription. <see cref="Client"/> signs in again whenever asked: a moved clock outlives sessions.</summary>
    public sealed record Subscribed(Guid PartnerId, string Email, Func<Task<ApiClient>> SignIn, Guid ProgramId, Guid SubscriptionId)
    {
        public Task<ApiClient> Client() => SignIn();
    }

    /// <summary>A new partner with a monthly program of three children (KES 1,000 each), subscribed on 11 March 2026;
    /// with <paramref name="autoPay"/>, a default sandbox method the job may charge.</summary>
    public static async Task<Subscribed> SubscribedPartnerAsync(this DunningFactory api, bool autoPay)
    {
        var (partnerId, client) = await api.PartnerAsync();
        var program = await api.ActiveProgramAsync(partnerId, 1_000m, ThreeChildren);
        if (autoPay)
            await api.WithDbAsync(async db =>
            {
                db.PaymentMethods.Add(new PaymentMethod { PartnerId = partnerId, Gateway = PaymentGateway.sandbox, Label = "Sandbox card", MaskedDetail = "•••• 4242", IsDefault = true });
                await db.SaveChangesAsync();
            });
        var subscription = await client.SubscribeAsync(program);
        client.Dispose();
        var email = await api.WithDbAsync(db => db.Users.Where(u => u.Id == partnerId).Select(u => u.Email!).SingleAsync());
        return new(partnerId, email, () => api.LoginAsync(email, TestUsers.Password), program, subscription.Id());
    }

    public static Task<RenewalReport> RenewAsync(this ElimuApiFactory api) => api.Services.GetRequiredService<RenewalRunner>().RunAsync(default);

    /// <summary>Sets the clock to 10:00 in Nairobi on <paramref name="day"/>.</summary>
    public static void At(this DunningFactory api, DateOnly day, int hour = 10) => api.SetNairobi(day, hour);

    public static Task<List<string>> PaymentNoticesAsync(this ElimuApiFactory api, Guid partnerId) =>
        api.WithDbAsync(db => db.Notifications.Where(n => n.UserId == partnerId && n.Category == NotificationCategory.payment)
            .OrderBy(n => n.CreatedAt).ThenBy(n => n.Id).Select(n => n.Title).ToListAsync());

    public static Task<PartnerSubscription> SubscriptionAsync(this ElimuApiFactory api, Guid id) =>
        api.WithDbAsync(db => db.PartnerSubscriptions.AsNoTracking().SingleAsync(s => s.Id == id));

    public static Task<List<PartnerInvoice>> InvoicesAsync(this ElimuApiFactory api, Guid subscriptionId) =>
        api.WithDbAsync(db => db.PartnerInvoices.AsNoTracking().Include(i => i.Lines).Where(i => i.SubscriptionId == subscriptionId)
            .OrderBy(i => i.PeriodStart).ToListAsync());

    public static Task<List<PartnerPayment>> PaymentsAsync(this ElimuApiFactory api, Guid subscriptionId) =>
        api.WithDbAsync(db => db.PartnerPayments.AsNoTracking().Where(p => p.SubscriptionId == subscriptionId).OrderBy(p => p.CreatedAt).ToListAsync());

    /// <summary>The sandbox's answer for the subscription's one pending payment, delivered as its callback would be.</summary>
    public static async Task SettlePendingAsync(this ElimuApiFactory api, Guid subscriptionId, bool paid)
    {
        var pending = Assert.Single(await api.PaymentsAsync(subscriptionId), p => p.Status == PaymentStatus.pending);
        using var scope = api.Services.CreateScope();
        var results = scope.ServiceProvider.GetRequiredService<IPaymentResults>();
        var applied = await results.ApplyAsync(paid
            ? new GatewayResult(PaymentGateway.sandbox, pending.TransactionReference!, GatewayState.Completed, new Money(pending.Amount, pending.Currency), Receipt: "SBXTEST")
            : new GatewayResult(PaymentGateway.sandbox, pending.TransactionReference!, GatewayState.Failed, Code: "declined", Message: "Declined by the test."), default);
        Assert.Equal(ResultApplied.Applied, applied);
    }

    public static async Task<List<Guid>> ChildIdsAsync(this ElimuApiFactory api, Guid programId) =>
        await api.WithDbAsync(db => db.SponsoredChildren.Where(c => c.ProgramId == programId).OrderBy(c => c.Id).Select(c => c.Id).ToListAsync());

    public static async Task<JsonElement> SubscriptionItemAsync(this Subscribed partner)
    {
        using var client = await partner.Client();
        var id = partner.SubscriptionId;
        var items = await client.GetJsonAsync<JsonElement>($"{Prefix}/subscriptions");
        return items.EnumerateArray().Single(i => i.Id() == id);
    }

    public static async Task<(HttpStatusCode Status, JsonElement Body)> ChildViewAsync(this ApiClient client, Guid childId, string tab = "progress")
    {
        var response = await client.GetAsync($"/api/v1/partner/sponsorships/children/{childId}/{tab}");
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }
}
