using System.Net;
using Elimu.Api.Partners.Finance.Grants;
using Elimu.Api.Platform.Identity;
using Elimu.Api.Platform.Notifications;
using Elimu.Api.Tests.Infrastructure;
using Elimu.Api.Tests.Platform.Figures;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using static Elimu.Api.Tests.Finance.BudgetTestKit;

namespace Elimu.Api.Tests.Finance;

/// <summary>
/// Reminders before a reporting deadline (14 and 3 days before by default), each once, with a moved clock. The tests run
/// <see cref="GrantReminderRunner"/> themselves at the moments they choose (the periodic job is removed, as the digest
/// tests remove theirs, so it cannot read the clock mid-jump).
/// </summary>
public sealed class GrantReminderTests(GrantReminderClockFactory api) : IClassFixture<GrantReminderClockFactory>
{
    /// <summary>The clock is shared by the class's tests and only moves forward: each test starts on the day after it.</summary>
    private DateOnly NextDay() => DateOnly.FromDateTime(api.Time.GetUtcNow().ToOffset(TimeSpan.FromHours(3)).DateTime).AddDays(1);

    private void At(DateOnly day) => api.SetNairobi(day, 9, 0);

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private Task<int> RunAsync() => api.Services.GetRequiredService<GrantReminderRunner>().SendDueAsync(default);

    private Task<List<string>> RemindersOfAsync(Guid partnerId) =>
        api.WithDbAsync(db => db.Notifications.Where(n => n.UserId == partnerId && n.Category == NotificationCategory.report)
            .OrderBy(n => n.CreatedAt).ThenBy(n => n.Id).Select(n => n.Title).ToListAsync());

    private async Task<(Guid Partner, Guid Grant)> GrantWithDeadlinesAsync(string status, params object[] deadlines)
    {
        var partner = await api.CreateAsync(Roles.Partner);
        using var client = await api.LoginAsync(partner.Email!, TestUsers.Password);
        var grant = await client.PostAsync(Grants, new
        {
            funder = "Ford Foundation", reference = $"R-{Guid.NewGuid():N}"[..12], amount = 1_000m, startDate = "2026-01-01", endDate = "2026-12-31",
            status, deadlines,
        }).ExpectAsync(HttpStatusCode.Created);
        return (partner.Id, grant.GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task Each_reminder_goes_out_once_14_and_then_3_days_before()
    {
        var due = NextDay().AddDays(15);
        At(due.AddDays(-15)); // 15 days before: nothing yet
        var (partner, _) = await GrantWithDeadlinesAsync("active", new { dueDate = Iso(due), title = "Q1 narrative report" });
        await RunAsync();
        Assert.Empty(await RemindersOfAsync(partner));

        At(due.AddDays(-14)); // 14 days before
        await RunAsync();
        await RunAsync();
        Assert.Equal(["Grant report due in 14 days: Q1 narrative report"], await RemindersOfAsync(partner));

        At(due.AddDays(-5)); // 5 days before: still the 14-day window, already told
        await RunAsync();
        Assert.Single(await RemindersOfAsync(partner));

        At(due.AddDays(-3)); // 3 days before
        await RunAsync();
        At(due.AddDays(-1));
        await RunAsync();
        Assert.Equal(["Grant report due in 14 days: Q1 narrative report", "Grant report due in 3 days: Q1 narrative report"], await RemindersOfAsync(partner));

        At(due.AddDays(1)); // past due: no more reminders
        await RunAsync();
        Assert.Equal(2, (await RemindersOfAsync(partner)).Count);
    }

    [Fact]
    public async Task Submitted_deadlines_and_closed_grants_get_no_reminder_and_a_late_deadline_gets_only_its_window()
    {
        var today = NextDay();
        At(today);
        var (submitted, _) = await GrantWithDeadlinesAsync("active", new { dueDate = Iso(today.AddDays(4)), title = "Done", submitted = true });
        var (closed, _) = await GrantWithDeadlinesAsync("closed", new { dueDate = Iso(today.AddDays(4)), title = "Closed" });
        var (late, _) = await GrantWithDeadlinesAsync("active", new { dueDate = Iso(today.AddDays(2)), title = "Soon" });
        await RunAsync();
        Assert.Empty(await RemindersOfAsync(submitted));
        Assert.Empty(await RemindersOfAsync(closed));
        Assert.Equal(["Grant report due in 2 days: Soon"], await RemindersOfAsync(late));
        At(today.AddDays(1));
        await RunAsync();
        Assert.Single(await RemindersOfAsync(late));
    }

    [Fact]
    public async Task Runs_racing_at_the_same_moment_send_each_reminder_once()
    {
        var today = NextDay();
        At(today);
        var partners = new List<Guid>();
        for (var i = 0; i < 4; i++) partners.Add((await GrantWithDeadlinesAsync("reporting", new { dueDate = Iso(today.AddDays(9)), title = "Race" })).Partner);
        var runner = api.Services.GetRequiredService<GrantReminderRunner>();
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => runner.SendDueAsync(default))));
        foreach (var p in partners) Assert.Single(await RemindersOfAsync(p));
    }
}

/// <summary>The clocked API without the periodic <see cref="GrantReminderJob"/>.</summary>
public sealed class GrantReminderClockFactory : ClockedApiFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
            services.Remove(services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(GrantReminderJob))));
    }
}
