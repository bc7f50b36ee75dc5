using Elimu.Api.Common;
using Elimu.Api.Partners.Account.Digests;
using Elimu.Api.Partners.Alerts;
using Elimu.Api.Partners.Dashboard;
using Elimu.Api.Platform.Notifications.Delivery;
using Elimu.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Elimu.Api.Tests.Partners.Account.NotificationTestKit;

namespace Elimu.Api.Tests.Partners.Account;

/// <summary>What a digest says (from the demo story), and that racing runs and instances queue it once.</summary>
public sealed class DigestMailTests(SeededApiFactory api) : IClassFixture<SeededApiFactory>
{
    private const string Subject = "Elimu digest";

    [Fact]
    public async Task The_partners_digest_lists_the_open_alerts_and_learning_by_program_and_is_written_once()
    {
        await Elimu.Api.Tests.Partners.Alerts.AlertTestKit.ScanAlertsAsync(api, "partner@elimu.demo");
        var runner = api.Services.GetRequiredService<DigestRunner>();
        await Task.WhenAll(Task.Run(() => runner.SendDueAsync(default)), Task.Run(() => runner.SendDueAsync(default)));
        await runner.SendDueAsync(default);
        await api.SendOutboxAsync();

        var mail = Assert.Single(api.Mails(), m => m.IsTo("partner@elimu.demo") && m.Subject.Contains(Subject));
        Assert.Contains("Children needing attention", mail.HtmlBody);
        Assert.Contains("THIS WEEK'S LEARNING BY PROGRAM", mail.TextBody);
        Assert.Contains("/dashboard/partner", mail.TextBody);
        using var partner = await api.LoginAsync("partner@elimu.demo");
        var open = await partner.GetJsonAsync<Paged<ChildAlertView>>($"{Elimu.Api.Tests.Partners.Alerts.AlertTestKit.Route}?state=new&pageSize=1");
        Assert.NotEmpty(open.Items);
        Assert.Contains(open.Items[0].Summary, mail.TextBody);
        var counters = await partner.GetJsonAsync<RealtimeCounters>("/api/v1/partner/dashboard/counters");
        Assert.Equal(counters.PendingPayments > 0, mail.TextBody.Contains("PAYMENTS DUE"));
        Assert.Equal(counters.ChildAlerts > 0, mail.TextBody.Contains("CHILDREN NEEDING ATTENTION"));
        Assert.Equal(1, await api.WithDbAsync(db => db.SentDigests.CountAsync(d => db.Users.Any(u => u.Id == d.UserId && u.Email == "partner@elimu.demo"))));
    }
}

/// <summary>Several instances on one PostgreSQL database, their digest runs racing.</summary>
public sealed class DigestRaceTests(SeededApiFactory api) : IClassFixture<SeededApiFactory>
{
    private const string Subject = "Elimu digest";

    [PostgresFact]
    public async Task Two_instances_racing_queue_each_partners_digest_once()
    {
        await using var second = new SecondHostFactory(api);
        await second.InitializeAsync();
        var first = api.Services.GetRequiredService<DigestRunner>();
        var other = second.Services.GetRequiredService<DigestRunner>();

        await Task.WhenAll(Enumerable.Range(0, 3).SelectMany(_ => new[]
        {
            Task.Run(() => first.SendDueAsync(default)), Task.Run(() => other.SendDueAsync(default)),
        }));

        var perUser = await api.WithDbAsync(db => db.SentDigests.GroupBy(d => new { d.UserId, d.PeriodStart }).Select(g => g.Count()).ToListAsync());
        Assert.NotEmpty(perUser);
        Assert.All(perUser, n => Assert.Equal(1, n));
        var mails = await api.WithDbAsync(db => db.OutboxMessages.Where(m => m.Subject.Contains(Subject)).GroupBy(m => m.To).Select(g => g.Count()).ToListAsync());
        Assert.NotEmpty(mails);
        Assert.All(mails, n => Assert.Equal(1, n));
    }
}
