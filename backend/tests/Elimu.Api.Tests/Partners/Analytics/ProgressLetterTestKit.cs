using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Elimu.Api.Ai;
using Elimu.Api.Partners.Consent;
using Elimu.Api.Partners.Finance;
using Elimu.Api.Platform.Learning;
using Elimu.Api.Tests.Finance;
using Elimu.Api.Tests.Infrastructure;
using Elimu.Api.Tests.Partners.Ai;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Elimu.Api.Tests.Finance.FinanceApiFactory;

namespace Elimu.Api.Tests.Partners.Analytics;

/// <summary>The API on the finance tests' fake clock, recording its AI tasks, writing letter files to a folder of its own under the temp folder.</summary>
public sealed class LettersApiFactory : FinanceApiFactory
{
    public RecordingOrchestrator Orchestrator { get; } = new();
    public string LettersFolder { get; } = Path.Combine(Path.GetTempPath(), $"elimu-letters-{Guid.NewGuid():N}");

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings) { ["Letters:Directory"] = LettersFolder };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s => s.AddSingleton<IAiOrchestrator>(sp =>
        {
            Orchestrator.Wrap(ActivatorUtilities.CreateInstance<RoutedAiOrchestrator>(sp));
            return Orchestrator;
        }));
    }
}

public static class ProgressLetterTestKit
{
    public const string Letters = "/api/v1/partner/analytics/progress-letters";
    public const string Insights = "/api/v1/partner/analytics/student-insights";
    public const string Children = "/api/v1/partner/sponsorships/children";

