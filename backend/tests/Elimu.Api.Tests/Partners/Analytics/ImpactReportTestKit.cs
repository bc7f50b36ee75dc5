using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Elimu.Api.Partners.Finance;
using Elimu.Api.Tests.Finance;
using Elimu.Api.Tests.Infrastructure;
using Elimu.Api.Tests.Partners.Ai;
using static Elimu.Api.Tests.Finance.FinanceApiFactory;

namespace Elimu.Api.Tests.Partners.Analytics;

public static class ImpactReportTestKit
{
    public const string Generate = "/api/v1/partner/analytics/reports/generate";
    public const string Reports = "/api/v1/partner/analytics/impact-reports";

    /// <summary>
    /// A program of five children: Amani, Baraka and Chebet consented, Dalia never asked, Eshe's guardian withdrew. In
    /// February 2026: Amani learned 60 + 30 minutes and scored 72 (ME) in the area, Baraka 90 minutes and 85 (EE),
    /// Chebet nothing; Dalia and Eshe learned far more and scored 10 and 20. In January Amani scored 60 (ME), the
    /// previous period's only assessment. KES 3,000 was paid on 15 February.
    /// </summary>
    public static async Task<(Guid ProgramId, string Area)> FebruaryCohortAsync(this FinanceApiFactory api, Guid partnerId, string name)
    {
        var programId = await api.ActiveProgramAsync(partnerId, 100m,
        [
            new("Amani", NairobiUtc(2026, 1, 10), NairobiUtc(2026, 1, 11)),
            new("Baraka", NairobiUtc(2026, 1, 10), NairobiUtc(2026, 1, 11)),
            new("Chebet", NairobiUtc(2026, 1, 10), NairobiUtc(2026, 1, 11)),
            new("Dalia", NairobiUtc(2026, 1, 10), null),
            new("Eshe", NairobiUtc(2026, 1, 10), NairobiUtc(2026, 1, 11), RevokedAt: NairobiUtc(2026, 3, 1)),
        ], name: name);
        var c = await api.ChildrenAsync(programId);
        var area = $"Mathematics {name}";
        var maths = await api.LearningAreaAsync(area);
        await api.LearnAsync(c["Amani"].StudentId, new DateOnly(2026, 2, 3), minutes: 60);
        await api.LearnAsync(c["Amani"].StudentId, new DateOnly(2026, 2, 10), minutes: 30);
        await api.LearnAsync(c["Amani"].StudentId, new DateOnly(2026, 2, 10), area: maths, score: 72m);
        await api.LearnAsync(c["Amani"].StudentId, new DateOnly(2026, 1, 20), area: maths, score: 60m);
        await api.LearnAsync(c["Baraka"].StudentId, new DateOnly(2026, 2, 20), minutes: 90);
        await api.LearnAsync(c["Baraka"].StudentId, new DateOnly(2026, 2, 20), area: maths, score: 85m);
        await api.LearnAsync(c["Dalia"].StudentId, new DateOnly(2026, 2, 5), minutes: 500);
        await api.LearnAsync(c["Dalia"].StudentId, new DateOnly(2026, 2, 5), area: maths, score: 10m);
        await api.LearnAsync(c["Eshe"].StudentId, new DateOnly(2026, 2, 6), minutes: 700);
        await api.LearnAsync(c["Eshe"].StudentId, new DateOnly(2026, 2, 6), area: maths, score: 20m);
        await api.WithDbAsync(async db =>
        {
            var subscription = new PartnerSubscription
            {
                PartnerId = partnerId, ProgramId = programId, BillingPeriod = Elimu.Api.Partners.Sponsorships.BillingPeriod.monthly, AmountPerChild = 100m,
                TotalChildren = 3, TotalAmount = 300m, CurrentPeriodStart = NairobiUtc(2026, 2, 1, 0), CurrentPeriodEnd = NairobiUtc(2026, 3, 1, 0),
                AnchorDate = new DateOnly(2026, 2, 1), CreatedAt = NairobiUtc(2026, 2, 1), UpdatedAt = NairobiUtc(2026, 2, 1),
            };
            db.PartnerSubscriptions.Add(subscription);
            db.PartnerPayments.Add(new PartnerPayment
            {
                SubscriptionId = subscription.Id, PartnerId = partnerId, Amount = 3000m, Currency = "KES", Status = PaymentStatus.completed,
                PaymentGateway = PaymentGateway.sandbox, PeriodStart = NairobiUtc(2026, 2, 1, 0), PeriodEnd = NairobiUtc(2026, 3, 1, 0),
                PaidAt = NairobiUtc(2026, 2, 15), CreatedAt = NairobiUtc(2026, 2, 15),
            });
            await db.SaveChangesAsync();
        });
        return (programId, area);
    }

    public static async Task<Guid> GenerateAsync(this ApiClient client, object body)
    {
        var response = await client.Http.PostAsJsonAsync(Generate, body);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>Polls the report's progress (as the page does without the hub) until it has ended.</summary>
    public static async Task<JsonElement> EndedAsync(this ApiClient client, Guid id, TimeSpan? within = null)
    {
        var until = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var progress = await client.GetJsonAsync<JsonElement>($"{Reports}/{id}/progress");
            if (progress.GetProperty("status").GetString() is "completed" or "failed" or "cancelled") return await client.GetJsonAsync<JsonElement>($"{Reports}/{id}");
            if (DateTime.UtcNow > until) throw new TimeoutException($"Report {id} still {progress}");
            await Task.Delay(50);
        }
    }
}
