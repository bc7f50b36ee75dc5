using Elimu.Api.Common;
using Elimu.Api.Partners.Collaboration;
using Elimu.Api.Partners.ChildData;
using Elimu.Api.Partners.Consent;
using Elimu.Api.Partners.Dashboard;
using Elimu.Api.Partners.Support;
using Elimu.Api.Platform.Identity;
using Elimu.Api.Platform.Notifications;
using Elimu.Api.Platform.Students;
using Elimu.Api.Tests.Infrastructure;
using Elimu.Api.Tests.Partners.Sponsorships;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Tests.Partners.Dashboard;

/// <summary>
/// The overview is answered from memory (DashboardOverviewCache) until something it counts changes; every change a
/// section commits shows on the next read, whoever made it.
/// </summary>
public sealed class OverviewCacheTests(SeededApiFactory api) : IClassFixture<SeededApiFactory>
{
    private const string Overview = "/api/v1/partner/dashboard/overview";
    private const string Sponsorships = "/api/v1/partner/sponsorships";

    [Fact]
    public async Task A_second_read_with_nothing_changed_reads_no_figures_again()
    {
        using var client = await api.LoginAsync("partner@elimu.demo");
        var first = await client.GetJsonAsync<PartnerDashboardOverview>(Overview);
        await api.CountQueriesOfNextRequestAsync(client);

        var second = await client.GetJsonAsync<PartnerDashboardOverview>(Overview);

        // The signed-in member's own unread notifications and messages are held too (MemberUnreadFigures), and the
        // session check is answered from memory: nothing is read.
        Assert.True(api.Queries.Count == 0, $"the cached overview took {api.Queries.Count} queries");
        Assert.Equal(first.GeneratedAt, second.GeneratedAt);
        Assert.Equal(first.Children, second.Children);
    }

    [Fact]
    public async Task A_guardians_consent_and_its_withdrawal_show_at_once()
    {
        var (partner, parent, childId, parentName) = await ChildWithGuardianAsync();
        await partner.PostAsync($"{Sponsorships}/consent/request", new { sponsoredChildId = childId });
        var asked = await partner.GetJsonAsync<PartnerDashboardOverview>(Overview);
        await partner.GetJsonAsync<PartnerDashboardOverview>(Overview); // now cached

        var pending = (await parent.GetJsonAsync<Paged<ParentConsentResponse>>("/api/v1/parent/consents?status=pending")).Items.Single();
        var agreed = await parent.PostAsync($"{Sponsorships}/consent/{pending.Id}/respond",
            new { agree = true, signedName = parentName, consentTextVersion = pending.ConsentTextVersion });
        agreed.EnsureSuccessStatusCode();

        var given = await partner.GetJsonAsync<PartnerDashboardOverview>(Overview);
        Assert.Equal(asked.PendingConsents - 1, given.PendingConsents);
        Assert.Equal(asked.Counters.ChildrenWithConsent + 1, given.Counters.ChildrenWithConsent);
        Assert.Equal(asked.Children.Active + 1, given.Children.Active);
        Assert.Equal(asked.Children.PendingConsent - 1, given.Children.PendingConsent);

        (await parent.PostAsync($"/api/v1/parent/consents/{pending.Id}/revoke", new { reason = "We moved schools." })).EnsureSuccessStatusCode();
        var withdrawn = await partner.GetJsonAsync<PartnerDashboardOverview>(Overview);
        Assert.Equal(asked.Counters.ChildrenWithConsent, withdrawn.Counters.ChildrenWithConsent);
        Assert.Equal(asked.Children.Active, withdrawn.Children.Active);
    }

    [Fact]
    public async Task A_new_program_shows_at_once_and_only_on_its_partners_overview()
    {
        using var mine = await api.LoginAsync("partner2@elimu.demo");
        using var other = await api.LoginAsync("partner@elimu.demo");
        var before = await mine.GetJsonAsync<PartnerDashboardOverview>(Overview);
        var othersBefore = await other.GetJsonAsync<PartnerDashboardOverview>(Overview);

        await mine.CreateProgramAsync($"Cache test {Guid.NewGuid():N}");

        var after = await mine.GetJsonAsync<PartnerDashboardOverview>(Overview);
        Assert.Equal(before.Programs.Total + 1, after.Programs.Total);
        Assert.Equal(before.Programs.Draft + 1, after.Programs.Draft);
        var othersAfter = await other.GetJsonAsync<PartnerDashboardOverview>(Overview);
        Assert.Equal(othersBefore.Programs, othersAfter.Programs);
        Assert.Equal(othersBefore.GeneratedAt, othersAfter.GeneratedAt); // the other partner's overview stayed cached
    }

    [Fact]
    public async Task A_ticket_saved_by_any_section_shows_at_once()
    {
        using var client = await api.LoginAsync("partner2@elimu.demo");
        var before = await client.GetJsonAsync<PartnerDashboardOverview>(Overview);
        await client.GetJsonAsync<PartnerDashboardOverview>(Overview);

        var partnerId = await api.WithDbAsync(db => db.Users.Where(u => u.Email == "partner2@elimu.demo").Select(u => u.Id).SingleAsync());
        await api.WithDbAsync(async db =>
        {
            db.PartnerTickets.Add(new PartnerTicket { PartnerId = partnerId, Subject = "Cache test", Description = "A new ticket", Status = TicketStatus.open });
            await db.SaveChangesAsync();
        });

        var after = await client.GetJsonAsync<PartnerDashboardOverview>(Overview);
        Assert.Equal(before.OpenTickets + 1, after.OpenTickets);
        Assert.Equal(before.Counters.OpenTickets + 1, after.Counters.OpenTickets);
    }

