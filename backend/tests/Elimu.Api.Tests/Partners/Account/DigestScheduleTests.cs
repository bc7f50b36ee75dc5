using System.Net;
using Elimu.Api.Partners.Account.Digests;
using Elimu.Api.Platform.Identity;
using Elimu.Api.Platform.Notifications;
using Elimu.Api.Tests.Infrastructure;
using Elimu.Api.Tests.Platform.Figures;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using static Elimu.Api.Tests.Partners.Account.NotificationTestKit;

namespace Elimu.Api.Tests.Partners.Account;

/// <summary>When digests go out: 07:00 in each member's time zone, daily or on Mondays, and each period once.</summary>
public sealed class DigestScheduleTests(DigestClockFactory api) : IClassFixture<DigestClockFactory>
{
    private Task<Guid> MemberAsync(string digest, string timeZone) => api.DigestMemberAsync(digest, timeZone);

    private Task<List<DateOnly>> PeriodsOfAsync(Guid userId) => api.DigestPeriodsOfAsync(userId);

    private Task RunAsync() => api.Services.GetRequiredService<DigestRunner>().SendDueAsync(default);

    [Fact]
    public async Task Each_member_gets_the_latest_period_in_their_own_time_zone_and_never_twice()
    {
        api.SetNairobi(new DateOnly(2026, 3, 11), 12, 0); // Wednesday, 09:00 UTC
        var nairobiDaily = await MemberAsync("daily", "Africa/Nairobi");
        var utcDaily = await MemberAsync("daily", "UTC");
        var weekly = await MemberAsync("weekly", "Africa/Nairobi");
        var off = await MemberAsync("off", "Africa/Nairobi");

        await RunAsync();
        await RunAsync(); // again at once: nothing more
        Assert.Equal([new DateOnly(2026, 3, 10)], await PeriodsOfAsync(nairobiDaily));
        Assert.Equal([new DateOnly(2026, 3, 10)], await PeriodsOfAsync(utcDaily));
        Assert.Equal([new DateOnly(2026, 3, 2)], await PeriodsOfAsync(weekly)); // Monday 2 to Sunday 8 March
        Assert.Empty(await PeriodsOfAsync(off));
        var week = await api.WithDbAsync(db => db.SentDigests.SingleAsync(d => d.UserId == weekly));
        Assert.Equal(new DateOnly(2026, 3, 8), week.PeriodEnd);

        api.SetNairobi(new DateOnly(2026, 3, 12), 6, 59); // before 07:00 anywhere that matters
        await RunAsync();
        Assert.Single(await PeriodsOfAsync(nairobiDaily));

        api.SetNairobi(new DateOnly(2026, 3, 12), 8, 30); // 07:00 has passed in Nairobi, not yet in UTC (05:30)
        await RunAsync();
        Assert.Equal([new DateOnly(2026, 3, 10), new DateOnly(2026, 3, 11)], await PeriodsOfAsync(nairobiDaily));
        Assert.Equal([new DateOnly(2026, 3, 10)], await PeriodsOfAsync(utcDaily));

        api.SetNairobi(new DateOnly(2026, 3, 12), 10, 30); // 07:30 UTC
        await RunAsync();
        Assert.Equal([new DateOnly(2026, 3, 10), new DateOnly(2026, 3, 11)], await PeriodsOfAsync(utcDaily));
        Assert.Single(await PeriodsOfAsync(weekly));

        api.SetNairobi(new DateOnly(2026, 3, 16), 7, 0); // Monday 07:00: last week's digest
        await RunAsync();
        Assert.Equal([new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 9)], await PeriodsOfAsync(weekly));
        Assert.Empty(await PeriodsOfAsync(off));
    }

    [Theory]
    [InlineData("2026-03-09T06:59:00+03:00", "weekly", "2026-02-23", "2026-03-01")] // Monday before 07:00: the week before last
    [InlineData("2026-03-09T07:00:00+03:00", "weekly", "2026-03-02", "2026-03-08")]
    [InlineData("2026-03-15T23:00:00+03:00", "weekly", "2026-03-02", "2026-03-08")]
    [InlineData("2026-03-16T07:00:00+03:00", "weekly", "2026-03-09", "2026-03-15")]
    [InlineData("2026-03-11T06:00:00+03:00", "daily", "2026-03-09", "2026-03-09")]
    [InlineData("2026-03-11T07:00:00+03:00", "daily", "2026-03-10", "2026-03-10")]
    public void The_period_due_follows_the_local_clock(string now, string frequency, string start, string end)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Africa/Nairobi");
        var due = DigestPeriods.LatestDue(Enum.Parse<DigestFrequency>(frequency), zone, DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal((DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture)), due);
    }
}

/// <summary>
/// The clocked API without the periodic <see cref="DigestJob"/>: these tests run <see cref="DigestRunner"/> themselves at
/// the moments they choose. The job would run too, on the thread pool, while a jump of the clock is replayed tick by
/// tick, and could read a moment in between (a digest for a period the test never reached).
/// </summary>
public sealed class DigestClockFactory : ClockedApiFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
            services.Remove(services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(DigestJob))));
    }
}

internal static class DigestMembers
{
    public static async Task<Guid> DigestMemberAsync(this ClockedApiFactory api, string digest, string timeZone)
    {
        var user = await api.CreateAsync(Roles.Partner);
        using var client = await api.LoginAsync(user.Email!, TestUsers.Password);
        var saved = await client.PutAsync($"{Notifications}/preferences", new { digest, timeZone });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        return user.Id;
    }

    public static Task<List<DateOnly>> DigestPeriodsOfAsync(this ClockedApiFactory api, Guid userId) =>
        api.WithDbAsync(db => db.SentDigests.Where(d => d.UserId == userId).OrderBy(d => d.PeriodStart).Select(d => d.PeriodStart).ToListAsync());
}

/// <summary>Runs racing on one host (each with its own database context), on a clock of their own.</summary>
public sealed class DigestConcurrentRunTests(DigestClockFactory api) : IClassFixture<DigestClockFactory>
{
    [Fact]
    public async Task Two_runs_at_the_same_moment_record_each_period_once()
    {
        api.SetNairobi(new DateOnly(2026, 4, 1), 9, 0);
        var members = new List<Guid>();
        for (var i = 0; i < 5; i++) members.Add(await api.DigestMemberAsync("daily", "Africa/Nairobi"));
        var runner = api.Services.GetRequiredService<DigestRunner>();
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => runner.SendDueAsync(default))));
        foreach (var member in members) Assert.Equal([new DateOnly(2026, 3, 31)], await api.DigestPeriodsOfAsync(member));
    }

}
