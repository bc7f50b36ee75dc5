using Elimu.Api.Ai.Providers;

namespace Elimu.Api.Ai;

/// <summary>Registers the AI orchestrator, its providers (Anthropic, Gemini, Offline), their HTTP pipelines and the cache.</summary>
public static class AiModule
{
    public static IServiceCollection AddAi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AiOptions>().BindConfiguration(AiOptions.Section);
        services.AddSingleton<AiRouting>();
        services.AddTransient<AiAttemptCounter>();
        services.AddAiProviderClient(AiHttpClients.Anthropic);
        services.AddAiProviderClient(AiHttpClients.Gemini);
        services.AddSingleton<IAiProvider, AnthropicProvider>();
        services.AddSingleton<IAiProvider, GeminiProvider>();
        services.AddSingleton<IAiProvider, OfflineProvider>();
        services.AddHybridCache();
        services.AddSingleton<AiResponseCache>();
        services.AddSingleton<AiCallLog>();
        services.AddSingleton<IAiOrchestrator, RoutedAiOrchestrator>();
        return services;
    }

    public static IEndpointRouteBuilder MapAiApis(this IEndpointRouteBuilder app)
    {
        app.MapAiUsageApi();
        return app;
    }
}
