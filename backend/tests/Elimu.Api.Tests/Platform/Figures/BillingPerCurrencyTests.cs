using Elimu.Api.Common;
using Elimu.Api.Partners.Dashboard;
using Elimu.Api.Partners.Finance;
using Elimu.Api.Platform.Identity;
using Elimu.Api.Tests.Infrastructure;

namespace Elimu.Api.Tests.Platform.Figures;

/// <summary>Money is a value with its currency: the overview's billing gives one total per currency and never adds KES to USD.</summary>
public sealed class BillingPerCurrencyTests(ElimuApiFactory api) : IClassFixture<ElimuApiFactory>
{
    private const string Overview = "/api/v1/partner/dashboard/overview";

    [Fact]
    public async Task A_partner_paying_in_KES_and_USD_gets_two_totals()
    {
        var partner = await api.CreateAsync(Roles.Partner);
        var now = DateTime.UtcNow;
        await api.WithDbAsync(async db =>
        {
            var program = new Elimu.Api.Partners.Sponsorships.SponsorshipProgram { PartnerId = partner.Id, Name = "Money cohort" };
            var subscription = new PartnerSubscription { PartnerId = partner.Id, ProgramId = program.Id, Currency = "KES" };
            db.AddRange(program, subscription);
            PartnerPayment Payment(decimal amount, string currency, PaymentStatus status) => new()
            {
                SubscriptionId = subscription.Id, PartnerId = partner.Id, Amount = amount, Currency = currency, Status = status,
                PeriodStart = now, PeriodEnd = now.AddDays(20), PaidAt = status == PaymentStatus.completed ? now.AddMinutes(-5) : null,
            };
            db.AddRange(Payment(52_500m, "KES", PaymentStatus.completed), Payment(7_500m, "KES", PaymentStatus.pending),
                Payment(120m, "USD", PaymentStatus.completed), Payment(80m, "usd", PaymentStatus.failed));
            await db.SaveChangesAsync();
        });

        using var client = await api.LoginAsync(partner.Email!, TestUsers.Password);
        var billing = (await client.GetJsonAsync<PartnerDashboardOverview>(Overview)).Billing;

        Assert.Equal(["KES", "USD"], billing.Currencies.Select(c => c.Currency));
        var kes = billing.Currencies[0];
        Assert.Equal(new Money(60_000m, "KES"), kes.BilledThisPeriod);
        Assert.Equal(new Money(52_500m, "KES"), kes.PaidThisPeriod);
        Assert.Equal(new Money(7_500m, "KES"), kes.Outstanding);
        var usd = billing.Currencies[1];
        Assert.Equal(new Money(200m, "USD"), usd.BilledThisPeriod);
        Assert.Equal(new Money(120m, "USD"), usd.PaidThisPeriod);
        Assert.Equal(new Money(80m, "USD"), usd.Outstanding);
        Assert.Equal(2, billing.PendingPayments);
    }

    [Fact]
    public async Task A_partner_without_payments_sees_zero_KES()
    {
        var partner = await api.CreateAsync(Roles.Partner);
        using var client = await api.LoginAsync(partner.Email!, TestUsers.Password);
        var billing = (await client.GetJsonAsync<PartnerDashboardOverview>(Overview)).Billing;
        var only = Assert.Single(billing.Currencies);
        Assert.Equal(Money.Zero("KES"), only.Outstanding);
    }

    [Fact]
    public void Money_refuses_to_add_currencies()
    {
        Assert.Throws<InvalidOperationException>(() => new Money(1m, "KES") + new Money(1m, "USD"));
        Assert.Equal(new Money(3m, "KES"), new Money(1m, "KES") + new Money(2m, "kes"));
        Assert.Throws<ArgumentException>(() => new Money(1m, "XYZ1"));
        Assert.Equal(["KES", "EUR", "USD"], Money.TotalsByCurrency([new(1m, "USD"), new(2m, "EUR"), new(3m, "KES"), new(4m, "USD")]).Select(m => m.Currency));
    }
}
