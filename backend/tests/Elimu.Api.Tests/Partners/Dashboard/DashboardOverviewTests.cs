using Microsoft.Extensions.DependencyInjection;
using System.Net;
using Elimu.Api.Partners.Consent;
using Elimu.Api.Partners.Dashboard;
using Elimu.Api.Partners.Finance;
using Elimu.Api.Partners.Sponsorships;
using Elimu.Api.Partners.Support;
using Elimu.Api.Platform.Identity;
using Elimu.Api.Platform.Learning;
using Elimu.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Tests.Partners.Dashboard;

public sealed class DashboardOverviewTests(SeededApiFactory api) : IClassFixture<SeededApiFactory>
{
    private const string Overview = "/api/v1/partner/dashboard/overview";

    [Fact]
    public async Task Program_and_child_counts_match_the_database()
    {
        using var client = await api.LoginAsync("partner@elimu.demo");
        await Elimu.Api.Tests.Partners.Alerts.AlertTestKit.ScanAlertsAsync(api, "partner@elimu.demo");
        var overview = await client.GetJsonAsync<PartnerDashboardOverview>(Overview);
        var partnerId = await PartnerIdAsync("partner@elimu.demo");

        var (programs, children) = await api.WithDbAsync(async db => (
            await db.SponsorshipPrograms.Where(p => p.PartnerId == partnerId).Select(p => p.Status).ToListAsync(),
            await db.SponsoredChildren.Where(c => c.PartnerId == partnerId).Select(c => c.Status).ToListAsync()));

        Assert.Equal(programs.Count, overview.Programs.Total);
        Assert.Equal(programs.Count(s => s == ProgramStatus.ACTIVE), overview.Programs.Active);
        Assert.Equal(programs.Count(s => s == ProgramStatus.DRAFT), overview.Programs.Draft);
        Assert.Equal(programs.Count(s => s == ProgramStatus.PENDING_APPROVAL), overview.Programs.PendingApproval);
        Assert.True(overview.Programs.Active >= 1 && overview.Programs.Draft >= 1 && overview.Programs.PendingApproval >= 1);

        Assert.Equal(children.Count, overview.Children.Total);
        Assert.Equal(children.Count(s => s == SponsoredChildStatus.ACTIVE), overview.Children.Active);
        Assert.Equal(children.Count(s => s == SponsoredChildStatus.PENDING_CONSENT), overview.Children.PendingConsent);
    }

    [Fact]
    public async Task The_consent_quick_link_counts_exactly_the_children_its_link_lists()
    {
        using var client = await api.LoginAsync("partner@elimu.demo");
        var overview = await client.GetJsonAsync<PartnerDashboardOverview>(Overview);
        var link = overview.QuickLinks.Single(l => l.Key == "consents");
        var query = link.Href[link.Href.IndexOf('?')..];
        var listed = await client.GetJsonAsync<Elimu.Api.Common.Paged<Elimu.Api.Partners.ChildData.SponsoredChildResponse>>(
            $"/api/v1/partner/sponsorships/children{query}&pageSize=1");

        Assert.True(listed.Total > 0);
        Assert.Equal(listed.Total, link.Count);
        Assert.Equal(overview.Children.PendingConsent, link.Count);
    }

    [Fact]
    public async Task The_alerts_quick_link_counts_exactly_the_new_alerts_its_link_lists()
    {
        await Elimu.Api.Tests.Partners.Alerts.AlertTestKit.ScanAlertsAsync(api, "partner@elimu.demo");
        using var client = await api.LoginAsync("partner@elimu.demo");
        var overview = await client.GetJsonAsync<PartnerDashboardOverview>(Overview);
        var link = overview.QuickLinks.Single(l => l.Key == "alerts");
        Assert.StartsWith("/dashboard/partner/alerts?", link.Href);
        var listed = await client.GetJsonAsync<Elimu.Api.Common.Paged<Elimu.Api.Partners.Alerts.ChildAlertView>>(
            $"{Elimu.Api.Partners.Alerts.AlertEndpoints.Path}{link.Href[link.Href.IndexOf('?')..]}&pageSize=1");

        Assert.True(listed.Total > 0, "the demo partner has children inactive for a week: the scan raised alerts");
        Assert.Equal(listed.Total, link.Count);
        Assert.Equal(overview.Counters.ChildAlerts, link.Count);
    }

