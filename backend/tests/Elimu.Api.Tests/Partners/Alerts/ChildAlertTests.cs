using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Elimu.Api.Partners.Account.Team;
using Elimu.Api.Partners.Alerts;
using Elimu.Api.Partners.Dashboard;
using Elimu.Api.Partners.Sponsorships;
using Elimu.Api.Platform.Identity;
using Elimu.Api.Tests.Infrastructure;
using Elimu.Api.Tests.Partners.Account;
using Elimu.Api.Tests.Platform.Figures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Elimu.Api.Tests.Partners.Alerts.AlertTestKit;

namespace Elimu.Api.Tests.Partners.Alerts;

/// <summary>Issue 20, alert thresholds: stored alerts raised once per condition from the rollups, resolved when it clears.</summary>
public sealed class ChildAlertTests(ClockedApiFactory api) : IClassFixture<ClockedApiFactory>
{
    /// <summary>One child per kind, and one with nothing to say, under the default thresholds (7 days, 10 points over 4 weeks, 30 minutes, 14 days).</summary>
    private Task<World> EveryKindAsync() => BuildAsync(api, new()
    {
        // Last session 10 days ago.
        ["Inactive"] = ([new Day(10, 40)], []),
        // Learned yesterday; assessments averaged 80 five weeks ago and 60 last week: a fall of 20 points.
        ["Falling"] = ([new Day(1, 60), new Day(35, 0, 80m), new Day(30, 0, 80m), new Day(5, 0, 60m)], []),
        // Learned 10 minutes this week.
        ["Brief"] = ([new Day(2, 10)], []),
        // 60 of a 300-minute weekly goal (20%), due in 5 days.
        ["Goal"] = ([new Day(1, 60)], [new ChildGoal { Kind = ChildGoalKind.weekly_minutes, Target = "300", DueDate = Today.AddDays(5) }]),
        ["Fine"] = ([new Day(1, 60), new Day(35, 0, 70m), new Day(5, 0, 72m)], [new ChildGoal { Kind = ChildGoalKind.weekly_minutes, Target = "60", DueDate = Today.AddDays(5) }]),
    });

    private static async Task<List<JsonElement>> ListAsync(ApiClient client, string query = "")
    {
        var page = await client.GetJsonAsync<JsonElement>($"{Route}?pageSize=100{query}");
        return [.. page.GetProperty("items").EnumerateArray()];
    }

    private static Dictionary<string, string> KindByChild(IEnumerable<JsonElement> items) =>
        items.ToDictionary(a => a.GetProperty("childName").GetString()!.Split(' ')[0] + ":" + a.GetProperty("kind").GetString(), a => a.GetProperty("state").GetString()!);

