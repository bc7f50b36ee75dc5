using System.Net;
using Elimu.Api.Platform.Identity;
using Elimu.Api.Tests.Infrastructure;
using static Elimu.Api.Tests.Platform.Security.TwoFactorClient;

namespace Elimu.Api.Tests.Platform.Security;

/// <summary>Issue 16 settings: two-factor sign-in with an authenticator app, for every role, over HTTP.</summary>
public sealed class TwoFactorTests(ElimuApiFactory api) : IClassFixture<ElimuApiFactory>
{
    private const string Me = "/api/v1/auth/me";

    [Theory]
    [InlineData(Roles.Partner)]
    [InlineData(Roles.Parent)]
    [InlineData(Roles.Admin)]
    public async Task After_enrolment_the_password_alone_does_not_sign_in_and_a_generated_code_does(string role)
    {
        var user = await api.CreateAsync(role);
        using (var client = await api.LoginAsync(user.Email!, TestUsers.Password))
        {
            var (secret, codes) = await EnableAsync(client);
            Assert.Equal(10, codes.Length);
            Assert.Equal(10, codes.Distinct().Count());
            var status = await client.GetJsonAsync<TwoFactorStatus>("/api/v1/auth/two-factor");
            Assert.Equal(new TwoFactorStatus(true, 10), status);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Me)).StatusCode); // enabling kept this browser signed in

            using var browser = api.CreateApiClient();
            await PasswordStepAsync(browser, user.Email!);
            Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync(Me)).StatusCode);

            var wrong = await browser.PostAsync(SecondFactor, new { code = WrongCode(secret) });
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
            Assert.Equal("invalid_second_factor", CodeOf(await wrong.JsonAsync()));
            Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync(Me)).StatusCode);

            var right = await browser.PostAsync(SecondFactor, new { code = Code(secret) });
            Assert.Equal(HttpStatusCode.OK, right.StatusCode);
            Assert.Equal(user.Email, (await right.JsonAsync()).GetProperty("email").GetString());
            Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(Me)).StatusCode);
        }
    }

    [Fact]
    public async Task The_code_step_without_a_right_password_first_is_refused()
    {
        var user = await api.CreateAsync(Roles.Parent);
        string secret;
        using (var client = await api.LoginAsync(user.Email!, TestUsers.Password)) (secret, _) = await EnableAsync(client);

        using var stranger = api.CreateApiClient();
        await stranger.GetAsync(Me);
        var refused = await stranger.PostAsync(SecondFactor, new { code = Code(secret) });
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("second_factor_expired", CodeOf(await refused.JsonAsync()));

        // A wrong password leaves no second-factor step either.
        Assert.Equal(HttpStatusCode.Unauthorized, (await stranger.PostAsync("/api/v1/auth/login", new { email = user.Email, password = "Wrong#Pass2026" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await stranger.PostAsync(SecondFactor, new { code = Code(secret) })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await stranger.GetAsync(Me)).StatusCode);
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once_and_never_again()
    {
        var user = await api.CreateAsync(Roles.Partner);
        string[] codes;
        using (var client = await api.LoginAsync(user.Email!, TestUsers.Password)) (_, codes) = await EnableAsync(client);

        using (var first = api.CreateApiClient())
        {
            await PasswordStepAsync(first, user.Email!);
            // Typed in lower case and without its dash: the same code.
            Assert.Equal(HttpStatusCode.OK, (await first.PostAsync(SecondFactor, new { recoveryCode = codes[0].Replace("-", "").ToLowerInvariant() })).StatusCode);
            var status = await first.GetJsonAsync<TwoFactorStatus>("/api/v1/auth/two-factor");
            Assert.Equal(9, status.RecoveryCodesLeft);
        }
        using var second = api.CreateApiClient();
        await PasswordStepAsync(second, user.Email!);
        var reused = await second.PostAsync(SecondFactor, new { recoveryCode = codes[0] });
        Assert.Equal(HttpStatusCode.Unauthorized, reused.StatusCode);
        Assert.Equal("invalid_second_factor", CodeOf(await reused.JsonAsync()));
        Assert.Equal(HttpStatusCode.OK, (await second.PostAsync(SecondFactor, new { recoveryCode = codes[1] })).StatusCode);
    }

    [Fact]
    public async Task Wrong_codes_slow_the_account_down_as_wrong_passwords_do()
    {
        var user = await api.CreateAsync(Roles.Parent);
        string secret;
        using (var client = await api.LoginAsync(user.Email!, TestUsers.Password)) (secret, _) = await EnableAsync(client);

        using var attacker = api.CreateApiClient();
        await PasswordStepAsync(attacker, user.Email!);
        var wrong = WrongCode(secret);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 8; i++) statuses.Add((await attacker.PostAsync(SecondFactor, new { code = wrong })).StatusCode);

        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        Assert.DoesNotContain(HttpStatusCode.OK, statuses);
        // While the wait runs even the right code is refused before it is looked at.
        var delayed = await attacker.PostAsync(SecondFactor, new { code = Code(secret) });
        Assert.Equal(HttpStatusCode.TooManyRequests, delayed.StatusCode);
        Assert.Equal("sign_in_delayed", CodeOf(await delayed.JsonAsync()));
    }

    [Fact]
    public async Task Enabling_needs_a_right_code_and_ends_the_users_other_sessions()
    {
        var user = await api.CreateAsync(Roles.Partner);
        using var laptop = await api.LoginAsync(user.Email!, TestUsers.Password);
        using var phone = await api.LoginAsync(user.Email!, TestUsers.Password);

        var setup = await (await laptop.PostAsync("/api/v1/auth/two-factor/authenticator")).JsonAsync();
        var secret = SecretOf(setup.GetProperty("authenticatorUri").GetString()!);
        Assert.StartsWith("otpauth://totp/Elimu:", setup.GetProperty("authenticatorUri").GetString());
        var wrong = await laptop.PostAsync("/api/v1/auth/two-factor/enable", new { code = WrongCode(secret) });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.True((await wrong.JsonAsync()).GetProperty("errors").TryGetProperty("code", out _));
        Assert.False((await laptop.GetJsonAsync<TwoFactorStatus>("/api/v1/auth/two-factor")).Enabled);
        Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync(Me)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await laptop.PostAsync("/api/v1/auth/two-factor/enable", new { code = Code(secret) })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await phone.GetAsync(Me)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await laptop.GetAsync(Me)).StatusCode);
        // The laptop's antiforgery token was re-issued with its cookie: it can still write.
        Assert.Equal(HttpStatusCode.Conflict, (await laptop.PostAsync("/api/v1/auth/two-factor/authenticator")).StatusCode);
    }

    [Fact]
    public async Task Turning_off_needs_the_password_or_a_code_and_then_the_password_alone_signs_in()
    {
        var user = await api.CreateAsync(Roles.Parent);
        using var client = await api.LoginAsync(user.Email!, TestUsers.Password);
        var (secret, _) = await EnableAsync(client);

        var none = await client.PostAsync("/api/v1/auth/two-factor/disable", new { });
        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        var wrongPassword = await client.PostAsync("/api/v1/auth/two-factor/disable", new { password = "Not#MyPass2026" });
        Assert.Equal(HttpStatusCode.BadRequest, wrongPassword.StatusCode);
        Assert.True((await wrongPassword.JsonAsync()).GetProperty("errors").TryGetProperty("password", out _));
        var wrongCode = await client.PostAsync("/api/v1/auth/two-factor/disable", new { code = WrongCode(secret) });
        Assert.Equal(HttpStatusCode.BadRequest, wrongCode.StatusCode);
        Assert.True((await client.GetJsonAsync<TwoFactorStatus>("/api/v1/auth/two-factor")).Enabled);

        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync("/api/v1/auth/two-factor/disable", new { code = Code(secret) })).StatusCode);
        Assert.Equal(new TwoFactorStatus(false, 0), await client.GetJsonAsync<TwoFactorStatus>("/api/v1/auth/two-factor"));
        using var again = await api.LoginAsync(user.Email!, TestUsers.Password); // 200 straight away
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync(Me)).StatusCode);
    }

    [Fact]
    public async Task New_recovery_codes_replace_the_old_ones()
    {
        var user = await api.CreateAsync(Roles.Partner);
        using var client = await api.LoginAsync(user.Email!, TestUsers.Password);
        var (_, old) = await EnableAsync(client);

        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync("/api/v1/auth/two-factor/recovery-codes", new { password = "Not#MyPass2026" })).StatusCode);
        var fresh = await client.PostAsync("/api/v1/auth/two-factor/recovery-codes", new { password = TestUsers.Password });
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        var codes = (await fresh.JsonAsync()).GetProperty("recoveryCodes").EnumerateArray().Select(c => c.GetString()!).ToArray();
        Assert.Equal(10, codes.Length);
        Assert.Empty(codes.Intersect(old));

        using var browser = api.CreateApiClient();
        await PasswordStepAsync(browser, user.Email!);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.PostAsync(SecondFactor, new { recoveryCode = old[0] })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.PostAsync(SecondFactor, new { recoveryCode = codes[0] })).StatusCode);
    }

    [Fact]
    public async Task Two_factor_settings_need_a_session()
    {
        using var anonymous = api.CreateApiClient();
        await anonymous.GetAsync(Me);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/auth/two-factor")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("/api/v1/auth/two-factor/authenticator")).StatusCode);
    }
}

