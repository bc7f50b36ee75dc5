using Microsoft.AspNetCore.Mvc;

namespace Elimu.Api.Common;

public static class SpaFallback
{
    /// <summary>
    /// Every unknown path outside /api is the SPA's to route. API paths get no fallback endpoint on purpose: a catch-all
    /// would also be a candidate when the path exists but the method or content type does not fit, and would turn the
    /// router's 405 and 415 into a 404. Without it, the router answers 404, 405 or 415 itself, and
    /// <see cref="AddStatusCodeProblems"/> gives each a ProblemDetails body with a code.
    /// </summary>
    public static IEndpointRouteBuilder MapSpaFallback(this IEndpointRouteBuilder app)
    {
        app.MapSpaIndexFallback("{*path:nonfile:regex(^(?!api(/|$)))}");
        return app;
    }

    /// <summary>The machine-readable code of an answer the framework writes without a handler (router, status pages).</summary>
    public static void AddStatusCodeProblems(ProblemDetailsOptions options) => options.CustomizeProblemDetails = context =>
    {
        var problem = context.ProblemDetails;
        if (problem.Extensions.ContainsKey("code")) return;
        var (code, title) = problem.Status switch
        {
            StatusCodes.Status404NotFound => ("not_found", "No such route."),
            StatusCodes.Status405MethodNotAllowed => ("method_not_allowed", "This route does not take this HTTP method."),
            StatusCodes.Status415UnsupportedMediaType => ("unsupported_media_type", "Send the body as application/json."),
            StatusCodes.Status401Unauthorized => ("unauthenticated", "Sign in first."),
            StatusCodes.Status403Forbidden => ("forbidden", "You may not do this."),
            StatusCodes.Status429TooManyRequests => ("too_many_requests", "Too many requests; wait a moment."),
            _ => (null, null),
        };
        if (code is null) return;
        problem.Extensions["code"] = code;
        if (context.Exception is null && (problem.Title is null || problem.Title == ReasonPhrase(problem.Status))) problem.Title = title;
    };

    private static string? ReasonPhrase(int? status) =>
        status is { } s ? Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(s) : null;
}