    [Fact]
    public async Task Each_kind_is_raised_once_and_resolved_when_its_condition_clears()
    {
        var world = await EveryKindAsync();
        using var partner = await api.LoginAsync(world.Partner.Email!, TestUsers.Password);
        await ScanAsync(api, world.Partner.Id);
        await ScanAsync(api, world.Partner.Id); // a second scan raises nothing more

        var alerts = await ListAsync(partner);
        Assert.Equal(["Brief:low_minutes", "Falling:score_fall", "Goal:goal_at_risk", "Inactive:inactive"], KindByChild(alerts).Keys.Order());
        Assert.All(alerts, a => Assert.Equal("new", a.GetProperty("state").GetString()));
        var inactive = alerts.Single(a => a.GetProperty("kind").GetString() == "inactive");
        // The scan looks back as far as the largest threshold in use (7 here), no further.
        Assert.Equal("No learning session in the last 7 days (threshold 7 days).", inactive.GetProperty("summary").GetString());
        Assert.Equal(20m, alerts.Single(a => a.GetProperty("kind").GetString() == "score_fall").GetProperty("value").GetDecimal());
        Assert.Equal(4, (await partner.GetJsonAsync<RealtimeCounters>("/api/v1/partner/dashboard/counters")).ChildAlerts);
        Assert.Equal(4, (await partner.GetJsonAsync<PartnerDashboardOverview>("/api/v1/partner/dashboard/overview")).Counters.ChildAlerts);

        // The inactive child learns today, the brief one learns 40 more minutes: both conditions clear at the next scan.
        await api.WithDbAsync(async db =>
        {
            db.Add(Rollup(world.Kids["Inactive"].StudentId, new Day(0, 30)));
            db.Add(Rollup(world.Kids["Brief"].StudentId, new Day(0, 40)));
            await db.SaveChangesAsync();
        });
        await ScanAsync(api, world.Partner.Id);
        var after = KindByChild(await ListAsync(partner));
        Assert.Equal("resolved", after["Inactive:inactive"]);
        Assert.Equal("resolved", after["Brief:low_minutes"]);
        Assert.Equal("new", after["Falling:score_fall"]);
        Assert.Equal(2, (await ListAsync(partner, "&state=new")).Count);
        // One child's alerts, as the child page links to them: its resolved alert, no other child's.
        var oneChild = await ListAsync(partner, $"&childId={world.Kids["Brief"].ChildId}");
        Assert.Equal(["Brief:low_minutes"], KindByChild(oneChild).Keys);
        Assert.Equal(2, (await partner.GetJsonAsync<RealtimeCounters>("/api/v1/partner/dashboard/counters")).ChildAlerts);
        Assert.Equal(2, (await partner.GetJsonAsync<PartnerDashboardOverview>("/api/v1/partner/dashboard/overview")).Counters.ChildAlerts);

        // Time passes: a week on, nobody has learned; the inactive child is raised again, as a new alert.
        api.SetNairobi(Today.AddDays(8), 12, 0);
        await ScanAsync(api, world.Partner.Id);
        using var again = await api.LoginAsync(world.Partner.Email!, TestUsers.Password); // a week on, the session has ended
        var later = await ListAsync(again, "&kind=inactive");
        Assert.Contains(later, a => a.GetProperty("childName").GetString() == "Inactive Alert" && a.GetProperty("state").GetString() == "new");
        Assert.Contains(later, a => a.GetProperty("childName").GetString() == "Inactive Alert" && a.GetProperty("state").GetString() == "resolved");
        Assert.Equal(5, later.Count(a => a.GetProperty("state").GetString() == "new")); // every child, Fine included
    }

    [Fact]
    public async Task A_child_override_wins_over_its_program_and_the_program_over_the_defaults()
    {
        var world = await BuildAsync(api, new() { ["Ten"] = ([new Day(10, 40)], []), ["Four"] = ([new Day(4, 40)], []) });
        using var partner = await api.LoginAsync(world.Partner.Email!, TestUsers.Password);
        var (ten, four) = (world.Kids["Ten"].ChildId, world.Kids["Four"].ChildId);
        await ScanAsync(api, world.Partner.Id);
        Assert.Equal(["Ten:inactive"], KindByChild(await ListAsync(partner, "&state=new&kind=inactive")).Keys);

        // The program waits 14 days: Ten's alert clears at once (the change rescans).
        var put = await partner.PutAsync($"{Route}/thresholds/programs/{world.ProgramId}", new { daysInactive = 14 });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var program = await put.Content.ReadFromJsonAsync<AlertThresholdsResponse>(ApiClient.Json);
        Assert.Equal(14, program!.Effective.DaysInactive);
        Assert.Equal(30, program.Effective.WeeklyMinutesBelow); // the rest inherit the defaults
        Assert.Null(program.Set.WeeklyMinutesBelow);
        Assert.Empty(await ListAsync(partner, "&state=new&kind=inactive"));

        // Four's own threshold is 3 days: it alone is raised.
        put = await partner.PutAsync($"{Route}/thresholds/children/{four}", new { daysInactive = 3 });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var child = await partner.GetJsonAsync<AlertThresholdsResponse>($"{Route}/thresholds/children/{four}");
        Assert.Equal((3, 14, 3), (child.Set.DaysInactive!.Value, child.Inherited.DaysInactive!.Value, child.Effective.DaysInactive!.Value));
        Assert.Equal(["Four:inactive"], KindByChild(await ListAsync(partner, "&state=new&kind=inactive")).Keys);
        Assert.Equal("No learning session for 4 days (threshold 3 days).", (await ListAsync(partner, "&state=new&kind=inactive")).Single().GetProperty("summary").GetString());

        // Back to inheriting (all null): the program's 14 applies again and the alert resolves.
        put = await partner.PutAsync($"{Route}/thresholds/children/{four}", new { daysInactive = (int?)null });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Empty(await ListAsync(partner, "&state=new&kind=inactive"));
        Assert.False(await api.WithDbAsync(db => db.AlertThresholds.AnyAsync(t => t.OwnerId == four)));
        Assert.NotEqual(ten, four);
    }

