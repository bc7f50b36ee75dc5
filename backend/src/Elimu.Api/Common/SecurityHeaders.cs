namespace Elimu.Api.Common;

/// <summary>
/// Response headers that keep the SPA from being framed, sniffed or made to run injected script. The SPA's built
/// index.html loads only same-origin module scripts and stylesheets, so its policy allows no inline script at all.
/// The Scalar reference at /docs boots from an inline script and styles itself inline, so it alone gets a relaxed
/// script-src/style-src; it still may not connect, frame or be framed anywhere but here. API answers are data and
/// get a policy that allows nothing.
/// </summary>
public static class SecurityHeaders
{
    public const string AppPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; "
        + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public const string DocsPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
        + "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public const string ApiPolicy = "default-src 'none'; frame-ancestors 'none'";

    public static IServiceCollection AddElimuHsts(this IServiceCollection services) =>
        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = true;
        });

    public static IApplicationBuilder UseElimuSecurityHeaders(this IApplicationBuilder app) => app.Use((http, next) =>
    {
        http.Response.OnStarting(() =>
        {
            var headers = http.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
            headers.ContentSecurityPolicy = PolicyFor(http.Request.Path);
            return Task.CompletedTask;
        });
        return next(http);
    });

    internal static string PolicyFor(PathString path) =>
        path.StartsWithSegments("/docs") || path.StartsWithSegments("/scalar") ? DocsPolicy
        : path.StartsWithSegments("/api") || path.StartsWithSegments("/openapi") || path.StartsWithSegments("/hubs") ? ApiPolicy
        : AppPolicy;
}
