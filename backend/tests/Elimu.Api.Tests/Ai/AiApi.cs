using Elimu.Api.Ai;
using Elimu.Api.Data;
using Elimu.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Elimu.Api.Tests.Ai;

/// <summary>
/// The API with Anthropic and Gemini pointed at fakes on 127.0.0.1, short retry delays and a breaker that stays closed
/// (the breaker tests have their own host). ContentGeneration has a 1 s timeout for the hang test.
/// </summary>
public class AiApi : ElimuApiFactory, IAsyncLifetime
{
    public const string ClaudeModel = "claude-test";
    public const string GeminiModel = "gemini-test";
    /// <summary>A partner with a monthly budget of $0.001: one Anthropic call at the fake's usage spends it.</summary>
    public static readonly Guid BudgetPartner = Guid.Parse("0193a000-0000-7000-8000-00000000b0d9");

    public FakeAnthropic Anthropic { get; private set; } = null!;
    public FakeGemini Gemini { get; private set; } = null!;

    protected virtual bool WithGemini => true;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Ai:Providers:Anthropic:ApiKey"] = FakeAnthropic.ApiKey,
        ["Ai:Providers:Anthropic:BaseUrl"] = Anthropic.BaseUrl,
        ["Ai:Providers:Anthropic:Model"] = ClaudeModel,
        ["Ai:Providers:Gemini:ApiKey"] = WithGemini ? FakeGemini.ApiKey : "",
        ["Ai:Providers:Gemini:BaseUrl"] = Gemini.BaseUrl,
        ["Ai:Providers:Gemini:Model"] = GeminiModel,
        ["Ai:Prices:claude-test:InputPerMillionUsd"] = "3",
        ["Ai:Prices:claude-test:OutputPerMillionUsd"] = "15",
        ["Ai:Prices:gemini-test:InputPerMillionUsd"] = "1.25",
        ["Ai:Prices:gemini-test:OutputPerMillionUsd"] = "10",
        ["Ai:Routing:CohortBenchmarking"] = "Anthropic, Gemini",
        ["Ai:Tasks:Default:TimeoutSeconds"] = "15",
        ["Ai:Tasks:ContentGeneration:TimeoutSeconds"] = "1",
        ["Ai:Resilience:MaxRetries"] = "2",
        ["Ai:Resilience:BaseDelaySeconds"] = "0.05",
        ["Ai:Resilience:MaxRetryAfterSeconds"] = "5",
        ["Ai:Resilience:BreakerMinimumThroughput"] = BreakerMinimumThroughput,
        ["Ai:Resilience:BreakerBreakSeconds"] = "1",
        ["Ai:Resilience:BreakerFailureRatio"] = "0.5",
        [$"Ai:PartnerBudgetsUsd:{BudgetPartner}"] = "0.001",
    };

    protected virtual string BreakerMinimumThroughput => "1000";

    public override async Task InitializeAsync()
    {
        Anthropic = await FakeAnthropic.StartNewAsync();
        Gemini = await FakeGemini.StartNewAsync();
        await base.InitializeAsync();
    }

    public void ResetFakes()
    {
        Anthropic.Reset();
        Gemini.Reset();
    }

    public Task<AiAnswer<T>> RunAsync<T>(AiTask<T> task, Guid? partner = null, bool bypassCache = false) where T : class =>
        Services.GetRequiredService<IAiOrchestrator>().RunAsync(task, new AiRequest(partner, bypassCache), CancellationToken.None);

    /// <summary>The <c>ai_calls</c> rows of one partner (each test uses its own partner id), oldest first.</summary>
    public Task<List<AiCall>> CallsOfAsync(Guid partner) =>
        WithDbAsync(db => db.AiCalls.AsNoTracking().Where(c => c.PartnerId == partner).OrderBy(c => c.At).ThenBy(c => c.Id).ToListAsync());

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Anthropic.DisposeAsync();
        await Gemini.DisposeAsync();
    }
}

/// <summary>A breaker that opens after two failures and cools down for 1 s; no retries, so one call is one attempt; no Gemini key.</summary>
public sealed class AiBreakerApi : AiApi
{
    protected override string BreakerMinimumThroughput => "2";
    protected override bool WithGemini => false;
    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = base.Settings;
            settings["Ai:Resilience:MaxRetries"] = "0";
            return settings;
        }
    }
}
