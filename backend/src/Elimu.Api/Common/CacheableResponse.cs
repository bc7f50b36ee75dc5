namespace Elimu.Api.Common;

/// <summary>
/// Marks a GET route whose answer a browser may keep (a picture with an ETag). Antiforgery would otherwise hand out its
/// token on the answer and, doing so, force <c>Cache-Control: no-cache, no-store</c> on it; the SPA gets its token from
/// every JSON answer, so it needs none from these.
/// </summary>
public sealed class CacheableResponse
{
    public static readonly CacheableResponse Instance = new();
}

public static class CacheableResponseExtensions
{
    public static RouteHandlerBuilder CacheableResponse(this RouteHandlerBuilder route) => route.WithMetadata(Common.CacheableResponse.Instance);
}
