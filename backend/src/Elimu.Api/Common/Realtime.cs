namespace Elimu.Api.Common;

public static class Realtime
{
    /// <summary>SignalR for the dashboard counters; a Redis backplane when Redis:Connection is set (several instances).</summary>
    public static IServiceCollection AddElimuRealtime(this IServiceCollection services, IConfiguration configuration)
    {
        var signalR = services.AddSignalR();
        var redis = configuration["Redis:Connection"];
        if (!string.IsNullOrWhiteSpace(redis)) signalR.AddStackExchangeRedis(redis);
        return services;
    }
}
