using System.Net;
using Elimu.Api.Common;
using Elimu.Api.Partners.Dashboard;
using Elimu.Api.Platform.Notifications;
using Elimu.Api.Tests.Infrastructure;
using Elimu.Api.Tests.Partners.Sponsorships;
using Microsoft.EntityFrameworkCore;
using static Elimu.Api.Tests.Partners.Account.NotificationTestKit;

namespace Elimu.Api.Tests.Partners.Account;

/// <summary>The notification centre over HTTP: list, filters, mark read, preferences, and a second partner refused.</summary>
public sealed class NotificationApiTests(SeededApiFactory api) : IClassFixture<SeededApiFactory>
{
    private static Task<Paged<NotificationView>> ListAsync(ApiClient client, string query = "") =>
        client.GetJsonAsync<Paged<NotificationView>>($"{Notifications}{query}");

    private static async Task<int> UnreadCounterAsync(ApiClient client) =>
        (await client.GetJsonAsync<RealtimeCounters>("/api/v1/partner/dashboard/counters")).UnreadNotifications;

    [Fact]
    public async Task The_list_is_the_partners_own_newest_first_filtered_and_paged()
    {
        using var partner = await api.LoginAsync("partner@elimu.demo");
        var all = await ListAsync(partner, "?pageSize=100");
        Assert.True(all.Total >= 5);
        Assert.Equal(all.Items.OrderByDescending(n => n.CreatedAt).Select(n => n.Id), all.Items.Select(n => n.Id));
        var partnerId = await api.WithDbAsync(db => db.Users.Where(u => u.Email == "partner@elimu.demo").Select(u => u.Id).SingleAsync());
        Assert.Equal(await api.WithDbAsync(db => db.Notifications.CountAsync(n => n.UserId == partnerId)), all.Total);

        var reports = await ListAsync(partner, "?category=report");
        Assert.NotEmpty(reports.Items);
        Assert.All(reports.Items, n => Assert.Equal(NotificationCategory.report, n.Category));
        Assert.Equal(all.Items.Count(n => n.Category == NotificationCategory.report), reports.Total);

        var unread = await ListAsync(partner, "?unread=true&pageSize=100");
        Assert.All(unread.Items, n => Assert.Null(n.ReadAt));
        Assert.Equal(all.Items.Count(n => n.ReadAt is null), unread.Total);

        var page2 = await ListAsync(partner, "?page=2&pageSize=2");
        Assert.Equal(2, page2.PageSize);
        Assert.Equal(all.Items.Skip(2).Take(2).Select(n => n.Id), page2.Items.Select(n => n.Id));
    }

    [Fact]
    public async Task An_unknown_category_is_a_400_and_a_parent_may_not_use_the_partner_centre()
    {
        using var partner = await api.LoginAsync("partner@elimu.demo");
        Assert.Equal(HttpStatusCode.BadRequest, (await partner.GetAsync($"{Notifications}?category=billing")).StatusCode);
        using var parent = await api.LoginAsync("parent@elimu.demo");
        Assert.Equal(HttpStatusCode.Forbidden, (await parent.GetAsync(Notifications)).StatusCode);
    }

    [Fact]
    public async Task Marking_one_and_then_all_read_moves_the_unread_counter()
    {
        var user = await api.CreateAsync(Elimu.Api.Platform.Identity.Roles.Partner);
        await api.WithDbAsync(async db =>
        {
            for (var i = 0; i < 3; i++)
                db.Notifications.Add(new Notification { UserId = user.Id, Category = NotificationCategory.consent, Title = $"N{i}", Body = "b" });
            await db.SaveChangesAsync();
        });
        using var partner = await api.LoginAsync(user.Email!, TestUsers.Password);
        Assert.Equal(3, await UnreadCounterAsync(partner));

        var first = (await ListAsync(partner)).Items[0];
        var read = await partner.PutAsync($"{Notifications}/{first.Id}/read", new { });
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.NotNull((await read.Content.ReadFromJsonAsyncWeb<NotificationView>())!.ReadAt);
        Assert.Equal(2, await UnreadCounterAsync(partner));
        Assert.Equal(2, (await ListAsync(partner, "?unread=true")).Total);

        var all = await partner.PutAsync($"{Notifications}/read-all", new { });
        Assert.Equal(2, (await all.JsonAsync()).GetProperty("marked").GetInt32());
        Assert.Equal(0, await UnreadCounterAsync(partner));
        Assert.Equal(0, (await ListAsync(partner, "?unread=true")).Total);
    }

