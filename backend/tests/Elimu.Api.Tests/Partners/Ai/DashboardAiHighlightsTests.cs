using Elimu.Api.Ai.Providers;
using System.Net;
using System.Text.Json;
using Elimu.Api.Ai;
using Elimu.Api.Partners.Dashboard;
using Elimu.Api.Partners.Sponsorships;
using Elimu.Api.Tests.Finance;
using Elimu.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Elimu.Api.Tests.Finance.FinanceApiFactory;

namespace Elimu.Api.Tests.Partners.Ai;

/// <summary>The dashboard's AI highlights: figures over consented children only, written once a day per partner.</summary>
public sealed class DashboardAiHighlightsTests(AiInsightsApiFactory api) : IClassFixture<AiInsightsApiFactory>
{
    private const string Highlights = "/api/v1/partner/dashboard/ai-highlights";
    private static readonly DateOnly Today = new(2026, 3, 11);
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Three consented children (Amani learned both weeks, Baraka only last week, Chebet never), one never asked and one
    /// withdrawn, both with far more learning than the rest, and an assessment of the unconsented one that would pull
    /// the area's average down.
    /// </summary>
    private async Task<(Guid PartnerId, ApiClient Partner, Dictionary<string, (Guid ChildId, Guid StudentId)> Children, Func<Task<ApiClient>> SignIn)>
        CohortAsync(string program)
    {
        var (partnerId, partner, signIn) = await api.PartnerWithSignInAsync();
        var programId = await api.ActiveProgramAsync(partnerId, 100m,
        [
            new("Amani", NairobiUtc(2026, 1, 10), NairobiUtc(2026, 1, 20)),
            new("Baraka", NairobiUtc(2026, 1, 10), NairobiUtc(2026, 1, 20)),
            new("Chebet", NairobiUtc(2026, 1, 10), NairobiUtc(2026, 1, 20)),
            new("Dalia", NairobiUtc(2026, 1, 10), null),
            new("Eshe", NairobiUtc(2026, 1, 10), NairobiUtc(2026, 1, 20), RevokedAt: NairobiUtc(2026, 2, 1)),
        ], name: program);
        var c = await api.ChildrenAsync(programId);
        var maths = await api.LearningAreaAsync($"Mathematics {program}");
        await api.LearnAsync(c["Amani"].StudentId, Today.AddDays(-1), minutes: 60);
        await api.LearnAsync(c["Amani"].StudentId, Today.AddDays(-10), minutes: 30);
        await api.LearnAsync(c["Amani"].StudentId, Today.AddDays(-40), area: maths, score: 60m);
        await api.LearnAsync(c["Amani"].StudentId, Today.AddDays(-1), area: maths, score: 72m);
        await api.LearnAsync(c["Baraka"].StudentId, Today.AddDays(-9), minutes: 40);
        await api.LearnAsync(c["Dalia"].StudentId, Today.AddDays(-2), minutes: 500);
        await api.LearnAsync(c["Dalia"].StudentId, Today.AddDays(-2), area: maths, score: 10m);
        await api.LearnAsync(c["Eshe"].StudentId, Today.AddDays(-3), minutes: 700);
        await api.LearnAsync(c["Eshe"].StudentId, Today.AddDays(-9), minutes: 700);
        return (partnerId, partner, c, signIn);
    }

    private HighlightFacts LastFacts(Guid partnerId) =>
        JsonSerializer.Deserialize<HighlightFacts>(api.Orchestrator.FactsOf(AiTaskType.DashboardHighlights, partnerId)[^1], Web)!;

    [Fact]
    public async Task Highlights_have_three_to_five_items_with_provenance_and_count_only_consented_children()
    {
        api.SetNairobi(Today, 9);
        var (partnerId, partner, _, _) = await CohortAsync("Lake Cohort");

        var body = await partner.GetJsonAsync<JsonElement>(Highlights);

        var items = body.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("narrative").GetString()!).ToList();
        Assert.InRange(items.Count, 3, 5);
        Assert.All(items, i => Assert.False(string.IsNullOrWhiteSpace(i)));
        Assert.Equal("offline", body.GetProperty("provider").GetString());
        Assert.Equal(OfflineProvider.ModelName, body.GetProperty("model").GetString());
        Assert.Equal(api.Time.GetUtcNow(), body.GetProperty("generatedAt").GetDateTimeOffset());

