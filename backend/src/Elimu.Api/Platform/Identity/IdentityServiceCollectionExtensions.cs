using System.ComponentModel.DataAnnotations;
using System.Threading.RateLimiting;
using Elimu.Api.Data;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Elimu.Api.Platform.Identity.Sessions;

namespace Elimu.Api.Platform.Identity;

/// <summary>Section "RateLimits": per-client-IP limits (the client IP as forwarded by a trusted proxy, see TrustedProxies).</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    [Range(1, 100_000)] public int LoginPerMinute { get; set; } = 20;

    /// <summary>Batches per second one service key may send to the learning-events route (a batch holds up to 1,000 events).</summary>
    [Range(1, 100_000)] public int LearningBatchesPerSecond { get; set; } = 50;

    /// <summary>New AI generations (lessons, impact reports) one partner's team may ask for per minute.</summary>
    [Range(1, 10_000)] public int AiGenerationsPerMinute { get; set; } = 10;
}

public static class IdentityServiceCollectionExtensions
{
    public const string LoginRateLimit = "login";

    /// <summary>
    /// Identity with a cookie session for the SPA: API-style 401/403 instead of redirects, every request checked against
    /// the security stamp, failed sign-ins slowed per account (no lockout anyone could trigger) and limited per IP.
    /// </summary>
    public static IServiceCollection AddElimuIdentity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.AddIdentityCore<AppUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 8;
                // Failed passwords never lock an account (anyone could lock anyone out); SignInBackoff slows them down.
                // A lockout set by an operator still ends the user's sessions (SessionStampValidator).
                o.Lockout.AllowedForNewUsers = true;
            })
            .AddRoles<AppRole>()
            .AddEntityFrameworkStores<AppDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders();
        services.AddScoped<ISecurityStampValidator, SessionStampValidator>();
        services.AddOptions<SessionCacheOptions>().BindConfiguration(SessionCacheOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<SessionStateCache>();
        SessionStateWatcher.AddTo(services);
        if (configuration["Redis:Connection"] is { Length: > 0 } redis)
            services.AddHostedService(sp => new SessionStateRedisEvictions(sp.GetRequiredService<SessionStateCache>(), redis,
                sp.GetRequiredService<ILogger<SessionStateRedisEvictions>>()));
        services.AddScoped<UserSessions>();
        services.AddSingleton<SessionLiveness>();
        services.AddSingleton<IAntiforgeryAdditionalDataProvider, SessionBoundAntiforgery>();
        services.AddScoped<SignInBackoff>();
        services.AddSingleton<UnknownAccountPassword>();
        services.AddSingleton<HubSessionSweeper>();
        services.AddHostedService(sp => sp.GetRequiredService<HubSessionSweeper>());
        services.AddSingleton<SignInThrottleSweeper>();
        services.AddHostedService(sp => sp.GetRequiredService<SignInThrottleSweeper>());
        services.AddOptions<SignInBackoffOptions>().BindConfiguration(SignInBackoffOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => o.MaxDelay >= o.FirstDelay, $"{SignInBackoffOptions.Section}:MaxDelay must not be shorter than FirstDelay.")
            .ValidateOnStart();

        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme).Configure<IHostEnvironment>((o, env) =>
        {
            o.Cookie.Name = "elimu.session";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = env.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            o.Events.OnRedirectToLogin = ctx => WriteProblem(ctx.HttpContext, StatusCodes.Status401Unauthorized, "unauthenticated", "Sign in to continue.");
            o.Events.OnRedirectToAccessDenied = ctx => WriteProblem(ctx.HttpContext, StatusCodes.Status403Forbidden, "forbidden", "Your account may not use this.");
        });

        // Between a right password and the second factor: a short-lived cookie naming the user, nothing more.
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme).Configure<IHostEnvironment>((o, env) =>
        {
            o.Cookie.Name = "elimu.2fa";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = env.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            o.ExpireTimeSpan = SecondFactorSignIn.Window;
            o.SlidingExpiration = false;
        });

        services.AddAuthorizationBuilder()
            .AddPolicy(Roles.Partner, p => p.RequireRole(Roles.Partner))
            .AddPolicy(Roles.Parent, p => p.RequireRole(Roles.Parent))
            .AddPolicy(Roles.Admin, p => p.RequireRole(Roles.Admin));

        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (ctx, _) => new ValueTask(WriteProblem(ctx.HttpContext, StatusCodes.Status429TooManyRequests, "rate_limited",
                ctx.HttpContext.Request.Path.StartsWithSegments("/api/v1/auth")
                    ? "Too many sign-in attempts. Wait a minute and try again."
                    : "Too many requests. Slow down and try again in a moment."));
            o.AddPolicy(LoginRateLimit, http =>
            {
                var perMinute = http.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value.LoginPerMinute;
                return RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "local",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1) });
            });
        });
        return services;
    }

    private static Task WriteProblem(HttpContext http, int status, string code, string detail)
    {
        http.Response.StatusCode = status;
        var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        return problems.WriteAsync(new()
        {
            HttpContext = http,
            ProblemDetails = { Status = status, Title = detail, Detail = detail, Extensions = { ["code"] = code } },
        }).AsTask();
    }
}
