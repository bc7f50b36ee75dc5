using System.Net;
using System.Net.Http.Json;
using Elimu.Api.Platform.Identity;
using Elimu.Api.Tests.Infrastructure;

namespace Elimu.Api.Tests.Platform;

public sealed class AuthTests(ElimuApiFactory api) : IClassFixture<ElimuApiFactory>
{
    [Fact]
    public async Task Login_sets_a_session_and_me_describes_the_user()
    {
        var user = await api.CreateAsync(Roles.Partner);
        using var client = api.CreateApiClient();

        var login = await client.PostAsync("/api/v1/auth/login", new { email = user.Email, password = TestUsers.Password });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var session = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("elimu.session="));
        Assert.Contains("httponly", session.ToLowerInvariant());
        Assert.Contains("samesite=strict", session.ToLowerInvariant());

        var me = await client.GetJsonAsync<CurrentUser>("/api/v1/auth/me");
        Assert.Equal(user.Id, me.Id);
        Assert.Equal(user.Email, me.Email);
        Assert.Equal("Test partner", me.DisplayName);
        Assert.Equal(["partner"], me.Roles);
        // A partner account is its organisation's profile, and its user that team's owner.
        Assert.NotNull(me.PartnerProfileId);
        Assert.Equal("owner", me.PartnerRole);
    }

    [Fact]
    public async Task Wrong_password_and_unknown_email_get_the_same_401()
    {
        var user = await api.CreateAsync(Roles.Parent);
        using var client = api.CreateApiClient();

        var wrongPassword = await client.PostAsync("/api/v1/auth/login", new { email = user.Email, password = "nope-nope-1" });
        var unknownEmail = await client.PostAsync("/api/v1/auth/login", new { email = "nobody@test.elimu", password = "nope-nope-1" });

        Assert.Equal(HttpStatusCode.Unauthorized, wrongPassword.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unknownEmail.StatusCode);
        var a = await wrongPassword.JsonAsync();
        var b = await unknownEmail.JsonAsync();
        Assert.Equal(a.GetProperty("detail").GetString(), b.GetProperty("detail").GetString());
        Assert.Equal("invalid_credentials", a.GetProperty("code").GetString());
        Assert.Equal("invalid_credentials", b.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Missing_fields_are_reported_per_field()
    {
        using var client = api.CreateApiClient();
        var response = await client.PostAsync("/api/v1/auth/login", new { email = "", password = "" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.JsonAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("email", out _));
        Assert.True(errors.TryGetProperty("password", out _));
    }

    [Fact]
    public async Task Logout_ends_the_session()
    {
        var user = await api.CreateAsync(Roles.Parent);
        using var client = await api.LoginAsync(user.Email!, TestUsers.Password);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/auth/me")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync("/api/v1/auth/logout")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/auth/me")).StatusCode);
    }

    [Fact]
    public async Task Me_without_a_session_is_401_problem_details_and_hands_out_an_xsrf_cookie()
    {
        var response = await api.CreateClient(new() { HandleCookies = false, BaseAddress = ElimuApiFactory.HttpsBase }).GetAsync("/api/v1/auth/me");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("XSRF-TOKEN=") && !c.ToLowerInvariant().Contains("httponly"));
    }

    [Fact]
    public async Task Unsafe_requests_without_the_xsrf_header_are_refused()
    {
        var user = await api.CreateAsync(Roles.Parent);
        var handler = new CookieSessionHandler();
        using var http = api.CreateDefaultClient(handler);
        Assert.Equal(HttpStatusCode.OK, (await http.PostAsJsonAsync("/api/v1/auth/login", new { email = user.Email, password = TestUsers.Password })).StatusCode);

        handler.SendXsrfHeader = false;
        var refused = await http.PostAsync("/api/v1/auth/logout", null);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("antiforgery_failed", (await refused.JsonAsync()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/api/v1/auth/me")).StatusCode);

        handler.SendXsrfHeader = true;
        Assert.Equal(HttpStatusCode.NoContent, (await http.PostAsync("/api/v1/auth/logout", null)).StatusCode);
    }
}

public sealed class LoginRateLimitTests(LoginRateLimitTests.StrictLimitFactory api) : IClassFixture<LoginRateLimitTests.StrictLimitFactory>
{
    public sealed class StrictLimitFactory : ElimuApiFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["RateLimits:LoginPerMinute"] = "3" };
    }

    [Fact]
    public async Task Login_attempts_beyond_the_limit_get_429()
    {
        using var client = api.CreateApiClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
            statuses.Add((await client.PostAsync("/api/v1/auth/login", new { email = "someone@test.elimu", password = "whatever-1" })).StatusCode);

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], statuses);
    }
}
