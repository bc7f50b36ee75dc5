using Elimu.Api.Data;
using Elimu.Api.Partners.Account.Team;
using Elimu.Api.Partners.Dashboard;
using Elimu.Api.Partners.Shared;
using Elimu.Api.Platform.Identity;
using Elimu.Api.Platform.Notifications;
using Elimu.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Elimu.Api.Tests.Partners.Account.TeamTestData;

namespace Elimu.Api.Tests.Partners.Account;

/// <summary>Teams and notifications together: the invitation goes out by mail, and a partner's news reaches its members by role.</summary>
public sealed class TeamNotificationTests(TeamApiFactory api) : IClassFixture<TeamApiFactory>
{
    [Fact]
    public async Task An_invitation_is_mailed_to_the_invitee_with_its_link()
    {
        var owner = await api.CreateAsync(Roles.Partner);
        using var ownerClient = await api.LoginAsync(owner.Email!, TestUsers.Password);
        var email = NewEmail("invitee");

        var (_, token) = await ownerClient.InviteAsync(email, "finance");

        var mail = await api.WithDbAsync(db => db.OutboxMessages.SingleAsync(m => m.To == email));
        Assert.Contains($"/invite/{token}", mail.TextBody);
        Assert.Contains($"/invite/{token}", mail.HtmlBody);
        Assert.Contains("finance", mail.TextBody);
    }

    [Fact]
    public async Task Every_member_hears_the_partners_news_and_only_owner_and_finance_hear_of_payments()
    {
        var owner = await api.CreateAsync(Roles.Partner);
        var finance = await api.AddMemberAsync(owner, TeamRole.finance);
        var viewer = await api.AddMemberAsync(owner, TeamRole.viewer);
        var outsider = await api.AddMemberAsync(await api.CreateAsync(Roles.Partner), TeamRole.finance);

        using (var scope = api.Services.CreateScope())
        {
            var notifier = scope.ServiceProvider.GetRequiredService<Notifier>();
            await notifier.NotifyPartnerAsync(owner.Id, new NotificationDraft(NotificationCategory.consent, "Consent given", "A guardian agreed.", null), default);
            await notifier.NotifyPartnerAsync(owner.Id, new NotificationDraft(NotificationCategory.payment, "Invoice due", "Pay by Friday.", null), default);
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync();
        }

        var titles = await api.WithDbAsync(db => db.Notifications
            .Where(n => n.UserId == owner.Id || n.UserId == finance.Id || n.UserId == viewer.Id || n.UserId == outsider.Id)
            .Select(n => new { n.UserId, n.Title }).ToListAsync());
        string[] Of(AppUser u) => titles.Where(t => t.UserId == u.Id).Select(t => t.Title).Order().ToArray();
        Assert.Equal(["Consent given", "Invoice due"], Of(owner));
        Assert.Equal(["Consent given", "Invoice due"], Of(finance));
        Assert.Equal(["Consent given"], Of(viewer));
        Assert.Empty(Of(outsider));
    }

    [Fact]
    public async Task The_bell_counts_each_members_own_notifications_and_pushes_them_to_that_member_alone()
    {
        var owner = await api.CreateAsync(Roles.Partner);
        var viewer = await api.AddMemberAsync(owner, TeamRole.viewer);
        using var ownerClient = await api.LoginAsync(owner.Email!, TestUsers.Password);
        using var viewerClient = await api.LoginAsync(viewer.Email!, TestUsers.Password);
        await NotifyAsync(owner.Id, "For the owner");

        Assert.Equal(1, (await ownerClient.GetJsonAsync<RealtimeCounters>(Counters)).UnreadNotifications);
        Assert.Equal(0, (await viewerClient.GetJsonAsync<RealtimeCounters>(Counters)).UnreadNotifications);

        var viewerHub = new HubLongPollingClient(viewerClient.Http, PartnerHub.Path);
        await viewerHub.ConnectAsync();
        Assert.Equal(0, (await viewerHub.NextInvocationAsync(PartnerHub.CountersEvent, Wait)).GetProperty("unreadNotifications").GetInt32());
        var ownerHub = new HubLongPollingClient(ownerClient.Http, PartnerHub.Path);
        await ownerHub.ConnectAsync();
        Assert.Equal(1, (await ownerHub.NextInvocationAsync(PartnerHub.CountersEvent, Wait)).GetProperty("unreadNotifications").GetInt32());

        // A new notification for the viewer reaches the viewer's bell; the owner's next push is the owner's own count.
        await NotifyAsync(viewer.Id, "For the viewer");
        Assert.Equal(1, (await viewerHub.NextInvocationAsync(PartnerHub.UnreadEvent, Wait)).GetProperty("unreadNotifications").GetInt32());
        await NotifyAsync(owner.Id, "For the owner again");
        Assert.Equal(2, (await ownerHub.NextInvocationAsync(PartnerHub.UnreadEvent, Wait)).GetProperty("unreadNotifications").GetInt32());

        // What goes to the whole organisation reaches each member with their own count, not the owner's.
        using (var scope = api.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<IPartnerCountersChanged>().CountersChangedAsync(owner.Id);
        Assert.Equal(1, (await viewerHub.NextInvocationAsync(PartnerHub.CountersEvent, Wait)).GetProperty("unreadNotifications").GetInt32());

        // Marking all read (a bulk update) is pushed too, so the member's other tabs follow.
        Assert.Equal(System.Net.HttpStatusCode.OK, (await viewerClient.PutAsync($"{Notifications}/read-all", new { })).StatusCode);
        Assert.Equal(0, (await viewerHub.NextInvocationAsync(PartnerHub.UnreadEvent, Wait)).GetProperty("unreadNotifications").GetInt32());
        Assert.Equal(2, (await ownerClient.GetJsonAsync<RealtimeCounters>(Counters)).UnreadNotifications);
    }

    private const string Counters = "/api/v1/partner/dashboard/counters";
    private const string Notifications = "/api/v1/partner/account/notifications";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    private async Task NotifyAsync(Guid userId, string title)
    {
        using var scope = api.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<Notifier>()
            .NotifyAsync(userId, new NotificationDraft(NotificationCategory.system, title, "Body.", null), default);
        await scope.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync();
    }
}
