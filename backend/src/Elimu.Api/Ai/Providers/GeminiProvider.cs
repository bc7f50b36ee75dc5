using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace Elimu.Api.Ai.Providers;

/// <summary>Google Gemini's <c>generateContent</c> through <see cref="GeminiChatClient"/> over our named HttpClient.</summary>
public sealed class GeminiProvider(IOptions<AiOptions> options, IHttpClientFactory http) : IAiProvider
{
    public const string DefaultBaseUrl = "https://generativelanguage.googleapis.com";
    public const string DefaultModel = "gemini-2.5-pro";

    private AiProviderOptions Settings =>
        options.Value.Providers.TryGetValue(AiRouting.Gemini, out var s) ? s : new AiProviderOptions();

    public string Name => AiRouting.Gemini;
    public string Model => string.IsNullOrWhiteSpace(Settings.Model) ? DefaultModel : Settings.Model;
    public bool IsConfigured => !string.IsNullOrWhiteSpace(Settings.ApiKey);

    public IChatClient CreateClient(int maxOutputTokens) => new GeminiChatClient(
        http.CreateClient(AiHttpClients.Gemini),
        new Uri(string.IsNullOrWhiteSpace(Settings.BaseUrl) ? DefaultBaseUrl : Settings.BaseUrl.TrimEnd('/')),
        Settings.ApiKey!, Model, maxOutputTokens);
}
