using System.Threading.RateLimiting;
using Elimu.Api.Data;
using Microsoft.AspNetCore.Identity;

namespace Elimu.Api.Platform.Identity;

public static class IdentityServiceCollectionExtensions
{
    public const string LoginRateLimit = "login";

    /// <summary>Identity with a cookie session for the SPA: API-style 401/403 instead of redirects, lockout after 5 failures.</summary>
    public static IServiceCollection AddElimuIdentity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.AddIdentityCore<AppUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 8;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
            })
            .AddRoles<AppRole>()
            .AddEntityFrameworkStores<AppDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders();

        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "elimu.session";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            o.Events.OnRedirectToLogin = ctx => WriteProblem(ctx.HttpContext, StatusCodes.Status401Unauthorized, "unauthenticated", "Sign in to continue.");
            o.Events.OnRedirectToAccessDenied = ctx => WriteProblem(ctx.HttpContext, StatusCodes.Status403Forbidden, "forbidden", "Your account may not use this.");
        });

        services.AddAuthorizationBuilder()
            .AddPolicy(Roles.Partner, p => p.RequireRole(Roles.Partner))
            .AddPolicy(Roles.Parent, p => p.RequireRole(Roles.Parent))
            .AddPolicy(Roles.Admin, p => p.RequireRole(Roles.Admin));

        var perMinute = configuration.GetValue("RateLimits:LoginPerMinute", 20);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (ctx, _) => new ValueTask(WriteProblem(ctx.HttpContext, StatusCodes.Status429TooManyRequests,
                "rate_limited", "Too many sign-in attempts. Wait a minute and try again."));
            o.AddPolicy(LoginRateLimit, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "local",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1) }));
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
