namespace Elimu.Api.Common;

/// <summary>
/// Response headers that keep the SPA from being framed, sniffed or made to run injected script. The SPA's built
/// index.html loads only same-origin module scripts and stylesheets, so its policy allows no inline script at all.
/// The Scalar reference at /docs boots from an inline script and styles itself inline, so it alone gets a relaxed
/// script-src/style-src; it still may not connect, frame or be framed anywhere but here. API answers are data and
/// get a policy that allows nothing. A feature that needs a third party in the page (Stripe.js for the card form) adds
/// its origins through <see cref="IPageSources"/>, and only while it is configured: otherwise the policy stays 'self'.
/// </summary>
public static class SecurityHeaders
{
    public const string AppPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; "
        + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>The SPA's policy with the origins configured features add (none: <see cref="AppPolicy"/>).</summary>
    public static string AppPolicyWith(IEnumerable<IPageSources> features)
    {
        var list = features.ToList();
        string[] Of(Func<IPageSources, IEnumerable<string>> pick) =>
            [.. list.SelectMany(pick).Where(o => o.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase)];
        string With(string directive, string[] extra) => extra.Length == 0 ? directive : directive + " " + string.Join(' ', extra);
        var frames = Of(f => f.FrameOrigins);
        return $"default-src 'self'; {With("script-src 'self'", Of(f => f.ScriptOrigins))}; style-src 'self'; img-src 'self' data:; "
            + $"font-src 'self' data:; {With("connect-src 'self'", Of(f => f.ConnectOrigins))}; "
            + (frames.Length == 0 ? "" : $"frame-src {string.Join(' ', frames)}; ")
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    }

    /// <summary>The origin of an absolute URL as CSP writes it ("https://js.stripe.com"; the port when not the default).</summary>
    public static string OriginOf(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var u) ? u.GetLeftPart(UriPartial.Authority) : "";

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

    public static IApplicationBuilder UseElimuSecurityHeaders(this IApplicationBuilder app)
    {
        // Read once: the sources follow configuration read at start-up (keys are not changed while running).
        var appPolicy = AppPolicyWith(app.ApplicationServices.GetServices<IPageSources>());
        return app.Use((http, next) =>
        {
            http.Response.OnStarting(() =>
            {
                var headers = http.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
                headers.ContentSecurityPolicy = PolicyFor(http.Request.Path, appPolicy);
                return Task.CompletedTask;
            });
            return next(http);
        });
    }

    internal static string PolicyFor(PathString path, string appPolicy = AppPolicy) =>
        path.StartsWithSegments("/docs") || path.StartsWithSegments("/scalar") ? DocsPolicy
        : path.StartsWithSegments("/api") || path.StartsWithSegments("/openapi") || path.StartsWithSegments("/hubs") ? ApiPolicy
        : appPolicy;
}

/// <summary>Origins a configured feature needs in the SPA's Content-Security-Policy (empty when it is not configured).</summary>
public interface IPageSources
{
    IEnumerable<string> ScriptOrigins { get; }
    IEnumerable<string> FrameOrigins { get; }
    IEnumerable<string> ConnectOrigins { get; }
}
