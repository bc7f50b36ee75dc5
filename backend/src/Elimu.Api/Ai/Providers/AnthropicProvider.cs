using Anthropic;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace Elimu.Api.Ai.Providers;

/// <summary>
/// Claude through the official Anthropic SDK and its <see cref="IChatClient"/> adapter. The SDK sends over our named
/// HttpClient (retries, Retry-After, breaker) with its own retries off: the orchestrator's pipeline is the only retry loop.
/// </summary>
public sealed class AnthropicProvider(IOptions<AiOptions> options, IHttpClientFactory http) : IAiProvider
{
    public const string DefaultBaseUrl = "https://api.anthropic.com";
    public const string DefaultModel = "claude-sonnet-4-5";

    private AiProviderOptions Settings =>
        options.Value.Providers.TryGetValue(AiRouting.Anthropic, out var s) ? s : new AiProviderOptions();

    public string Name => AiRouting.Anthropic;
    public string Model => string.IsNullOrWhiteSpace(Settings.Model) ? DefaultModel : Settings.Model;
    public bool IsConfigured => !string.IsNullOrWhiteSpace(Settings.ApiKey);

    public IChatClient CreateClient(int maxOutputTokens)
    {
        var client = new AnthropicClient
        {
            ApiKey = Settings.ApiKey!,
            BaseUrl = string.IsNullOrWhiteSpace(Settings.BaseUrl) ? DefaultBaseUrl : Settings.BaseUrl.TrimEnd('/'),
            HttpClient = http.CreateClient(AiHttpClients.Anthropic),
            MaxRetries = 0,
            // The task's timeout (in our pipeline) decides; the SDK's must not cut a call first.
            Timeout = TimeSpan.FromMinutes(10),
        };
        return client.AsIChatClient(Model, maxOutputTokens);
    }
}
