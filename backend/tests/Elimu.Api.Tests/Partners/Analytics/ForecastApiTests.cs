using System.Net;
using System.Text.Json;
using Elimu.Api.Ai;
using Elimu.Api.Partners.Finance;
using Elimu.Api.Partners.Sponsorships;
using Elimu.Api.Tests.Finance;
using Elimu.Api.Tests.Infrastructure;
using Elimu.Api.Tests.Partners.Ai;
using static Elimu.Api.Tests.Finance.FinanceApiFactory;
using static Elimu.Api.Tests.Partners.Analytics.AnalyticsTestKit;

namespace Elimu.Api.Tests.Partners.Analytics;

/// <summary>
/// GET /analytics/forecasts over HTTP. The clock is 11 March 2026, so the completed terms of the configured calendar are
/// the three of 2025, and the next three are the terms of 2026.
/// </summary>
public sealed class ForecastApiTests(AiInsightsApiFactory api) : IClassFixture<AiInsightsApiFactory>
{
    private static readonly DateOnly Today = new(2026, 3, 11);

    /// <summary>
    /// Consented children 2, 4, 6 in the three terms, learners 1, 2, 3, spend 1,000, 1,500, 2,000 KES. Beside them, what
    /// must not count: a child whose guardian withdrew consent and one never asked (both enrolled and learning all year),
    /// a pending payment, a payment in USD, and another partner's payment.
    /// </summary>
    private async Task<(Guid ProgramId, ApiClient Partner, Guid PartnerId)> LakeAsync()
    {
        api.SetNairobi(Today, 9);
        var (partnerId, partner, _) = await api.PartnerWithSignInAsync();
        DateTime T1 = NairobiUtc(2025, 1, 10), T2 = NairobiUtc(2025, 5, 5), T3 = NairobiUtc(2025, 9, 1);
        var (programId, s) = await api.AnalyticsProgramAsync(partnerId, "Forecast Lake",
        [
            new("Kamau", T1, T1.AddDays(2)), new("Njeri", T1, T1.AddDays(2)),
            new("Otieno", T2, T2.AddDays(1)), new("Achieng", T2, T2.AddDays(1)),
            new("Wafula", T3, T3.AddDays(1)), new("Chebet", T3, T3.AddDays(1)),
            new("Withdrawn", T1, T1.AddDays(2), RevokedAt: NairobiUtc(2025, 12, 1)),
            new("Unasked", T1, null),
        ]);
        await api.LearnAsync(s["Kamau"], new DateOnly(2025, 2, 10), minutes: 30);
        await api.LearnAsync(s["Kamau"], new DateOnly(2025, 6, 10), minutes: 30);
        await api.LearnAsync(s["Otieno"], new DateOnly(2025, 6, 11), minutes: 30);
        foreach (var name in new[] { "Kamau", "Otieno", "Wafula" }) await api.LearnAsync(s[name], new DateOnly(2025, 9, 15), minutes: 30);
        foreach (var name in new[] { "Withdrawn", "Unasked" })
            foreach (var day in new[] { new DateOnly(2025, 2, 11), new DateOnly(2025, 6, 12), new DateOnly(2025, 9, 16) })
                await api.LearnAsync(s[name], day, minutes: 90);

        var subscription = await api.SubscriptionAsync(partnerId, programId, BillingPeriod.termly, 1000m);
        await api.PaymentAsync(partnerId, subscription, 1000m, "KES", PaymentStatus.completed, NairobiUtc(2025, 1, 7));
        await api.PaymentAsync(partnerId, subscription, 1500m, "KES", PaymentStatus.completed, NairobiUtc(2025, 4, 20)); // holidays: for term 2
        await api.PaymentAsync(partnerId, subscription, 2000m, "KES", PaymentStatus.completed, NairobiUtc(2025, 8, 26));
        await api.PaymentAsync(partnerId, subscription, 9999m, "KES", PaymentStatus.pending, null, NairobiUtc(2025, 9, 2));
        await api.PaymentAsync(partnerId, subscription, 7777m, "USD", PaymentStatus.completed, NairobiUtc(2025, 9, 3));

        var other = await api.CreateAsync(Elimu.Api.Platform.Identity.Roles.Partner);
        var (otherProgram, _) = await api.AnalyticsProgramAsync(other.Id, "Other Lake", [new("Other", T1, T1.AddDays(1))]);
        var otherSubscription = await api.SubscriptionAsync(other.Id, otherProgram, BillingPeriod.termly, 50_000m);
        await api.PaymentAsync(other.Id, otherSubscription, 50_000m, "KES", PaymentStatus.completed, NairobiUtc(2025, 5, 1));
        return (programId, partner, partnerId);
    }

    private static List<decimal> Estimates(JsonElement series) => [.. series.GetProperty("terms").EnumerateArray().Select(t => t.GetProperty("estimate").GetDecimal())];