        var facts = LastFacts(partnerId);
        Assert.Equal(3, facts.ConsentedChildren);
        Assert.Equal(60, facts.MinutesThisWeek);
        Assert.Equal(70, facts.MinutesLastWeek);
        Assert.Equal(2, facts.InactiveChildren);
        Assert.Equal(1, facts.NewlyInactiveChildren);
        var program = Assert.Single(facts.Programs);
        Assert.Equal(("Lake Cohort", 3, -14.3m), (program.Program, program.ConsentedChildren, program.MinutesChangePercent!.Value));
        var area = Assert.Single(facts.LearningAreas);
        Assert.Equal((60m, 72m, 12m), (area.PreviousAverage!.Value, area.RecentAverage!.Value, area.ChangePoints!.Value));
        Assert.Contains(items, i => i.Contains("1 child who learned last week"));
        Assert.DoesNotContain(items, i => i.Contains("500") || i.Contains("700") || i.Contains("1,"));
    }

    [Fact]
    public async Task Highlights_are_written_once_a_day_then_again_the_next_day_or_when_consent_changes()
    {
        api.SetNairobi(Today, 8);
        var (partnerId, partner, children, signIn) = await CohortAsync("Hill Cohort");
        var first = await partner.GetJsonAsync<AiHighlightsResponse>(Highlights);

        api.SetNairobi(Today, 12);
        await api.LearnAsync(children["Chebet"].StudentId, Today, minutes: 45);
        var again = await partner.GetJsonAsync<AiHighlightsResponse>(Highlights);
        Assert.Equal(first.GeneratedAt, again.GeneratedAt);
        Assert.Equal(first.Items, again.Items);
        Assert.Single(api.Orchestrator.FactsOf(AiTaskType.DashboardHighlights, partnerId));

        // Withdrawn consent: the day's highlights are written again without that child.
        await api.WithDbAsync(async db =>
        {
            var amani = children["Amani"].ChildId;
            await db.SponsorshipConsents.Where(k => k.SponsoredChildId == amani).ExecuteUpdateAsync(u => u.SetProperty(k => k.RevokedAt, api.Time.GetUtcNow().UtcDateTime));
            await db.SponsoredChildren.Where(c => c.Id == amani).ExecuteUpdateAsync(u => u.SetProperty(c => c.Status, SponsoredChildStatus.PENDING_CONSENT));
        });
        api.SetNairobi(Today, 13);
        var afterWithdrawal = await partner.GetJsonAsync<AiHighlightsResponse>(Highlights);
        Assert.True(afterWithdrawal.GeneratedAt > again.GeneratedAt);
        Assert.Equal((2, 45), (LastFacts(partnerId).ConsentedChildren, LastFacts(partnerId).MinutesThisWeek));

        api.SetNairobi(Today.AddDays(1), 7);
        partner = await signIn(); // the session of yesterday has lapsed on the fake clock
        var tomorrow = await partner.GetJsonAsync<AiHighlightsResponse>(Highlights);
        Assert.Equal(Today.AddDays(1), tomorrow.Day);
        Assert.True(tomorrow.GeneratedAt > afterWithdrawal.GeneratedAt);
        Assert.Equal(3, api.Orchestrator.FactsOf(AiTaskType.DashboardHighlights, partnerId).Count);
        Assert.Equal(2, await api.WithDbAsync(db => db.PartnerAiHighlights.CountAsync(h => h.PartnerId == partnerId)));
    }

    [Fact]
    public async Task A_second_partner_gets_its_own_highlights()
    {
        api.SetNairobi(Today, 10);
        var (firstId, first, _, _) = await CohortAsync("River Cohort");
        var firstBody = await first.GetJsonAsync<AiHighlightsResponse>(Highlights);
        var (secondId, second) = await api.PartnerAsync();

        var secondBody = await second.GetJsonAsync<AiHighlightsResponse>(Highlights);

        Assert.Equal(0, LastFacts(secondId).ConsentedChildren);
        Assert.Empty(LastFacts(secondId).Programs);
        Assert.DoesNotContain(secondBody.Items, i => i.Narrative.Contains("River Cohort"));
        Assert.NotEqual(firstBody.Items, secondBody.Items);
        Assert.Equal(firstBody.Items, (await first.GetJsonAsync<AiHighlightsResponse>(Highlights)).Items);
        Assert.Single(api.Orchestrator.FactsOf(AiTaskType.DashboardHighlights, firstId));
    }

    [Fact]
    public async Task Parallel_first_requests_of_the_day_all_answer_the_one_stored_set()
    {
        api.SetNairobi(Today.AddDays(5), 9);
        var (partnerId, partner, _, _) = await CohortAsync("Plain Cohort");

        var bodies = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => partner.GetJsonAsync<AiHighlightsResponse>(Highlights)));

        Assert.Single(bodies.Select(b => b.GeneratedAt).Distinct());
        Assert.Equal(1, await api.WithDbAsync(db => db.PartnerAiHighlights.CountAsync(h => h.PartnerId == partnerId)));
    }
}
