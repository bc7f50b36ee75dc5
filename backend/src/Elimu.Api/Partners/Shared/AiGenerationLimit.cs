using System.Security.Claims;
using System.Threading.RateLimiting;
using Elimu.Api.Platform.Identity;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Elimu.Api.Partners.Shared;

/// <summary>
/// How often a partner may ask for new AI work (a generated lesson, an impact report): each request can reach a paid
/// provider with a prompt no cache has seen, so the limit is per partner (the whole team shares it), not per IP.
/// </summary>
public static class AiGenerationLimit
{
    public const string Policy = "ai-generation";

    public static IServiceCollection AddAiGenerationLimit(this IServiceCollection services) =>
        services.Configure<RateLimiterOptions>(o => o.AddPolicy(Policy, http =>
        {
            var perMinute = http.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value.AiGenerationsPerMinute;
            var partner = http.User.FindFirstValue(PartnerMember.PartnerIdClaim) ?? http.Connection.RemoteIpAddress?.ToString() ?? "local";
            return RateLimitPartition.GetFixedWindowLimiter($"{Policy}:{partner}",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1) });
        }));
}
