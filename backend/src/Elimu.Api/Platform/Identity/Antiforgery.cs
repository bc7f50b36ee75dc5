using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Routing.Template;

namespace Elimu.Api.Platform.Identity;

/// <summary>
/// Double-submit antiforgery for the cookie session: every API answer refreshes an XSRF-TOKEN cookie that
/// the SPA can read, and every unsafe API request must echo it in X-XSRF-TOKEN.
/// </summary>
public static class Antiforgery
{
    public const string CookieName = "XSRF-TOKEN";
    public const string HeaderName = "X-XSRF-TOKEN";

    // Platform services authenticate with an API key in a header, which a browser never sends on its own: no cookie
    // session there to forge, so no token to check or hand out.
    private static readonly PathString[] ServiceRoutes = ["/api/v1/learning/events"];

    // Login has no session to protect yet.
    private static readonly PathString[] Exempt = ["/api/v1/auth/login", .. ServiceRoutes];

    // The payment providers' callbacks and webhooks carry no session and prove their origin themselves (a signature, or
    // M-Pesa's per-payment secret and an STK query): each is exempt by its exact route, nothing else under /api/v1/payments.
    private static readonly TemplateMatcher[] GatewayCallbacks = [.. new[]
    {
        "/api/v1/payments/mpesa/callback/{secret}",
        "/api/v1/payments/stripe/webhook",
        "/api/v1/payments/paypal/webhook",
    }.Select(t => new TemplateMatcher(TemplateParser.Parse(t), new RouteValueDictionary()))];

    private static bool IsGatewayCallback(PathString path) => GatewayCallbacks.Any(m => m.TryMatch(path, new RouteValueDictionary()));

    public static IServiceCollection AddElimuAntiforgery(this IServiceCollection services)
    {
        services.AddAntiforgery();
        services.AddOptions<AntiforgeryOptions>().Configure<IHostEnvironment>((o, env) =>
        {
            o.HeaderName = HeaderName;
            o.Cookie.Name = "elimu.af";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = env.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        });
        return services;
    }

    public static IApplicationBuilder UseElimuAntiforgery(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var path = http.Request.Path;
        if (!path.StartsWithSegments("/api")) { await next(); return; }

        // Outside Development the session and antiforgery cookies are Secure, so plain HTTP cannot hold a session:
        // say so plainly (most often a TLS proxy that is not listed in Elimu:KnownProxies).
        if (!http.Request.IsHttps && !http.RequestServices.GetRequiredService<IHostEnvironment>().IsDevelopment())
        {
            await WriteProblem(http, StatusCodes.Status400BadRequest, "https_required", "This API is served over HTTPS only.",
                "Use https://. Behind a proxy that ends TLS, list it in Elimu:KnownProxies so its X-Forwarded-Proto is believed.");
            return;
        }

        var antiforgery = http.RequestServices.GetRequiredService<IAntiforgery>();
        if (!HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method)
            && !HttpMethods.IsOptions(http.Request.Method) && !Exempt.Any(e => path.StartsWithSegments(e)) && !IsGatewayCallback(path)
            && !await antiforgery.IsRequestValidAsync(http))
        {
            await WriteProblem(http, StatusCodes.Status400BadRequest, "antiforgery_failed", "The request is missing its antiforgery token.",
                $"Send the {CookieName} cookie's value in the {HeaderName} header.");
            return;
        }

        if (ServiceRoutes.Any(e => path.StartsWithSegments(e)) || IsGatewayCallback(path)
            || http.GetEndpoint()?.Metadata.GetMetadata<Common.CacheableResponse>() is not null) { await next(); return; }

        // Issued as the answer starts, so it belongs to whoever the request ended as (login and logout change that).
        http.Response.OnStarting(() => { IssueToken(http); return Task.CompletedTask; });
        await next();
    });

    private static async Task WriteProblem(HttpContext http, int status, string code, string title, string detail)
    {
        http.Response.StatusCode = status;
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new()
        {
            HttpContext = http,
            ProblemDetails = { Status = status, Title = title, Detail = detail, Extensions = { ["code"] = code } },
        });
    }

    private static void IssueToken(HttpContext http)
    {
        var tokens = http.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(http);
        http.Response.Cookies.Append(CookieName, tokens.RequestToken!, new CookieOptions
        {
            HttpOnly = false,
            SameSite = SameSiteMode.Strict,
            // Outside Development the site is served over HTTPS (often behind a proxy), so the cookie never travels in clear.
            Secure = http.Request.IsHttps || !http.RequestServices.GetRequiredService<IHostEnvironment>().IsDevelopment(),
            Path = "/",
        });
    }
}
