using System.Net;
using System.Text.Json;
using Elimu.Api.Tests.Infrastructure;
using OtpNet;

namespace Elimu.Api.Tests.Platform.Security;

/// <summary>What a user does with an authenticator app, computed as the app does (RFC 6238, Otp.NET).</summary>
public static class TwoFactorClient
{
    public const string SecondFactor = "/api/v1/auth/login/second-factor";

    /// <summary>Sets up the app and turns two-factor on; answers the shared key (base32) and the recovery codes.</summary>
    public static async Task<(string Secret, string[] RecoveryCodes)> EnableAsync(ApiClient client)
    {
        var setup = await (await client.PostAsync("/api/v1/auth/two-factor/authenticator")).JsonAsync();
        var secret = SecretOf(setup.GetProperty("authenticatorUri").GetString()!);
        Assert.Equal(secret.ToLowerInvariant(), setup.GetProperty("sharedKey").GetString()!.Replace(" ", ""));
        var enabled = await client.PostAsync("/api/v1/auth/two-factor/enable", new { code = Code(secret) });
        Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);
        var codes = (await enabled.JsonAsync()).GetProperty("recoveryCodes").EnumerateArray().Select(c => c.GetString()!).ToArray();
        return (secret, codes);
    }

    public static string SecretOf(string uri) =>
        Uri.UnescapeDataString(new Uri(uri).Query.TrimStart('?').Split('&').First(p => p.StartsWith("secret=")).Split('=')[1]);

    public static string Code(string secret, DateTime? at = null) =>
        new Totp(Base32Encoding.ToBytes(secret)).ComputeTotp(at ?? DateTime.UtcNow);

    /// <summary>A code of the same key that no window around now accepts.</summary>
    public static string WrongCode(string secret)
    {
        var near = Enumerable.Range(-3, 7).Select(i => Code(secret, DateTime.UtcNow.AddSeconds(30 * i))).ToHashSet();
        return Enumerable.Range(0, 1_000_000).Select(i => i.ToString("D6")).First(c => !near.Contains(c));
    }

    /// <summary>The password step: answers 202 and leaves the short-lived second-factor cookie.</summary>
    public static async Task PasswordStepAsync(ApiClient client, string email, string password = TestUsers.Password)
    {
        var response = await client.PostAsync("/api/v1/auth/login", new { email, password });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.True(body.GetProperty("twoFactorRequired").GetBoolean());
        Assert.Equal("two_factor_required", body.GetProperty("code").GetString());
    }

    public static string? CodeOf(JsonElement problem) => problem.TryGetProperty("code", out var c) ? c.GetString() : null;
}