    [Fact]
    public async Task Consents_tickets_and_payments_match_the_database()
    {
        using var client = await api.LoginAsync("partner@elimu.demo");
        var partnerId = await PartnerIdAsync("partner@elimu.demo");
        // The alert figure counts stored alerts: the watcher's scan stores them (run here as it would).
        using (var scan = api.Services.CreateScope())
            await scan.ServiceProvider.GetRequiredService<Elimu.Api.Partners.Alerts.AlertScan>().ScanAsync(partnerId, CancellationToken.None);
        var overview = await client.GetJsonAsync<PartnerDashboardOverview>(Overview);

        var expected = await api.WithDbAsync(async db =>
        {
            var consents = await db.SponsorshipConsents
                .Join(db.SponsoredChildren.Where(c => c.PartnerId == partnerId), k => k.SponsoredChildId, c => c.Id, (k, c) => new { k, c.Status })
                .ToListAsync();
            var pendingChildren = consents
                .Where(x => x.k.ConsentGiven == null && x.k.RevokedAt == null && x.Status == SponsoredChildStatus.PENDING_CONSENT)
                .Select(x => x.k.SponsoredChildId).Distinct().Count();
            var tickets = await db.PartnerTickets.Where(t => t.PartnerId == partnerId).Select(t => t.Status).ToListAsync();
            var payments = await db.PartnerPayments.Where(p => p.PartnerId == partnerId).ToListAsync();
            return (pendingChildren, tickets, payments);
        });

        Assert.True(expected.pendingChildren > 0, "the demo partner should have children waiting for consent");
        Assert.Equal(expected.pendingChildren, overview.PendingConsents);
        Assert.Equal(expected.pendingChildren, overview.Counters.PendingConsents);

        var open = expected.tickets.Count(s => s is TicketStatus.open or TicketStatus.in_progress);
        Assert.Equal(open, overview.OpenTickets);
        Assert.Equal(open, overview.Counters.OpenTickets);

        var unpaid = expected.payments.Where(p => p.Status is PaymentStatus.pending or PaymentStatus.failed).ToList();
        var kes = overview.Billing.Currencies.Single(c => c.Currency == "KES");
        Assert.All(expected.payments, p => Assert.Equal("KES", p.Currency));
        Assert.Equal(unpaid.Sum(p => p.Amount), kes.Outstanding.Amount);
        Assert.Equal(unpaid.Count, overview.Counters.PendingPayments);

        var from = DateTime.SpecifyKind(overview.Billing.PeriodStart.ToDateTime(TimeOnly.MinValue), DateTimeKind.Utc).AddHours(-3);
        var to = DateTime.SpecifyKind(overview.Billing.PeriodEnd.AddDays(1).ToDateTime(TimeOnly.MinValue), DateTimeKind.Utc).AddHours(-3);
        Assert.Equal(expected.payments.Where(p => p.PeriodStart >= from && p.PeriodStart < to && p.Status != PaymentStatus.refunded).Sum(p => p.Amount),
            kes.BilledThisPeriod.Amount);
        Assert.Equal(expected.payments.Where(p => p.Status == PaymentStatus.completed && p.PaidAt >= from && p.PaidAt < to).Sum(p => p.Amount),
            kes.PaidThisPeriod.Amount);
    }

