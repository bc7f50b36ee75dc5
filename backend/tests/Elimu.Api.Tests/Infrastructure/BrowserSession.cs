using System.Net;

namespace Elimu.Api.Tests.Infrastructure;

/// <summary>A client whose cookie jar a test can read and copy, as an attacker who lifted a browser's cookies would.</summary>
public sealed class BrowserSession(ApiClient client, CookieSessionHandler handler) : IDisposable
{
    public ApiClient Client { get; } = client;
    public CookieSessionHandler Handler { get; } = handler;

    public static BrowserSession Open(ElimuApiFactory api)
    {
        var handler = new CookieSessionHandler();
        return new(new ApiClient(api.CreateDefaultClient(handler)), handler);
    }

    public static async Task<BrowserSession> SignInAsync(ElimuApiFactory api, string email, string password = TestUsers.Password)
    {
        var session = Open(api);
        await session.Client.LoginAsync(email, password);
        return session;
    }

    /// <summary>A second browser (on <paramref name="api"/>, which may be another host) holding a copy of every cookie of this one.</summary>
    public BrowserSession CopyTo(ElimuApiFactory api)
    {
        var copy = Open(api);
        foreach (Cookie cookie in Handler.Cookies.GetAllCookies())
            copy.Handler.Cookies.Add(new Cookie(cookie.Name, cookie.Value, cookie.Path, cookie.Domain) { Secure = cookie.Secure, HttpOnly = cookie.HttpOnly });
        return copy;
    }

    public string? Cookie(string name) => Handler.Cookies.GetAllCookies().FirstOrDefault(c => c.Name == name)?.Value;

    public void Dispose() => Client.Dispose();
}