    [Fact]
    public async Task A_second_partner_can_neither_see_nor_mark_anothers_notification()
    {
        using var partner = await api.LoginAsync("partner@elimu.demo");
        var theirs = (await ListAsync(partner, "?unread=true")).Items[0];
        using var other = await api.LoginAsync("partner2@elimu.demo");

        var refused = await other.PutAsync($"{Notifications}/{theirs.Id}/read", new { });
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.DoesNotContain((await ListAsync(other, "?pageSize=100")).Items, n => n.Id == theirs.Id);
        Assert.Null(await api.WithDbAsync(db => db.Notifications.Where(n => n.Id == theirs.Id).Select(n => n.ReadAt).SingleAsync()));
    }

    [Fact]
    public async Task Preferences_start_from_defaults_and_a_bad_time_zone_or_repeated_category_is_refused()
    {
        var user = await api.CreateAsync(Elimu.Api.Platform.Identity.Roles.Partner);
        using var partner = await api.LoginAsync(user.Email!, TestUsers.Password);
        var prefs = await partner.GetJsonAsync<NotificationPreferencesView>($"{Notifications}/preferences");
        Assert.Equal(DigestFrequency.weekly, prefs.Digest);
        Assert.Equal("Africa/Nairobi", prefs.TimeZone);
        Assert.Equal(Enum.GetValues<NotificationCategory>().Length, prefs.Categories.Count);
        Assert.All(prefs.Categories, c => Assert.True(c.InApp));

        var bad = await partner.PutAsync($"{Notifications}/preferences", new { timeZone = "Mars/Olympus" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await bad.JsonAsync()).GetProperty("errors").TryGetProperty("timeZone", out _));
        var twice = await partner.PutAsync($"{Notifications}/preferences", new
        {
            categories = new[] { new { category = "consent", inApp = true, email = false, digest = true }, new { category = "consent", inApp = false, email = false, digest = true } },
        });
        Assert.Equal(HttpStatusCode.BadRequest, twice.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await partner.PutAsync($"{Notifications}/preferences", new { digest = "hourly" })).StatusCode);

        var saved = await partner.PutAsync($"{Notifications}/preferences", new
        {
            digest = "daily", timeZone = "Europe/London",
            categories = new[] { new { category = "payment", inApp = false, email = true, digest = false } },
        });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        prefs = await partner.GetJsonAsync<NotificationPreferencesView>($"{Notifications}/preferences");
        Assert.Equal(DigestFrequency.daily, prefs.Digest);
        Assert.Equal("Europe/London", prefs.TimeZone);
        Assert.Equal(new CategoryPreference(NotificationCategory.payment, false, true, false), prefs.Categories.Single(c => c.Category == NotificationCategory.payment));
        Assert.True(prefs.Categories.Single(c => c.Category == NotificationCategory.consent).Email);
    }

    [Fact]
    public async Task The_notifier_follows_the_preferences_email_off_writes_no_mail_and_in_app_off_shows_nothing()
    {
        using var partner = await api.LoginAsync("partner2@elimu.demo");
        // Program news by email only.
        Assert.Equal(HttpStatusCode.OK, (await partner.PutAsync($"{Notifications}/preferences", new
        {
            categories = new[]
            {
                new { category = "program", inApp = false, email = true, digest = true },
            },
        })).StatusCode);

        var name = $"Prefs {Guid.NewGuid():N}";
        var program = await api.ActiveProgramWithChildrenAsync(partner, 10, name);
        await api.SendOutboxAsync();
        var approvedMail = Assert.Single(api.Mails(), m => m.Subject.Contains(name));
        Assert.True(approvedMail.IsTo("partner2@elimu.demo"));
        Assert.Contains($"/dashboard/partner/sponsorships/{program.Id}", approvedMail.TextBody);
        Assert.Contains($"/dashboard/partner/sponsorships/{program.Id}", approvedMail.HtmlBody);
        Assert.Contains("Elimu", approvedMail.HtmlBody);
        Assert.DoesNotContain((await ListAsync(partner, "?pageSize=100")).Items, n => n.Title.Contains(name));

        // Now the other way round: in the app, and no mail.
        await partner.PutAsync($"{Notifications}/preferences", new { categories = new[] { new { category = "program", inApp = true, email = false, digest = true } } });
        var second = $"Prefs {Guid.NewGuid():N}";
        await api.ActiveProgramWithChildrenAsync(partner, 10, second);
        await api.SendOutboxAsync();
        Assert.DoesNotContain(api.Mails(), m => m.Subject.Contains(second));
        Assert.Contains((await ListAsync(partner, "?pageSize=100")).Items, n => n.Title.Contains(second));
    }
}