    [Fact]
    public async Task Thresholds_out_of_range_are_refused_with_the_field_and_nothing_is_stored()
    {
        var world = await BuildAsync(api, new() { ["Solo"] = ([new Day(1, 40)], []) });
        using var partner = await api.LoginAsync(world.Partner.Email!, TestUsers.Password);
        var bad = await partner.PutAsync($"{Route}/thresholds/programs/{world.ProgramId}",
            new { daysInactive = 0, scoreFallPoints = 101, scoreFallWeeks = 9, weeklyMinutesBelow = -1, goalDaysLeft = 91 });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        foreach (var field in new[] { "daysInactive", "scoreFallPoints", "scoreFallWeeks", "weeklyMinutesBelow", "goalDaysLeft" })
            Assert.True(errors.TryGetProperty(field, out _), field);
        Assert.Contains("from 1 to 90", errors.GetProperty("daysInactive")[0].GetString());
        Assert.False(await api.WithDbAsync(db => db.AlertThresholds.AnyAsync(t => t.PartnerId == world.Partner.Id)));
    }

    [Fact]
    public async Task Seen_and_dismissed_with_a_note_and_a_resolved_alert_cannot_be_dismissed()
    {
        var world = await BuildAsync(api, new() { ["Quiet"] = ([new Day(9, 40)], []), ["Brief"] = ([new Day(1, 5)], []) });
        using var partner = await api.LoginAsync(world.Partner.Email!, TestUsers.Password);
        await ScanAsync(api, world.Partner.Id);
        var alerts = await ListAsync(partner);
        var quiet = alerts.Single(a => a.GetProperty("kind").GetString() == "inactive").GetProperty("id").GetGuid();
        var brief = alerts.Single(a => a.GetProperty("kind").GetString() == "low_minutes").GetProperty("id").GetGuid();

        var seen = await partner.PostAsync($"{Route}/{quiet}/seen");
        Assert.Equal(HttpStatusCode.OK, seen.StatusCode);
        Assert.Equal("seen", (await seen.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("state").GetString());
        Assert.Equal(ChildAlertState.seen, await api.WithDbAsync(db => db.ChildAlerts.Where(a => a.Id == quiet).Select(a => a.State).SingleAsync()));
        Assert.Equal("seen", (await ListAsync(partner, "&kind=inactive")).Single().GetProperty("state").GetString());
        Assert.Equal(1, (await partner.GetJsonAsync<RealtimeCounters>("/api/v1/partner/dashboard/counters")).ChildAlerts);

        foreach (var note in new[] { "", "   " })
        {
            var refused = await partner.PostAsync($"{Route}/{quiet}/dismiss", new { note });
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.True((await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("note", out _));
        }
        var tooLong = await partner.PostAsync($"{Route}/{quiet}/dismiss", new { note = new string('x', ChildAlert.NoteLength + 1) });
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);

        var dismissed = await partner.PostAsync($"{Route}/{quiet}/dismiss", new { note = "  Family travelled; back next week.  " });
        Assert.Equal(HttpStatusCode.OK, dismissed.StatusCode);
        var body = await dismissed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("dismissed", "Family travelled; back next week."), (body.GetProperty("state").GetString(), body.GetProperty("dismissNote").GetString()));
        Assert.Equal("invalid_transition", await (await partner.PostAsync($"{Route}/{quiet}/dismiss", new { note = "again" })).CodeAsync());

        // A dismissed condition that still holds is not raised again.
        await ScanAsync(api, world.Partner.Id);
        Assert.Single(await ListAsync(partner, "&kind=inactive"));

        // Brief learns enough: resolved by the scan, and then it cannot be dismissed.
        await api.WithDbAsync(async db => { db.Add(Rollup(world.Kids["Brief"].StudentId, new Day(0, 60))); await db.SaveChangesAsync(); });
        await ScanAsync(api, world.Partner.Id);
        var resolved = await partner.PostAsync($"{Route}/{brief}/dismiss", new { note = "late" });
        Assert.Equal(HttpStatusCode.Conflict, resolved.StatusCode);
        Assert.Equal("invalid_transition", await resolved.CodeAsync());
        Assert.True(await api.WithDbAsync(db => db.AuditLog.AnyAsync(a => a.Action == "alert.dismiss" && a.EntityId == quiet.ToString())));
    }

