using System.Net;
using Elimu.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Elimu.Api.Tests.Platform.Hosting;

/// <summary>X-Forwarded-For is believed only from a configured proxy, so audit rows and the login limit see the real client.</summary>
public sealed class TrustedProxyTests(TrustedProxyTests.ProxyFactory api) : IClassFixture<TrustedProxyTests.ProxyFactory>
{
    public const string Proxy = "10.20.30.40";

    public sealed class ProxyFactory : ElimuApiFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Elimu:KnownProxies:0"] = Proxy,
            ["RateLimits:LoginPerMinute"] = "3",
        };

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(s => s.AddSingleton<IStartupFilter, PeerAddressFilter>());
        }
    }

    /// <summary>The test server has no sockets: the test names the TCP peer in X-Test-Peer, before the app sees the request.</summary>
    private sealed class PeerAddressFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((http, nextMiddleware) =>
            {
                if (http.Request.Headers["X-Test-Peer"].ToString() is { Length: > 0 } peer) http.Connection.RemoteIpAddress = IPAddress.Parse(peer);
                return nextMiddleware(http);
            });
            next(app);
        };
    }

    private async Task<HttpStatusCode> FailedLogin(string peer, string forwardedFor, string email)
    {
        using var client = api.CreateApiClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/login") { Content = JsonContent(email) };
        request.Headers.Add("X-Test-Peer", peer);
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        return (await client.Http.SendAsync(request)).StatusCode;
    }

    private static StringContent JsonContent(string email) =>
        new($"{{\"email\":\"{email}\",\"password\":\"not-the-password\"}}", System.Text.Encoding.UTF8, "application/json");

    private Task<string?> AuditedIpOf(string email) => api.WithDbAsync(db => db.AuditLog.AsNoTracking()
        .Where(a => a.Details!.Contains(email)).Select(a => a.IpAddress).SingleAsync());

    [Fact]
    public async Task A_forwarded_address_from_an_unknown_peer_is_ignored()
    {
        var email = $"spoof-{Guid.NewGuid():N}@test.elimu";
        Assert.Equal(HttpStatusCode.Unauthorized, await FailedLogin("203.0.113.7", "198.51.100.99", email));
        Assert.Equal("203.0.113.7", await AuditedIpOf(email));
    }

    [Fact]
    public async Task A_forwarded_address_from_the_configured_proxy_is_the_client()
    {
        var email = $"proxied-{Guid.NewGuid():N}@test.elimu";
        Assert.Equal(HttpStatusCode.Unauthorized, await FailedLogin(Proxy, "198.51.100.23", email));
        Assert.Equal("198.51.100.23", await AuditedIpOf(email));
    }

    [Fact]
    public async Task The_login_limit_counts_the_real_client_and_cannot_be_dodged_by_a_forged_header()
    {
        var forged = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++) forged.Add(await FailedLogin("203.0.113.50", $"198.51.100.{i + 1}", $"a{i}-{Guid.NewGuid():N}@test.elimu"));
        Assert.Equal(HttpStatusCode.TooManyRequests, forged[^1]);

        for (var i = 0; i < 3; i++) await FailedLogin(Proxy, "192.0.2.10", $"b{i}-{Guid.NewGuid():N}@test.elimu");
        Assert.Equal(HttpStatusCode.TooManyRequests, await FailedLogin(Proxy, "192.0.2.10", $"c-{Guid.NewGuid():N}@test.elimu"));
        // Another client behind the same proxy has its own allowance.
        Assert.Equal(HttpStatusCode.Unauthorized, await FailedLogin(Proxy, "192.0.2.11", $"d-{Guid.NewGuid():N}@test.elimu"));
    }
}