    /// <summary>
    /// Term 1 of 2026 (5 January to 2 April; "today" is 11 March), all enrolled on 6 January: Amani, Baraka and Chebet consented on the 8th; Dalia was never
    /// asked, Eshe's guardian withdrew and Faraji's declined, and those three learned far more. Amani learned 60 minutes on
    /// 3 February and 30 on each of 9, 10 and 11 March (a 3-day streak), scored 50 (AE) in the area in December and 72
    /// (ME) on 10 February, earned a badge in February (and one in December, before the term). Baraka learned 90 minutes
    /// on 20 February and scored 85 (EE); Chebet nothing.
    /// </summary>
    public static async Task<(Guid ProgramId, Dictionary<string, (Guid ChildId, Guid StudentId)> Children, string Area, string AreaCode)> TermCohortAsync(
        this FinanceApiFactory api, Guid partnerId, string name)
    {
        var programId = await api.ActiveProgramAsync(partnerId, 100m,
        [
            new("Amani", NairobiUtc(2026, 1, 6), NairobiUtc(2026, 1, 8)),
            new("Baraka", NairobiUtc(2026, 1, 6), NairobiUtc(2026, 1, 8)),
            new("Chebet", NairobiUtc(2026, 1, 6), NairobiUtc(2026, 1, 8)),
            new("Dalia", NairobiUtc(2026, 1, 6), null),
            new("Eshe", NairobiUtc(2026, 1, 6), NairobiUtc(2026, 1, 8), RevokedAt: NairobiUtc(2026, 3, 1)),
            new("Faraji", NairobiUtc(2026, 1, 6), null),
        ], name: name);
        var c = await api.ChildrenAsync(programId);
        var area = $"Mathematics {name}";
        var maths = await api.LearningAreaAsync(area);
        var code = await api.WithDbAsync(db => db.LearningAreas.Where(a => a.Id == maths).Select(a => a.Code).SingleAsync());
        await api.WithDbAsync(async db =>
        {
            var parent = await db.SponsorshipConsents.Where(k => k.SponsoredChildId == c["Amani"].ChildId).Select(k => k.ParentId).FirstAsync();
            db.SponsorshipConsents.Add(new SponsorshipConsent
            {
                SponsoredChildId = c["Faraji"].ChildId, ParentId = parent, ConsentGiven = false, ConsentText = "Test consent", ConsentTextVersion = "test",
                RequestedAt = NairobiUtc(2026, 1, 7), ConsentedAt = NairobiUtc(2026, 1, 8),
            });
            // A paid subscription: a program whose billing is overdue shows no child's figures (and gets no letters).
            var subscription = new PartnerSubscription
            {
                PartnerId = partnerId, ProgramId = programId, BillingPeriod = Elimu.Api.Partners.Sponsorships.BillingPeriod.monthly, AmountPerChild = 100m,
                TotalChildren = 3, TotalAmount = 300m, CurrentPeriodStart = NairobiUtc(2026, 3, 1, 0), CurrentPeriodEnd = NairobiUtc(2026, 4, 1, 0),
                AnchorDate = new DateOnly(2026, 3, 1), CreatedAt = NairobiUtc(2026, 1, 1), UpdatedAt = NairobiUtc(2026, 3, 1),
            };
            db.PartnerSubscriptions.Add(subscription);
            db.PartnerPayments.Add(new PartnerPayment
            {
                SubscriptionId = subscription.Id, PartnerId = partnerId, Amount = 300m, Currency = "KES", Status = PaymentStatus.completed,
                PaymentGateway = PaymentGateway.sandbox, PeriodStart = NairobiUtc(2026, 3, 1, 0), PeriodEnd = NairobiUtc(2026, 4, 1, 0),
                PaidAt = NairobiUtc(2026, 3, 1), CreatedAt = NairobiUtc(2026, 3, 1),
            });
            db.Achievements.Add(new Achievement { StudentId = c["Amani"].StudentId, Kind = AchievementKind.badge, Title = "Seven-day streak", AwardedAt = NairobiUtc(2026, 2, 12) });
            db.Achievements.Add(new Achievement { StudentId = c["Amani"].StudentId, Kind = AchievementKind.badge, Title = "First lesson", AwardedAt = NairobiUtc(2025, 12, 2) });
            await db.SaveChangesAsync();
        });
        await api.LearnAsync(c["Amani"].StudentId, new DateOnly(2026, 2, 3), minutes: 60);
        foreach (var day in new[] { 9, 10, 11 }) await api.LearnAsync(c["Amani"].StudentId, new DateOnly(2026, 3, day), minutes: 30);
        await api.LearnAsync(c["Amani"].StudentId, new DateOnly(2025, 12, 1), area: maths, score: 50m);
        await api.LearnAsync(c["Amani"].StudentId, new DateOnly(2026, 2, 10), area: maths, score: 72m);
        await api.LearnAsync(c["Baraka"].StudentId, new DateOnly(2026, 2, 20), minutes: 90);
        await api.LearnAsync(c["Baraka"].StudentId, new DateOnly(2026, 2, 20), area: maths, score: 85m);
        foreach (var other in new[] { "Dalia", "Eshe", "Faraji" })
        {
            await api.LearnAsync(c[other].StudentId, new DateOnly(2026, 2, 5), minutes: 500);
            await api.LearnAsync(c[other].StudentId, new DateOnly(2026, 2, 5), area: maths, score: 10m);
        }
        return (programId, c, area, code);
    }

    public static async Task<Guid> GenerateLettersAsync(this ApiClient client, Guid programId, string term = "2026-1")
    {
        var response = await client.Http.PostAsJsonAsync(Letters, new { programId, term });
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>Polls the batch (as the page does without the hub) until it has ended.</summary>
    public static async Task<JsonElement> LettersEndedAsync(this ApiClient client, Guid id, TimeSpan? within = null)
    {
        var until = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            var batch = await client.GetJsonAsync<JsonElement>($"{Letters}/{id}");
            if (batch.GetProperty("status").GetString() is "completed" or "failed" or "cancelled") return batch;
            if (DateTime.UtcNow > until) throw new TimeoutException($"Batch {id} still {batch}");
            await Task.Delay(50);
        }
    }
}
