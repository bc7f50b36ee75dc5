using Elimu.Api.Data;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Elimu.Api.Common;

public static class HealthEndpoints
{
    public static IServiceCollection AddElimuHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        return services;
    }

    /// <summary>/healthz: the process answers. /readyz: and the database is reachable.</summary>
    public static IEndpointRouteBuilder MapElimuHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/healthz", new() { Predicate = _ => false }).ExcludeFromDescription();
        app.MapHealthChecks("/readyz", new() { Predicate = c => c.Tags.Contains("ready") }).ExcludeFromDescription();
        return app;
    }

    private sealed class DatabaseHealthCheck(AppDbContext db) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default) =>
            await db.Database.CanConnectAsync(ct)
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy("The database cannot be reached.");
    }
}
