using Elimu.Api.Ai.Providers;
using System.Net;
using System.Text.Json;
using Elimu.Api.Ai;
using Elimu.Api.Partners.ChildData;
using Elimu.Api.Tests.Finance;
using Elimu.Api.Tests.Infrastructure;
using Elimu.Api.Tests.Partners.Sponsorships;
using static Elimu.Api.Tests.Finance.FinanceApiFactory;

namespace Elimu.Api.Tests.Partners.Ai;

/// <summary>The AI Insights tab: computed signals, and the orchestrator's narrative, style, strengths, risks and three tips.</summary>
public sealed class ChildAiInsightsTests(AiInsightsApiFactory api) : IClassFixture<AiInsightsApiFactory>
{
    private const string Children = "/api/v1/partner/sponsorships/children";
    private static readonly DateOnly Today = new(2026, 3, 11);

    [Fact]
    public async Task A_consented_child_gets_the_narrative_three_tips_and_provenance_from_facts_without_personal_data()
    {
        api.SetNairobi(Today, 12);
        var (partnerId, partner) = await api.PartnerAsync();
        var programId = await api.ActiveProgramAsync(partnerId, 100m, [new("Wanjiru", NairobiUtc(2026, 1, 10), NairobiUtc(2026, 1, 20))]);
        var child = (await api.ChildrenAsync(programId))["Wanjiru"];
        var maths = await api.LearningAreaAsync("Mathematics");
        await api.LearnAsync(child.StudentId, Today.AddDays(-2), minutes: 25);
        await api.LearnAsync(child.StudentId, Today.AddDays(-2), area: maths, score: 81m);

        var insights = await partner.GetJsonAsync<JsonElement>($"{Children}/{child.ChildId}/ai-insights");

        var narrative = insights.GetProperty("narrative").GetString()!;
        Assert.Contains("Wanjiru", narrative); // the provider wrote "Child A"; the partner reads the name
        Assert.DoesNotContain("Child A", insights.GetRawText());
        Assert.False(string.IsNullOrWhiteSpace(insights.GetProperty("learningStyle").GetString()));
        Assert.Equal(3, insights.GetProperty("tips").GetArrayLength());
        Assert.Contains(insights.GetProperty("strengths").EnumerateArray(), s => s.GetString()!.Contains("Mathematics"));
        Assert.Equal("offline", insights.GetProperty("provider").GetString());
        Assert.Equal(OfflineProvider.ModelName, insights.GetProperty("model").GetString());
        Assert.Equal(api.Time.GetUtcNow(), insights.GetProperty("generatedAt").GetDateTimeOffset());
        Assert.Equal("Mathematics", insights.GetProperty("signals").GetProperty("strongestArea").GetProperty("name").GetString());

        var facts = Assert.Single(api.Orchestrator.FactsOf(AiTaskType.ChildInsights, partnerId));
        Assert.Contains("\"child\":\"Child A\"", facts);
        foreach (var personal in new[] { "Wanjiru", "Otieno", "School", "Kisumu", "2015-01-01", child.StudentId.ToString(), child.ChildId.ToString() })
            Assert.DoesNotContain(personal, facts, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_child_without_consent_or_with_consent_withdrawn_never_reaches_the_orchestrator_and_a_second_partner_is_refused()
    {
        api.SetNairobi(Today, 12);
        var (partnerId, partner) = await api.PartnerAsync();
        var programId = await api.ActiveProgramAsync(partnerId, 100m,
        [
            new("Asked", NairobiUtc(2026, 1, 10), null),
            new("Withdrawn", NairobiUtc(2026, 1, 10), NairobiUtc(2026, 1, 20), RevokedAt: NairobiUtc(2026, 2, 20)),
            new("Given", NairobiUtc(2026, 1, 10), NairobiUtc(2026, 1, 20)),
        ]);
        var children = await api.ChildrenAsync(programId);
        foreach (var name in new[] { "Asked", "Withdrawn" })
        {
            await api.LearnAsync(children[name].StudentId, Today.AddDays(-1), minutes: 30);
            var refused = await partner.GetAsync($"{Children}/{children[name].ChildId}/ai-insights");
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Equal("consent_required", await refused.CodeAsync());
        }
        Assert.Empty(api.Orchestrator.FactsOf(AiTaskType.ChildInsights, partnerId));

        var (strangerId, stranger) = await api.PartnerAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"{Children}/{children["Given"].ChildId}/ai-insights")).StatusCode);
        Assert.Empty(api.Orchestrator.FactsOf(AiTaskType.ChildInsights, strangerId));

        Assert.Equal(HttpStatusCode.OK, (await partner.GetAsync($"{Children}/{children["Given"].ChildId}/ai-insights")).StatusCode);
        Assert.Single(api.Orchestrator.FactsOf(AiTaskType.ChildInsights, partnerId));
    }
}
