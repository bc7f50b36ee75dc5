namespace Elimu.Api.Common;

public static class SpaFallback
{
    /// <summary>Unknown API paths answer 404 ProblemDetails; every other unknown path is the SPA's to route.</summary>
    public static IEndpointRouteBuilder MapSpaFallback(this IEndpointRouteBuilder app)
    {
        app.MapFallback("/api/{**rest}", () => TypedResults.Problem(statusCode: 404, title: "No such API route.",
            extensions: new Dictionary<string, object?> { ["code"] = "not_found" })).ExcludeFromDescription();
        app.MapFallbackToFile("index.html");
        return app;
    }
}
