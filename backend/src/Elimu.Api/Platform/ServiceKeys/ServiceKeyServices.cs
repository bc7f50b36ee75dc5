using System.Threading.RateLimiting;
using Elimu.Api.Platform.Identity;
using Elimu.Api.Platform.Learning.Ingestion;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Elimu.Api.Platform.ServiceKeys;

public static class ServiceKeyServices
{
    /// <summary>The API-key scheme, the "service" policy that uses only it, and the per-key limit of the learning-events route.</summary>
    public static IServiceCollection AddServiceKeys(this IServiceCollection services)
    {
        services.AddScoped<ServiceKeyStore>();
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, ServiceKeyAuthentication>(ServiceKeyAuthentication.SchemeName, null);
        services.AddAuthorizationBuilder().AddPolicy(ServiceKeyAuthentication.Policy, p => p
            .AddAuthenticationSchemes(ServiceKeyAuthentication.SchemeName).RequireAuthenticatedUser().RequireRole(ServiceKeyAuthentication.Policy));
        services.Configure<RateLimiterOptions>(o => o.AddPolicy(IngestLearningEvents.RateLimit, http =>
        {
            var perSecond = http.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value.LearningBatchesPerSecond;
            var key = http.User.Identity?.IsAuthenticated == true ? http.User.Identity.Name + "/" + http.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value
                : http.Connection.RemoteIpAddress?.ToString() ?? "local";
            return RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = perSecond, TokensPerPeriod = perSecond, ReplenishmentPeriod = TimeSpan.FromSeconds(1), QueueLimit = 0,
            });
        }));
        return services;
    }
}
