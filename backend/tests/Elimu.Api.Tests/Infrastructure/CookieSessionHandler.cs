using System.Net;

namespace Elimu.Api.Tests.Infrastructure;

/// <summary>Behaves like the browser and the SPA: stores cookies, and sends X-XSRF-TOKEN on unsafe methods.</summary>
public sealed class CookieSessionHandler : DelegatingHandler
{
    public CookieContainer Cookies { get; } = new();
    public bool SendXsrfHeader { get; set; } = true;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        var uri = request.RequestUri!;
        var header = Cookies.GetCookieHeader(uri);
        if (!string.IsNullOrEmpty(header)) request.Headers.Add("Cookie", header);

        var unsafeMethod = request.Method != HttpMethod.Get && request.Method != HttpMethod.Head;
        var xsrf = Cookies.GetCookies(uri)["XSRF-TOKEN"]?.Value;
        if (unsafeMethod && SendXsrfHeader && xsrf is not null) request.Headers.Add("X-XSRF-TOKEN", xsrf);

        var response = await base.SendAsync(request, ct);
        if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
            foreach (var cookie in setCookies) Cookies.SetCookies(uri, cookie);
        return response;
    }
}