    [Fact]
    public async Task A_withdrawn_childs_alert_disappears_at_once_and_none_is_raised_for_it()
    {
        var world = await BuildAsync(api, new() { ["Gone"] = ([new Day(12, 40)], []), ["Stays"] = ([new Day(12, 40)], []) });
        using var partner = await api.LoginAsync(world.Partner.Email!, TestUsers.Password);
        await ScanAsync(api, world.Partner.Id);
        Assert.Equal(2, (await ListAsync(partner)).Count);
        var gone = world.Kids["Gone"].ChildId;
        var goneAlert = (await ListAsync(partner)).Single(a => a.GetProperty("childId").GetGuid() == gone).GetProperty("id").GetGuid();

        await api.WithDbAsync(async db =>
        {
            var consent = await db.SponsorshipConsents.SingleAsync(c => c.SponsoredChildId == gone);
            consent.RevokedAt = api.Time.GetUtcNow().UtcDateTime;
            var child = await db.SponsoredChildren.SingleAsync(c => c.Id == gone);
            child.Status = SponsoredChildStatus.PENDING_CONSENT;
            await db.SaveChangesAsync();
        });
        // Before any scan: off the list, the count and the actions.
        Assert.Equal(["Stays"], (await ListAsync(partner)).Select(a => a.GetProperty("childName").GetString()!.Split(' ')[0]));
        Assert.Equal(1, (await partner.GetJsonAsync<RealtimeCounters>("/api/v1/partner/dashboard/counters")).ChildAlerts);
        Assert.Equal(HttpStatusCode.NotFound, (await partner.PostAsync($"{Route}/{goneAlert}/seen")).StatusCode);

        // The scan resolves its open alert and raises nothing for it, however inactive it stays.
        await ScanAsync(api, world.Partner.Id);
        await ScanAsync(api, world.Partner.Id);
        var stored = await api.WithDbAsync(db => db.ChildAlerts.Where(a => a.SponsoredChildId == gone).ToListAsync());
        Assert.Equal(ChildAlertState.resolved, Assert.Single(stored).State);
    }

    [Fact]
    public async Task Another_partner_is_refused_on_every_route_and_a_viewer_may_not_change_anything()
    {
        var world = await BuildAsync(api, new() { ["Mine"] = ([new Day(12, 40)], []) });
        await ScanAsync(api, world.Partner.Id);
        using var owner = await api.LoginAsync(world.Partner.Email!, TestUsers.Password);
        var alert = (await ListAsync(owner)).Single().GetProperty("id").GetGuid();
        var child = world.Kids["Mine"].ChildId;

        var other = await api.CreateAsync(Roles.Partner);
        using var stranger = await api.LoginAsync(other.Email!, TestUsers.Password);
        Assert.Empty(await ListAsync(stranger));
        Assert.Empty(await ListAsync(stranger, $"&programId={world.ProgramId}"));
        Assert.Empty(await ListAsync(stranger, $"&childId={child}"));
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsync($"{Route}/{alert}/seen")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsync($"{Route}/{alert}/dismiss", new { note = "not mine" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"{Route}/thresholds/programs/{world.ProgramId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PutAsync($"{Route}/thresholds/programs/{world.ProgramId}", new { daysInactive = 3 })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"{Route}/thresholds/children/{child}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PutAsync($"{Route}/thresholds/children/{child}", new { daysInactive = 3 })).StatusCode);

        var viewerUser = await api.AddMemberAsync(world.Partner, TeamRole.viewer);
        using var viewer = await api.LoginAsync(viewerUser.Email!, TestUsers.Password);
        Assert.Single(await ListAsync(viewer));
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync($"{Route}/thresholds/programs/{world.ProgramId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PutAsync($"{Route}/thresholds/programs/{world.ProgramId}", new { daysInactive = 3 })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PutAsync($"{Route}/thresholds/children/{child}", new { daysInactive = 3 })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsync($"{Route}/{alert}/dismiss", new { note = "viewer" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsync($"{Route}/{alert}/seen")).StatusCode);
        Assert.False(await api.WithDbAsync(db => db.AlertThresholds.AnyAsync(t => t.PartnerId == world.Partner.Id)));
        Assert.Equal("new", (await ListAsync(owner)).Single().GetProperty("state").GetString());
    }

    [PostgresFact]
    public async Task Parallel_scans_leave_one_open_alert_per_condition()
    {
        var world = await EveryKindAsync();
        await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => ScanAsync(api, world.Partner.Id))));
        var open = await api.WithDbAsync(db => db.ChildAlerts.Where(a => a.PartnerId == world.Partner.Id && a.ResolvedAt == null)
            .Select(a => new { a.SponsoredChildId, a.Kind }).ToListAsync());
        Assert.Equal(4, open.Count);
        Assert.Equal(4, open.Distinct().Count());
    }
}