    [Fact]
    public async Task Learning_minutes_and_alerts_count_only_consented_children()
    {
        using var client = await api.LoginAsync("partner@elimu.demo");
        var partnerId = await PartnerIdAsync("partner@elimu.demo");
        // The alert figure counts stored alerts: the watcher's scan stores them (run here as it would).
        using (var scan = api.Services.CreateScope())
            await scan.ServiceProvider.GetRequiredService<Elimu.Api.Partners.Alerts.AlertScan>().ScanAsync(partnerId, CancellationToken.None);
        var overview = await client.GetJsonAsync<PartnerDashboardOverview>(Overview);
        // The last four learning weeks: 28 Nairobi days, today included (ADR 0005).
        var today = Elimu.Api.Common.NairobiTime.Today(TimeProvider.System);
        DateTime StartOf(DateOnly day) => Elimu.Api.Common.NairobiTime.StartOfDayUtc(day);

        var (minutes, alerts) = await api.WithDbAsync(async db =>
        {
            var consented = await db.SponsorshipConsents.Where(k => k.ConsentGiven == true && k.RevokedAt == null)
                .Join(db.SponsoredChildren.Where(c => c.PartnerId == partnerId && ConsentReader.VisibleStatuses.Contains(c.Status)),
                    k => k.SponsoredChildId, c => c.Id, (k, c) => c.StudentId)
                .Distinct().ToListAsync();
            var sessions = await db.ActivitySessions.Where(s => consented.Contains(s.StudentId)).ToListAsync();
            var recent = sessions.Where(s => s.StartedAt >= StartOf(today.AddDays(-27)) && s.StartedAt < StartOf(today.AddDays(1))).Sum(s => s.DurationMinutes);
            var inactive = consented.Count(id => !sessions.Any(s => s.StudentId == id && s.StartedAt >= StartOf(today.AddDays(-6)) && s.StartedAt < StartOf(today.AddDays(1))));
            return (consented.Count == 0 ? 0 : Math.Round((decimal)recent / consented.Count / 4m, 1), inactive);
        });

        Assert.True(minutes > 0, "seeded children have recent activity");
        Assert.Equal(minutes, overview.AverageWeeklyLearningMinutes);
        // The alert figure is the stored new alerts; under the default thresholds the inactive ones are exactly these children.
        var stored = await api.WithDbAsync(async db => (
            await db.ChildAlerts.CountAsync(a => a.PartnerId == partnerId && a.State == Elimu.Api.Partners.Alerts.ChildAlertState.@new),
            await db.ChildAlerts.CountAsync(a => a.PartnerId == partnerId && a.State == Elimu.Api.Partners.Alerts.ChildAlertState.@new
                && a.Kind == Elimu.Api.Partners.Alerts.ChildAlertKind.inactive)));
        Assert.Equal(alerts, stored.Item2);
        Assert.Equal(stored.Item1, overview.Counters.ChildAlerts);
    }

    [Fact]
    public async Task A_second_partner_sees_only_its_own_figures()
    {
        using var first = await api.LoginAsync("partner@elimu.demo");
        using var second = await api.LoginAsync("partner2@elimu.demo");
        var mine = await first.GetJsonAsync<PartnerDashboardOverview>(Overview);
        var theirs = await second.GetJsonAsync<PartnerDashboardOverview>(Overview);
        var secondId = await PartnerIdAsync("partner2@elimu.demo");

        var secondChildren = await api.WithDbAsync(db => db.SponsoredChildren.CountAsync(c => c.PartnerId == secondId));
        var secondPrograms = await api.WithDbAsync(db => db.SponsorshipPrograms.CountAsync(c => c.PartnerId == secondId));
        Assert.Equal(secondChildren, theirs.Children.Total);
        Assert.Equal(secondPrograms, theirs.Programs.Total);
        Assert.NotEqual(mine.Children.Total, theirs.Children.Total);

        // A brand-new partner with nothing sees zeros, not anyone else's data.
        var stranger = await api.CreateAsync(Roles.Partner);
        using var third = await api.LoginAsync(stranger.Email!, TestUsers.Password);
        var empty = await third.GetJsonAsync<PartnerDashboardOverview>(Overview);
        Assert.Equal(0, empty.Programs.Total);
        Assert.Equal(0, empty.Children.Total);
        Assert.Equal(0, empty.PendingConsents);
        Assert.Equal(0m, Assert.Single(empty.Billing.Currencies).Outstanding.Amount);
        Assert.Equal(0, empty.OpenTickets);
        Assert.Equal(0m, empty.AverageWeeklyLearningMinutes);
    }

