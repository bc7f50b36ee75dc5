using System.Net;
using System.Text.Json;
using Elimu.Api.Ai;
using Elimu.Api.Platform.Identity;
using Elimu.Api.Tests.Infrastructure;

namespace Elimu.Api.Tests.Ai;

/// <summary>GET /api/v1/admin/ai/usage: totals of ai_calls per provider, task and partner, for the admin only.</summary>
public sealed class AiUsageTests(AiApi api) : IClassFixture<AiApi>
{
    private static JsonElement Group(JsonElement usage, string list, string key) =>
        usage.GetProperty(list).EnumerateArray().Single(g => g.GetProperty("key").GetString() == key).GetProperty("totals");

    [Fact]
    public async Task The_admin_sees_calls_tokens_and_cost_per_provider_task_and_partner()
    {
        api.ResetFakes();
        var partner = await api.CreateAsync(Roles.Partner);
        api.Gemini.Replies.Enqueue(FakeReply.Error(400, "INVALID_ARGUMENT"));
        var facts = new { nonce = Guid.NewGuid() };
        await api.RunAsync(new NarrativeTask(AiTaskType.ImpactReport, facts), partner.Id);           // anthropic
        await api.RunAsync(new NarrativeTask(AiTaskType.ImpactReport, facts), partner.Id);           // cache hit
        await api.RunAsync(new NarrativeTask(AiTaskType.TicketTriage, new { n = Guid.NewGuid() }), partner.Id); // gemini 400, offline

        var admin = await api.CreateAsync(Roles.Admin);
        using var client = await api.LoginAsync(admin.Email!, TestUsers.Password);
        var response = await client.GetAsync("/api/v1/admin/ai/usage");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var usage = await response.JsonAsync();

        var mine = usage.GetProperty("byPartner").EnumerateArray().Single(g => g.GetProperty("key").GetString() == partner.Id.ToString());
        Assert.StartsWith("Test organisation", mine.GetProperty("name").GetString());
        var totals = mine.GetProperty("totals");
        Assert.Equal((4, 2, 1, 1), (totals.GetProperty("calls").GetInt32(), totals.GetProperty("successes").GetInt32(),
            totals.GetProperty("cacheHits").GetInt32(), totals.GetProperty("failures").GetInt32()));
        Assert.Equal(FakeAnthropic.InputTokens, totals.GetProperty("inputTokens").GetInt64());
        Assert.Equal(FakeAnthropic.OutputTokens, totals.GetProperty("outputTokens").GetInt64());
        Assert.Equal((120 * 3m + 45 * 15m) / 1_000_000m, totals.GetProperty("estimatedCostUsd").GetDecimal());

        // Every row is in each breakdown once: the groups add up to the totals.
        var all = usage.GetProperty("totals");
        foreach (var list in new[] { "byProvider", "byTask" })
        {
            Assert.Equal(all.GetProperty("calls").GetInt32(), usage.GetProperty(list).EnumerateArray().Sum(g => g.GetProperty("totals").GetProperty("calls").GetInt32()));
            Assert.Equal(all.GetProperty("estimatedCostUsd").GetDecimal(), usage.GetProperty(list).EnumerateArray().Sum(g => g.GetProperty("totals").GetProperty("estimatedCostUsd").GetDecimal()));
        }
        Assert.True(Group(usage, "byProvider", "offline").GetProperty("successes").GetInt32() >= 1);
        Assert.True(Group(usage, "byProvider", "gemini").GetProperty("failures").GetInt32() >= 1);
        Assert.True(Group(usage, "byTask", "ImpactReport").GetProperty("cacheHits").GetInt32() >= 1);

        // A range before any call is empty.
        var past = await client.GetJsonAsync<JsonElement>("/api/v1/admin/ai/usage?from=2020-01-01T00:00:00Z&to=2020-02-01T00:00:00Z");
        Assert.Equal(0, past.GetProperty("totals").GetProperty("calls").GetInt32());
        Assert.Empty(past.GetProperty("byPartner").EnumerateArray());
    }

    [Fact]
    public async Task A_reversed_range_is_a_validation_error()
    {
        var admin = await api.CreateAsync(Roles.Admin);
        using var client = await api.LoginAsync(admin.Email!, TestUsers.Password);

        var response = await client.GetAsync("/api/v1/admin/ai/usage?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty("to", out _));
    }

    [Fact]
    public async Task Partners_and_anonymous_callers_are_refused()
    {
        var partner = await api.CreateAsync(Roles.Partner);
        using var asPartner = await api.LoginAsync(partner.Email!, TestUsers.Password);
        using var anonymous = api.CreateApiClient();

        Assert.Equal(HttpStatusCode.Forbidden, (await asPartner.GetAsync("/api/v1/admin/ai/usage")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/admin/ai/usage")).StatusCode);
    }
}
