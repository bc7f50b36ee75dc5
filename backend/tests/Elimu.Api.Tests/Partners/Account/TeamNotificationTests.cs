using Elimu.Api.Data;
using Elimu.Api.Partners.Account.Team;
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
}