    [Fact]
    public async Task The_counters_endpoint_agrees_with_the_overview()
    {
        using var client = await api.LoginAsync("partner@elimu.demo");
        var overview = await client.GetJsonAsync<PartnerDashboardOverview>(Overview);
        var counters = await client.GetJsonAsync<RealtimeCounters>("/api/v1/partner/dashboard/counters");
        Assert.Equal(overview.Counters, counters);
    }

    [Fact]
    public async Task Anonymous_and_non_partner_callers_are_refused()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.CreateApiClient().GetAsync(Overview)).StatusCode);
        using var parent = await api.LoginAsync("parent@elimu.demo");
        Assert.Equal(HttpStatusCode.Forbidden, (await parent.GetAsync(Overview)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await parent.GetAsync("/api/v1/partner/dashboard/counters")).StatusCode);
    }

    [Fact]
    public async Task The_overview_costs_the_same_number_of_queries_however_many_children()
    {
        // Each change makes the next read compute the overview anew (it is cached until then): count that computation.
        using var client = await api.LoginAsync("partner2@elimu.demo");
        // The member's unread counts are held for a few seconds (MemberUnreadFigures): both reads start without them.
        var held = api.Services.GetRequiredService<Elimu.Api.Platform.Identity.SessionStateCache>();
        var me = await PartnerIdAsync("partner2@elimu.demo");
        await AddChildrenWithActivityAsync("partner2@elimu.demo", 1);
        held.Evict(me);
        await api.CountQueriesOfNextRequestAsync(client);
        await client.GetJsonAsync<PartnerDashboardOverview>(Overview);
        var before = api.Queries.Count;

        await AddChildrenWithActivityAsync("partner2@elimu.demo", 25);
        held.Evict(me);
        await api.CountQueriesOfNextRequestAsync(client);
        var after = await client.GetJsonAsync<PartnerDashboardOverview>(Overview);

        Assert.Equal(before, api.Queries.Count);
        Assert.True(before is > 5 and <= 15, $"the overview took {before} queries");
        Assert.True(after.Children.Total >= 36);
    }

    private Task<Guid> PartnerIdAsync(string email) =>
        api.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    private async Task AddChildrenWithActivityAsync(string partnerEmail, int count)
    {
        var partnerId = await PartnerIdAsync(partnerEmail);
        await api.WithDbAsync(async db =>
        {
            var program = await db.SponsorshipPrograms.FirstAsync(p => p.PartnerId == partnerId);
            var taken = await db.SponsoredChildren.Select(c => c.StudentId).ToListAsync();
            var students = await db.Students.Where(s => !taken.Contains(s.Id)).Take(count).ToListAsync();
            foreach (var s in students)
            {
                var child = new SponsoredChild { ProgramId = program.Id, StudentId = s.Id, PartnerId = partnerId, Status = SponsoredChildStatus.ACTIVE };
                db.SponsoredChildren.Add(child);
                db.SponsorshipConsents.Add(new() { SponsoredChildId = child.Id, ParentId = partnerId, ConsentGiven = true, ConsentText = "test", ConsentTextVersion = "test", ConsentedAt = DateTime.UtcNow });
                db.ActivitySessions.Add(new ActivitySession { StudentId = s.Id, StartedAt = DateTime.UtcNow.AddDays(-1), DurationMinutes = 30 });
            }
            await db.SaveChangesAsync();
            await Elimu.Api.Platform.Learning.Rollups.LearningRollups.RebuildAsync(db, [.. students.Select(s => s.Id)]);
        });
    }
}
