using System.Net;
using System.Text.Json;
using Elimu.Api.Tests.Ai;
using Elimu.Api.Tests.Finance;
using Elimu.Api.Tests.Infrastructure;
using Elimu.Api.Tests.Partners.Analytics;
using static Elimu.Api.Tests.Finance.FinanceApiFactory;

namespace Elimu.Api.Tests.Partners.Ai;

/// <summary>The finance tests' clock with Anthropic and Gemini keys pointed at fakes on 127.0.0.1: what really leaves the API.</summary>
public sealed class ProviderFinanceApiFactory : FinanceApiFactory
{
    public FakeAnthropic Anthropic { get; private set; } = null!;
    public FakeGemini Gemini { get; private set; } = null!;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        ["Ai:Providers:Anthropic:ApiKey"] = FakeAnthropic.ApiKey,
        ["Ai:Providers:Anthropic:BaseUrl"] = Anthropic.BaseUrl,
        ["Ai:Providers:Anthropic:Model"] = AiApi.ClaudeModel,
        ["Ai:Providers:Gemini:ApiKey"] = FakeGemini.ApiKey,
        ["Ai:Providers:Gemini:BaseUrl"] = Gemini.BaseUrl,
        ["Ai:Providers:Gemini:Model"] = AiApi.GeminiModel,
        ["Ai:Resilience:MaxRetries"] = "0",
    };

    public override async Task InitializeAsync()
    {
        Anthropic = await FakeAnthropic.StartNewAsync();
        Gemini = await FakeGemini.StartNewAsync();
        await base.InitializeAsync();
    }

    /// <summary>Every body either fake received since the last <see cref="FakeAiServer.Reset"/>.</summary>
    public IReadOnlyList<string> SentBodies() => Anthropic.Requests.Concat(Gemini.Requests).Select(r => r.Body).ToList();

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Anthropic.DisposeAsync();
        await Gemini.DisposeAsync();
    }
}

/// <summary>
/// The privacy rule checked on the wire rather than on the orchestrator's input: the requests the fake providers receive for
/// an impact report, a child's insights and the dashboard highlights carry no name, school, county, birth date or id, and
/// nothing of a child whose guardian withdrew or never consented.
/// </summary>
public sealed class ProviderPrivacyTests(ProviderFinanceApiFactory api) : IClassFixture<ProviderFinanceApiFactory>
{
    private const string Children = "/api/v1/partner/sponsorships/children";
    private static readonly string[] Personal = ["Amani", "Baraka", "Chebet", "Dalia", "Eshe", "Otieno", "Billing School", "Kisumu", "2015-01-01"];

    [Fact]
    public async Task Provider_requests_for_reports_insights_and_highlights_carry_pseudonyms_and_aggregates_only()
    {
        api.SetNairobi(new DateOnly(2026, 3, 11), 12);
        var (partnerId, partner, _) = await api.PartnerWithSignInAsync();
        var (programId, _) = await api.FebruaryCohortAsync(partnerId, "Wire Cohort");
        var children = await api.ChildrenAsync(programId);
        api.Anthropic.Reset();
        api.Gemini.Reset();

        var report = await partner.EndedAsync(await partner.GenerateAsync(new { programId, period = "custom", from = "2026-02-01", to = "2026-02-28" }));
        Assert.Equal("completed", report.GetProperty("status").GetString());
        var insights = await partner.GetJsonAsync<JsonElement>($"{Children}/{children["Amani"].ChildId}/ai-insights");
        Assert.Equal(HttpStatusCode.OK, (await partner.GetAsync("/api/v1/partner/dashboard/ai-highlights")).StatusCode);
        foreach (var refused in new[] { "Dalia", "Eshe" })
            Assert.Equal(HttpStatusCode.Forbidden, (await partner.GetAsync($"{Children}/{children[refused].ChildId}/ai-insights")).StatusCode);

        // The report and the child's insights are routed to Claude first: both reached the fake, so the check below reads real traffic.
        Assert.True(api.Anthropic.Requests.Count >= 2, $"anthropic received {api.Anthropic.Requests.Count} requests");
        Assert.Empty(api.Anthropic.Violations);
        Assert.Empty(api.Gemini.Violations);
        var bodies = api.SentBodies();
        Assert.Contains(bodies, b => b.Contains("Child A"));
        var ids = children.Values.SelectMany(c => new[] { c.ChildId.ToString(), c.StudentId.ToString() });
        foreach (var body in bodies)
            foreach (var personal in Personal.Concat(ids).Append(partnerId.ToString()))
                Assert.DoesNotContain(personal, body, StringComparison.OrdinalIgnoreCase);

        // What the partner reads back names the child again and says which provider wrote it.
        Assert.Contains("Amani", insights.GetRawText());
        Assert.False(string.IsNullOrEmpty(insights.GetProperty("provider").GetString()));
        Assert.False(string.IsNullOrEmpty(report.GetProperty("provider").GetString()));
    }
}