/// <summary>Parallel uses of one recovery code (run on PostgreSQL too): exactly one signs in.</summary>
public sealed class RecoveryCodeRaceTests(RecoveryCodeRaceTests.RoomyBackoffFactory api) : IClassFixture<RecoveryCodeRaceTests.RoomyBackoffFactory>
{
    /// <summary>Each browser's password step stays counted until its code is right; room for all of them.</summary>
    public sealed class RoomyBackoffFactory : ElimuApiFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["SignIn:FreeFailures"] = "100" };
    }

    [Fact]
    public async Task Of_parallel_sign_ins_with_one_recovery_code_exactly_one_succeeds()
    {
        var user = await api.CreateAsync(Roles.Partner);
        string[] codes;
        using (var client = await api.LoginAsync(user.Email!, TestUsers.Password)) (_, codes) = await EnableAsync(client);

        var browsers = new List<ApiClient>();
        for (var i = 0; i < 8; i++)
        {
            var browser = api.CreateApiClient();
            await PasswordStepAsync(browser, user.Email!);
            browsers.Add(browser);
        }
        using var start = new ManualResetEventSlim();
        var attempts = browsers.Select(b => Task.Run(async () =>
        {
            start.Wait();
            return (await b.PostAsync(SecondFactor, new { recoveryCode = codes[3] })).StatusCode;
        })).ToList();
        start.Set();
        var statuses = await Task.WhenAll(attempts);

        Assert.Single(statuses, s => s == HttpStatusCode.OK);
        Assert.All(statuses, s => Assert.Contains(s, new[] { HttpStatusCode.OK, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests }));
        var signedIn = 0;
        foreach (var b in browsers)
        {
            if ((await b.GetAsync("/api/v1/auth/me")).StatusCode == HttpStatusCode.OK) signedIn++;
            b.Dispose();
        }
        Assert.Equal(1, signedIn);
    }
}
