namespace Elimu.Api.Ai;

/// <summary>Registers the AI orchestrator and its providers.</summary>
public static class AiModule
{
    public static IServiceCollection AddAi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IAiOrchestrator, OfflineOnlyOrchestrator>();
        return services;
    }
}
