using Elimu.Api.Ai;

namespace Elimu.Api.Tests.Ai;

/// <summary>The per-provider circuit breaker (opens after two failures, cools down 1 s), and a provider with no key.</summary>
public sealed class AiBreakerTests(AiBreakerApi api) : IClassFixture<AiBreakerApi>
{
    private static NarrativeTask Narrative(AiTaskType type) => new(type, new { nonce = Guid.NewGuid() });

    [Fact]
    public async Task The_breaker_opens_after_repeated_failures_and_closes_after_its_cooldown()
    {
        api.ResetFakes();
        var partner = Guid.NewGuid();
        api.Anthropic.Replies.Enqueue(FakeReply.Error(500, "api_error"));
        api.Anthropic.Replies.Enqueue(FakeReply.Error(529, "overloaded_error"));

        Assert.Equal("offline", (await api.RunAsync(Narrative(AiTaskType.ImpactReport), partner)).Provider);
        Assert.Equal("offline", (await api.RunAsync(Narrative(AiTaskType.ImpactReport), partner)).Provider);
        // Open: the provider is not asked at all.
        Assert.Equal("offline", (await api.RunAsync(Narrative(AiTaskType.ChildInsights), partner)).Provider);
        Assert.Equal(2, api.Anthropic.Requests.Count);
        var open = Assert.Single(await api.CallsOfAsync(partner), c => c.Outcome == AiCallOutcome.CircuitOpen);
        Assert.Equal(("anthropic", 0), (open.Provider, open.HttpAttempts));

        await Task.Delay(TimeSpan.FromSeconds(1.3));

        // Half-open lets one call through; its success closes the breaker, and the next call goes through too.
        Assert.Equal("anthropic", (await api.RunAsync(Narrative(AiTaskType.ImpactReport), partner)).Provider);
        Assert.Equal("anthropic", (await api.RunAsync(Narrative(AiTaskType.ImpactReport), partner)).Provider);
        Assert.Equal(4, api.Anthropic.Requests.Count);
        Assert.Empty(api.Anthropic.Violations);
    }

    [Fact]
    public async Task A_provider_without_a_key_is_skipped()
    {
        api.ResetFakes();
        var partner = Guid.NewGuid();

        var answer = await api.RunAsync(Narrative(AiTaskType.TicketTriage), partner);

        Assert.Equal("offline", answer.Provider);
        Assert.Empty(api.Gemini.Requests);
        Assert.Equal(["offline"], (await api.CallsOfAsync(partner)).Select(c => c.Provider));
    }
}
