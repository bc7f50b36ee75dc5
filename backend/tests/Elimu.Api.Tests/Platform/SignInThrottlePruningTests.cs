using System.Net;
using System.Security.Cryptography;
using System.Text;
using Elimu.Api.Platform.Identity;
using Elimu.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Elimu.Api.Tests.Platform;

/// <summary>
/// sign_in_throttles rows of addresses that never sign in (typos, unknown emails, sprays) are pruned once their failures
/// are a day old, by a sweep on the host's clock (a FakeTimeProvider here); recent rows stay, and a forgotten row counts
/// as none even before the sweep reaches it.
/// </summary>
public sealed class SignInThrottlePruningTests(SignInThrottlePruningTests.ClockFactory api) : IClassFixture<SignInThrottlePruningTests.ClockFactory>
{
    public sealed class ClockFactory : ElimuApiFactory
    {
        public FakeTimeProvider Time { get; } = new(DateTimeOffset.UtcNow);
        protected override TimeProvider? Clock => Time;
    }

    private static readonly TimeSpan Day = new SignInBackoffOptions().ForgetAfter;

    private async Task<HttpStatusCode> FailAsync(string email)
    {
        using var client = api.CreateApiClient();
        return (await client.PostAsync("/api/v1/auth/login", new { email, password = "not-the-password" })).StatusCode;
    }

    private Task<bool> HasRowAsync(string email)
    {
        var normalized = api.Services.GetRequiredService<ILookupNormalizer>().NormalizeEmail(email);
        var key = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalized)));
        return api.WithDbAsync(db => db.SignInThrottles.AsNoTracking().AnyAsync(t => t.Key == key));
    }

    [Fact]
    public async Task The_periodic_sweep_prunes_rows_a_day_old_and_keeps_recent_ones()
    {
        var old = $"typo-{Guid.NewGuid():N}@test.elimu";
        var recent = $"other-{Guid.NewGuid():N}@test.elimu";
        for (var i = 0; i < 3; i++) await FailAsync(old);
        api.Time.Advance(Day - TimeSpan.FromHours(1));
        await FailAsync(recent);
        Assert.True(await HasRowAsync(old));

        // One more sweep interval: the old address's last failure is now more than a day old, the other's an hour.
        api.Time.Advance(SignInThrottleSweeper.Interval + TimeSpan.FromMinutes(1));
        for (var i = 0; i < 100 && await HasRowAsync(old); i++) await Task.Delay(50); // the sweep runs on the host's own thread
        Assert.False(await HasRowAsync(old));
        Assert.True(await HasRowAsync(recent));

        // The sweep itself: nothing left to prune until the recent row is a day old too.
        var sweeper = api.Services.GetRequiredService<SignInThrottleSweeper>();
        Assert.Equal(0, await sweeper.SweepAsync(CancellationToken.None));
        api.Time.Advance(Day);
        await sweeper.SweepAsync(CancellationToken.None);
        Assert.False(await HasRowAsync(recent));
    }

    [Fact]
    public async Task Failures_a_day_old_count_afresh_even_before_the_sweep_reaches_them()
    {
        var owner = await api.CreateAsync(Roles.Partner);
        for (var i = 0; i < 5; i++) Assert.Equal(HttpStatusCode.Unauthorized, await FailAsync(owner.Email!));
        Assert.Equal(HttpStatusCode.TooManyRequests, await FailAsync(owner.Email!)); // the fifth started a wait

        api.Time.Advance(Day + TimeSpan.FromSeconds(1));
        // Four typos in a row are plain 401s again, not a doubled wait after the first.
        for (var i = 0; i < 4; i++) Assert.Equal(HttpStatusCode.Unauthorized, await FailAsync(owner.Email!));
    }
}