    [Fact]
    public async Task A_change_inside_a_transaction_shows_once_it_is_committed()
    {
        using var client = await api.LoginAsync("partner2@elimu.demo");
        var partnerId = await api.WithDbAsync(db => db.Users.Where(u => u.Email == "partner2@elimu.demo").Select(u => u.Id).SingleAsync());
        var before = await client.GetJsonAsync<PartnerDashboardOverview>(Overview);

        await api.WithDbAsync(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.PartnerTickets.Add(new PartnerTicket { PartnerId = partnerId, Subject = "In a transaction", Description = "x", Status = TicketStatus.open });
            await db.SaveChangesAsync();
            // Not committed yet: a read now (through another connection) computes the old figures, which must not be kept.
            Assert.Equal(before.OpenTickets, (await client.GetJsonAsync<PartnerDashboardOverview>(Overview)).OpenTickets);
            await transaction.CommitAsync();
        });

        Assert.Equal(before.OpenTickets + 1, (await client.GetJsonAsync<PartnerDashboardOverview>(Overview)).OpenTickets);
    }

    [Fact]
    public async Task The_members_own_unread_counts_follow_a_new_notification_read_all_a_new_message_and_its_opening()
    {
        using var member = await api.LoginAsync("partner2@elimu.demo");
        using var other = await api.LoginAsync("partner@elimu.demo");
        var (me, staff) = await api.WithDbAsync(async db => (
            await db.Users.Where(u => u.Email == "partner2@elimu.demo").Select(u => u.Id).SingleAsync(),
            await db.Users.Where(u => u.Email == "admin@elimu.demo").Select(u => u.Id).SingleAsync()));
        async Task<RealtimeCounters> CountersAsync(ApiClient client) => (await client.GetJsonAsync<PartnerDashboardOverview>(Overview)).Counters;
        var before = await CountersAsync(member);
        await CountersAsync(member); // held now
        var othersBefore = await CountersAsync(other);

        // Saved by any code (the change tracker): shows on the next read.
        await api.WithDbAsync(async db =>
        {
            db.Notifications.Add(new Notification { UserId = me, Category = NotificationCategory.system, Title = "Unread test", Body = "b" });
            await db.SaveChangesAsync();
        });
        Assert.Equal(before.UnreadNotifications + 1, (await CountersAsync(member)).UnreadNotifications);

        // Read all is a bulk update, which passes no change tracker.
        (await member.PutAsync("/api/v1/partner/account/notifications/read-all", new { })).EnsureSuccessStatusCode();
        Assert.Equal(0, (await CountersAsync(member)).UnreadNotifications);

        var message = new PartnerMessage { PartnerId = me, RecipientId = me, SenderId = staff, Subject = "Unread test", Body = "Hello" };
        message.ThreadId = message.Id;
        await api.WithDbAsync(async db =>
        {
            db.PartnerMessages.Add(message);
            await db.SaveChangesAsync();
        });
        Assert.Equal(before.UnreadMessages + 1, (await CountersAsync(member)).UnreadMessages);

        // Opening the thread marks it read with a bulk update too.
        (await member.GetAsync($"/api/v1/partner/collaboration/messages/{message.Id}")).EnsureSuccessStatusCode();
        Assert.Equal(before.UnreadMessages, (await CountersAsync(member)).UnreadMessages);

        // Another member's figures are their own.
        var othersAfter = await CountersAsync(other);
        Assert.Equal((othersBefore.UnreadNotifications, othersBefore.UnreadMessages), (othersAfter.UnreadNotifications, othersAfter.UnreadMessages));
    }

    /// <summary>A new parent account, the only guardian of a child in a new active program of partner2.</summary>
    private async Task<(ApiClient Partner, ApiClient Parent, Guid ChildId, string ParentName)> ChildWithGuardianAsync()
    {
        var partner = await api.LoginAsync("partner2@elimu.demo");
        var program = await api.ActiveProgramWithChildrenAsync(partner, 10, $"Overview cache {Guid.NewGuid():N}");
        var parentUser = await api.CreateAsync(Roles.Parent);
        var child = (await partner.GetJsonAsync<Paged<SponsoredChildResponse>>($"{Sponsorships}/children?programId={program.Id}")).Items[0];
        await api.WithDbAsync(async db =>
        {
            db.Guardianships.RemoveRange(db.Guardianships.Where(g => g.StudentId == child.StudentId));
            db.Guardianships.Add(new Guardianship { ParentId = parentUser.Id, StudentId = child.StudentId, Relationship = GuardianRelationship.mother, IsPrimary = true });
            await db.SaveChangesAsync();
        });
        var parent = await api.LoginAsync(parentUser.Email!, TestUsers.Password);
        return (partner, parent, child.Id, parentUser.FullName);
    }
}
