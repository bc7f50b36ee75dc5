using Xunit.Abstractions;
using System.Net;
using System.Text.RegularExpressions;
using System.Net.Http.Json;
using Elimu.Api.Tests.Infrastructure;

namespace Elimu.Api.Tests.Platform.Hosting;

public sealed class SecurityHeadersTests(ElimuApiFactory api, ITestOutputHelper output) : IClassFixture<ElimuApiFactory>
{
    private static string Header(HttpResponseMessage r, string name) =>
        r.Headers.TryGetValues(name, out var v) ? string.Join(",", v) : r.Content.Headers.TryGetValues(name, out var c) ? string.Join(",", c) : "";

    private static string Directive(string policy, string name) =>
        policy.Split(';').Select(d => d.Trim()).FirstOrDefault(d => d.StartsWith(name + " ")) ?? "";

    [Theory]
    [InlineData("/")]
    [InlineData("/partner/dashboard")]
    [InlineData("/api/v1/auth/me")]
    [InlineData("/docs")]
    [InlineData("/healthz")]
    public async Task Every_answer_forbids_framing_and_sniffing_and_keeps_the_referrer(string path)
    {
        var response = await api.CreateClient().GetAsync(path);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
        Assert.Equal("'none'", Directive(Header(response, "Content-Security-Policy"), "frame-ancestors")["frame-ancestors ".Length..]);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/partner/dashboard")]
    public async Task The_app_may_run_only_its_own_scripts_never_inline_ones(string path)
    {
        var policy = Header(await api.CreateClient().GetAsync(path), "Content-Security-Policy");
        Assert.Equal("script-src 'self'", Directive(policy, "script-src"));
        Assert.DoesNotContain("unsafe", policy);
        Assert.Equal("object-src 'none'", Directive(policy, "object-src"));
    }

    [Fact]
    public async Task The_docs_page_gets_its_own_policy_and_loads_nothing_from_elsewhere()
    {
        var response = await api.CreateClient().GetAsync("/docs");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var policy = Header(response, "Content-Security-Policy");
        Assert.Equal("connect-src 'self'", Directive(policy, "connect-src"));
        var html = await response.Content.ReadAsStringAsync();
        output.WriteLine(html);
        foreach (Match src in Regex.Matches(html, "(?:src|href)=\"([^\"]+)\""))
            Assert.False(Uri.TryCreate(src.Groups[1].Value, UriKind.Absolute, out var u) && u.Host != "localhost",
                $"/docs loads {src.Groups[1].Value} from elsewhere, which its policy blocks");
        // Its scripts are served here, under the page's own (relaxed) policy.
        var page = response.RequestMessage!.RequestUri!;
        foreach (Match src in Regex.Matches(html, "<script[^>]+src=\"([^\"]+)\""))
        {
            var script = await api.CreateClient().GetAsync(new Uri(page, src.Groups[1].Value));
            Assert.Equal(HttpStatusCode.OK, script.StatusCode);
            Assert.Equal(policy, Header(script, "Content-Security-Policy"));
        }
    }

    [Fact]
    public async Task Https_answers_carry_HSTS_outside_Development()
    {
        var response = await api.CreateClient().GetAsync("https://elimu.example/healthz");
        Assert.Contains("max-age=31536000", Header(response, "Strict-Transport-Security"));
    }

    [Fact]
    public async Task Outside_Development_the_API_refuses_plain_HTTP_and_its_cookies_are_Secure()
    {
        using var plain = api.CreateClient(new() { BaseAddress = new Uri("http://localhost") });
        var overHttp = await plain.PostAsync("/api/v1/auth/login", JsonContent.Create(new { email = "x@test.elimu", password = "whatever-1" }));
        Assert.Equal(HttpStatusCode.BadRequest, overHttp.StatusCode);
        Assert.Equal("https_required", (await overHttp.JsonAsync()).GetProperty("code").GetString());

        var user = await api.CreateAsync(Elimu.Api.Platform.Identity.Roles.Parent);
        var login = await api.CreateClient().PostAsync("/api/v1/auth/login", JsonContent.Create(new { email = user.Email, password = TestUsers.Password }));
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var cookies = login.Headers.GetValues("Set-Cookie").ToList();
        foreach (var name in new[] { "elimu.session=", "elimu.af=", "XSRF-TOKEN=" })
            Assert.Contains("secure", cookies.Single(c => c.StartsWith(name)).ToLowerInvariant());
    }
}
