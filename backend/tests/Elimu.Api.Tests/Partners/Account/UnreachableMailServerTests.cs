using System.Globalization;
using System.Net;
using Elimu.Api.Platform.Notifications.Delivery;
using Elimu.Api.Tests.Infrastructure;
using Elimu.Api.Tests.Partners.Sponsorships;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Tests.Partners.Account;

/// <summary>A mail server that is down never turns a request into an error: the mail waits in the outbox and is retried.</summary>
public sealed class UnreachableMailServerTests(UnreachableMailServerTests.DownFactory api) : IClassFixture<UnreachableMailServerTests.DownFactory>
{
    public sealed class DownFactory : SeededApiFactory
    {
        public int Port { get; } = FakeSmtpServer.FreePort();

        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Mail:Smtp:Host"] = "127.0.0.1", ["Mail:Smtp:Port"] = Port.ToString(CultureInfo.InvariantCulture), ["Mail:Smtp:Security"] = "none",
            ["Mail:Smtp:TimeoutSeconds"] = "5", ["Mail:OutboxPollSeconds"] = "3600",
        };
    }

    [Fact]
    public async Task The_request_succeeds_the_mail_is_retried_later_and_then_delivered()
    {
        using var partner = await api.LoginAsync("partner2@elimu.demo");
        var name = $"Down {Guid.NewGuid():N}";
        await api.ActiveProgramWithChildrenAsync(partner, 10, name); // the approval answers 200 (asserted inside)

        await api.SendOutboxAsync();
        var waiting = await api.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Subject.Contains(name)));
        Assert.Equal(OutboxStatus.pending, waiting.Status);
        Assert.Equal(1, waiting.Attempts);
        Assert.NotNull(waiting.LastError);
        Assert.True(waiting.NextAttemptAt > DateTime.UtcNow.AddSeconds(30));

        // The server comes back; once the retry is due, the mail goes.
        await using var smtp = new FakeSmtpServer(api.Port);
        await api.WithDbAsync(db => db.OutboxMessages.Where(m => m.Id == waiting.Id)
            .ExecuteUpdateAsync(m => m.SetProperty(x => x.NextAttemptAt, DateTime.UtcNow.AddMinutes(-1))));
        await api.SendOutboxAsync();
        await smtp.WaitForAsync(m => m.Subject.Contains(name), TimeSpan.FromSeconds(10));
        Assert.Equal(OutboxStatus.sent, (await api.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == waiting.Id))).Status);
    }
}
