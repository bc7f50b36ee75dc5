namespace Elimu.Api.Ai.Providers;

/// <summary>The named HttpClients of the providers; each has its own resilience pipeline, so its own circuit breaker.</summary>
public static class AiHttpClients
{
    public const string Anthropic = "ai-anthropic";
    public const string Gemini = "ai-gemini";
}