    [Fact]
    public async Task Forecasts_count_only_consented_children_and_the_partners_own_money_and_continue_their_trend()
    {
        var (programId, partner, partnerId) = await LakeAsync();

        var body = await partner.GetJsonAsync<JsonElement>($"{AnalyticsPrefix}/forecasts?programId={programId}");

        var history = body.GetProperty("history").EnumerateArray().ToList();
        Assert.Equal(["Term 1 2025", "Term 2 2025", "Term 3 2025"], history.Select(h => h.GetProperty("label").GetString()));
        Assert.Equal([2, 4, 6], history.Select(h => h.GetProperty("enrolled").GetInt32()));
        Assert.Equal([1, 2, 3], history.Select(h => h.GetProperty("learners").GetInt32()));
        Assert.Equal([1000m, 1500m, 2000m], history.Select(h => h.GetProperty("spend").GetDecimal()));
        Assert.Equal([1000m, 750m, 666.67m], history.Select(h => h.GetProperty("costPerOutcome").GetDecimal()));
        Assert.Equal("KES", body.GetProperty("currency").GetString());

        var enrollment = body.GetProperty("enrollment");
        Assert.Equal("linear_trend", enrollment.GetProperty("method").GetString());
        Assert.True(enrollment.GetProperty("enoughHistory").GetBoolean());
        Assert.Equal(2m, enrollment.GetProperty("slopePerTerm").GetDecimal());
        Assert.Equal([8m, 10m, 12m], Estimates(enrollment));
        Assert.Equal(["Term 1 2026", "Term 2 2026", "Term 3 2026"],
            enrollment.GetProperty("terms").EnumerateArray().Select(t => t.GetProperty("label").GetString()));
        Assert.Equal(new DateOnly(2026, 1, 5), DateOnly.Parse(enrollment.GetProperty("terms")[0].GetProperty("start").GetString()!));
        Assert.Equal([2500m, 3000m, 3500m], Estimates(body.GetProperty("spend")));
        var cost = Estimates(body.GetProperty("costPerOutcome"));
        Assert.True(cost[0] < 666.67m && cost[1] < cost[0], string.Join(", ", cost));

        Assert.Equal("offline", body.GetProperty("provider").GetString());
        Assert.Contains("**Enrollment**", body.GetProperty("narrative").GetString());
        var facts = Assert.Single(api.Orchestrator.FactsOf(AiTaskType.EnrollmentForecast, partnerId));
        Assert.DoesNotContain("Kamau", facts);
        Assert.DoesNotContain("Otieno", facts);
    }

    [Fact]
    public async Task The_forecast_task_routes_to_gemini_then_offline()
    {
        var routing = new AiRouting(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build());
        Assert.Equal([AiRouting.Gemini, AiRouting.Offline], routing.ChainFor(AiTaskType.EnrollmentForecast));
        Assert.Equal([AiRouting.Gemini, AiRouting.Offline], routing.ChainFor(AiTaskType.CohortBenchmarking));
        await Task.CompletedTask;
    }

    [Fact]
    public async Task A_short_history_gets_an_honest_answer_and_no_numbers()
    {
        api.SetNairobi(Today, 9);
        var (partnerId, partner, _) = await api.PartnerWithSignInAsync();
        var start = NairobiUtc(2025, 5, 5);
        var (programId, s) = await api.AnalyticsProgramAsync(partnerId, "Young Lake", [new("Zawadi", start, start.AddDays(1)), new("Baraka", start, start.AddDays(1))]);
        await api.LearnAsync(s["Zawadi"], new DateOnly(2025, 6, 1), minutes: 20);

        var body = await partner.GetJsonAsync<JsonElement>($"{AnalyticsPrefix}/forecasts?programId={programId}");

        Assert.Equal(2, body.GetProperty("history").GetArrayLength()); // terms 2 and 3 of 2025; term 1 was before anything began
        foreach (var series in new[] { "enrollment", "spend", "costPerOutcome" })
        {
            var outlook = body.GetProperty(series);
            Assert.False(outlook.GetProperty("enoughHistory").GetBoolean());
            Assert.Equal("none", outlook.GetProperty("method").GetString());
            Assert.Equal(0, outlook.GetProperty("terms").GetArrayLength());
            Assert.Equal(JsonValueKind.Null, outlook.GetProperty("slopePerTerm").ValueKind);
        }
        Assert.StartsWith("Not enough history", body.GetProperty("narrative").GetString());
    }

    [Fact]
    public async Task Another_partners_program_is_not_found_and_its_figures_are_not_in_the_partners_own_forecast()
    {
        var (programId, _, _) = await LakeAsync();
        api.SetNairobi(Today, 9);
        var (_, intruder, _) = await api.PartnerWithSignInAsync();

        var refused = await intruder.Http.GetAsync($"{AnalyticsPrefix}/forecasts?programId={programId}");
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);

        var own = await intruder.GetJsonAsync<JsonElement>($"{AnalyticsPrefix}/forecasts");
        Assert.Equal(0, own.GetProperty("history").GetArrayLength());
        Assert.False(own.GetProperty("enrollment").GetProperty("enoughHistory").GetBoolean());
    }
}
