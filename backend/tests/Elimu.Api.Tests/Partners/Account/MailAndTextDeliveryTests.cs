using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Elimu.Api.Common;
using Elimu.Api.Partners.ChildData;
using Elimu.Api.Partners.Consent;
using Elimu.Api.Partners.Sponsorships;
using Elimu.Api.Platform.Identity;
using Elimu.Api.Platform.Notifications.Delivery;
using Elimu.Api.Platform.Students;
using Elimu.Api.Tests.Infrastructure;
using Elimu.Api.Tests.Partners.Sponsorships;
using Microsoft.EntityFrameworkCore;
using static Elimu.Api.Tests.Partners.Sponsorships.SponsorshipScenario;

namespace Elimu.Api.Tests.Partners.Account;

/// <summary>Mail through a real SMTP conversation and texts through an Africa's Talking-style gateway, both fakes on 127.0.0.1.</summary>
public sealed class MailAndTextDeliveryTests(MailAndTextDeliveryTests.DeliveryFactory api) : IClassFixture<MailAndTextDeliveryTests.DeliveryFactory>
{
    public sealed class DeliveryFactory : SeededApiFactory, IAsyncLifetime
    {
        public FakeSmtpServer Smtp { get; } = new();
        public FakeSmsGateway Sms { get; } = new();

        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Mail:Smtp:Host"] = "127.0.0.1", ["Mail:Smtp:Port"] = Smtp.Port.ToString(CultureInfo.InvariantCulture), ["Mail:Smtp:Security"] = "none",
            ["Mail:PublicUrl"] = "https://elimu.example", ["Mail:OutboxPollSeconds"] = "1",
            ["Sms:BaseUrl"] = Sms.BaseUrl, ["Sms:Username"] = "sandbox", ["Sms:ApiKey"] = "at-test-key",
        };

        async Task IAsyncLifetime.DisposeAsync()
        {
            await DisposeAsync();
            await Smtp.DisposeAsync();
            Sms.Dispose();
        }
    }

    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_consent_request_reaches_the_guardian_once_by_email_and_by_text_with_a_link_to_the_request()
    {
        using var partner = await api.LoginAsync("partner2@elimu.demo");
        var program = await api.ActiveProgramWithChildrenAsync(partner, 10, $"Delivery {Guid.NewGuid():N}");
        var guardian = await api.CreateAsync(Roles.Parent);
        var phone = "+2547" + Random.Shared.Next(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture);
        var children = (await partner.GetJsonAsync<Paged<SponsoredChildResponse>>($"/api/v1/partner/sponsorships/children?programId={program.Id}&pageSize=100")).Items;
        var twins = children.Take(2).Select(c => c.StudentId).ToList();
        await api.WithDbAsync(async db =>
        {
            await db.Users.Where(u => u.Id == guardian.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.PhoneNumber, phone));
            db.Guardianships.RemoveRange(db.Guardianships.Where(g => twins.Contains(g.StudentId)));
            foreach (var s in twins)
                db.Guardianships.Add(new Guardianship { ParentId = guardian.Id, StudentId = s, Relationship = GuardianRelationship.father, IsPrimary = true });
            await db.SaveChangesAsync();
        });

        var asked = await partner.PostAsync("/api/v1/partner/sponsorships/consent/request", new { programId = program.Id });
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        var requests = await api.WithDbAsync(db => db.SponsorshipConsents.Where(c => c.ParentId == guardian.Id).Select(c => c.Id).ToListAsync());
        Assert.Equal(2, requests.Count);

        var mail = await api.Smtp.WaitForAsync(m => m.IsTo(guardian.Email!), Wait);
        var text = await api.Sms.WaitForAsync(r => r.Form.GetValueOrDefault("to") == phone, Wait);
        var link = new Regex(@"https://elimu\.example/dashboard/parent/consents/([0-9a-f-]{36})");
        Assert.Contains(Guid.Parse(link.Match(mail.TextBody).Groups[1].Value), requests);
        Assert.Matches(link, mail.HtmlBody);
        Assert.Contains("Mwangaza", mail.Subject + mail.TextBody);
        Assert.Equal("/version1/messaging", text.Path);
        Assert.Equal("at-test-key", text.ApiKey);
        Assert.Equal("sandbox", text.Form["username"]);
        Assert.Contains(Guid.Parse(link.Match(text.Form["message"]).Groups[1].Value), requests);

        // Asking again sends nothing new: both requests are open, and each guardian heard once for the two children.
        await partner.PostAsync("/api/v1/partner/sponsorships/consent/request", new { programId = program.Id });
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Single(api.Smtp.Received, m => m.IsTo(guardian.Email!));
        Assert.Single(api.Sms.Received, r => r.Form.GetValueOrDefault("to") == phone);
        using var parent = await api.LoginAsync(guardian.Email!, TestUsers.Password);
        var inApp = await parent.GetAsync("/api/v1/parent/consents");
        Assert.Equal(HttpStatusCode.OK, inApp.StatusCode);
        Assert.Equal(1, await api.WithDbAsync(db => db.Notifications.CountAsync(n => n.UserId == guardian.Id)));
    }

    [Fact]
    public async Task The_smtp_server_receives_the_partners_mail_with_text_and_html()
    {
        using var partner = await api.LoginAsync("partner2@elimu.demo");
        var name = $"Smtp {Guid.NewGuid():N}";
        var program = await api.ActiveProgramWithChildrenAsync(partner, 10, name);
        var mail = await api.Smtp.WaitForAsync(m => m.Subject.Contains(name), Wait);
        Assert.True(mail.IsTo("partner2@elimu.demo"));
        Assert.Equal("Elimu", mail.From.Mailboxes.Single().Name);
        Assert.Contains($"https://elimu.example/dashboard/partner/sponsorships/{program.Id}", mail.TextBody);
        Assert.Contains($"https://elimu.example/dashboard/partner/sponsorships/{program.Id}", mail.HtmlBody);
        Assert.Contains("https://elimu.example/dashboard/partner/notifications", mail.TextBody);
        var sent = await api.WithDbAsync(db => db.OutboxMessages.Where(m => m.Subject.Contains(name)).SingleAsync());
        for (var i = 0; i < 50 && sent.Status != OutboxStatus.sent; i++)
        {
            await Task.Delay(100);
            sent = await api.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.Subject.Contains(name)).SingleAsync());
        }
        Assert.Equal(OutboxStatus.sent, sent.Status);
    }
}
