using System.Net;
using Elimu.Api.Common;
using Elimu.Api.Partners.ChildData;
using Elimu.Api.Partners.Consent;
using Elimu.Api.Partners.Dashboard;
using Elimu.Api.Partners.Sponsorships;
using Elimu.Api.Platform.Identity;
using Elimu.Api.Platform.Students;
using Elimu.Api.Tests.Infrastructure;
using Elimu.Api.Tests.Partners.Sponsorships;
using Microsoft.EntityFrameworkCore;
using static Elimu.Api.Tests.Partners.Sponsorships.SponsorshipScenario;

namespace Elimu.Api.Tests.Partners.Consent;

/// <summary>The gate checks the program's state and every guardian's latest answer (docs/adr/0004).</summary>
public sealed class ConsentGateTests(SeededApiFactory api) : IClassFixture<SeededApiFactory>
{
    private const string Sponsorships = "/api/v1/partner/sponsorships";

    private sealed record Guardian(ApiClient Client, string Name);

    private sealed record Family(ApiClient Partner, ProgramResponse Program, Guid ChildId, Guid StudentId, Guardian[] Guardians);

    /// <summary>A child of a new program of partner2 whose guardians are <paramref name="guardians"/> new parent accounts.</summary>
    private async Task<Family> FamilyAsync(int guardians, bool approve = true)
    {
        var partner = await api.LoginAsync("partner2@elimu.demo");
        var name = $"Gate test {Guid.NewGuid():N}";
        var program = approve ? await api.ActiveProgramWithChildrenAsync(partner, 10, name) : await api.ProgramWithChildrenAsync(partner, 10, name);
        var child = (await partner.GetJsonAsync<Paged<SponsoredChildResponse>>($"{Sponsorships}/children?programId={program.Id}")).Items[0];
        var parents = new List<AppUser>();
        for (var i = 0; i < guardians; i++) parents.Add(await api.CreateAsync(Roles.Parent));
        await api.WithDbAsync(async db =>
        {
            db.Guardianships.RemoveRange(db.Guardianships.Where(g => g.StudentId == child.StudentId));
            foreach (var p in parents)
                db.Guardianships.Add(new Guardianship { ParentId = p.Id, StudentId = child.StudentId, Relationship = GuardianRelationship.guardian, IsPrimary = p == parents[0] });
            await db.SaveChangesAsync();
        });
        var clients = new List<Guardian>();
        foreach (var p in parents) clients.Add(new Guardian(await api.LoginAsync(p.Email!, TestUsers.Password), p.FullName));
        return new Family(partner, program, child.Id, child.StudentId, clients.ToArray());
    }

    private static async Task<ParentConsentResponse> LatestAsync(Guardian g) =>
        (await g.Client.GetJsonAsync<Paged<ParentConsentResponse>>("/api/v1/parent/consents?pageSize=100")).Items.OrderByDescending(c => c.ConsentedAt ?? c.RequestedAt).First();

    private static Task<HttpResponseMessage> AnswerAsync(Guardian g, ParentConsentResponse c, bool agree) =>
        g.Client.PostAsync($"{Sponsorships}/consent/{c.Id}/respond",
            new { agree, signedName = agree ? g.Name : null, consentTextVersion = c.ConsentTextVersion });

    private async Task<HttpStatusCode> ProgressAsync(Family f) => (await f.Partner.GetAsync($"{Sponsorships}/children/{f.ChildId}/progress")).StatusCode;

    private static async Task<SponsoredChildResponse> RowAsync(Family f) =>
        (await f.Partner.GetJsonAsync<Paged<SponsoredChildResponse>>($"{Sponsorships}/children?programId={f.Program.Id}&pageSize=100"))
            .Items.Single(c => c.Id == f.ChildId);

    private async Task AskAsync(Family f) =>
        Assert.Equal(HttpStatusCode.OK, (await f.Partner.PostAsync($"{Sponsorships}/consent/request", new { sponsoredChildId = f.ChildId })).StatusCode);

    [Fact]
    public async Task A_program_no_admin_approved_cannot_ask_guardians()
    {
        var f = await FamilyAsync(1, approve: false);
        var draft = await f.Partner.PostAsync($"{Sponsorships}/consent/request", new { sponsoredChildId = f.ChildId });
        Assert.Equal(HttpStatusCode.Conflict, draft.StatusCode);
        Assert.Equal("program_not_active", await draft.CodeAsync());
        Assert.Equal(HttpStatusCode.OK, (await f.Partner.PostAsync($"{Programs}/{f.Program.Id}/submit")).StatusCode);
        var pending = await f.Partner.PostAsync($"{Sponsorships}/consent/request", new { programId = f.Program.Id });
        Assert.Equal(HttpStatusCode.Conflict, pending.StatusCode);
        Assert.Equal("program_not_active", await pending.CodeAsync());
        Assert.Equal(0, await api.WithDbAsync(db => db.SponsorshipConsents.CountAsync(c => c.SponsoredChildId == f.ChildId)));
    }

    [Fact]
    public async Task A_consent_given_before_approval_opens_nothing_and_is_not_shown_to_the_parent()
    {
        // A request written before the fix, for a draft program, and agreed to.
        var f = await FamilyAsync(1, approve: false);
        var parentId = await api.WithDbAsync(db => db.Guardianships.Where(g => g.StudentId == f.StudentId).Select(g => g.ParentId).SingleAsync());
        await api.WithDbAsync(async db =>
        {
            db.SponsorshipConsents.Add(new SponsorshipConsent
            {
                SponsoredChildId = f.ChildId, ParentId = parentId, ConsentText = "old", ConsentTextVersion = ConsentText.Version,
                RequestedAt = DateTime.UtcNow.AddMinutes(-5), ConsentGiven = true, ConsentedAt = DateTime.UtcNow.AddMinutes(-4), SignedName = "x",
            });
            var child = await db.SponsoredChildren.SingleAsync(c => c.Id == f.ChildId);
            child.Status = SponsoredChildStatus.ACTIVE;
            await db.SaveChangesAsync();
        });
        Assert.Equal(HttpStatusCode.Forbidden, await ProgressAsync(f));
        Assert.Empty((await f.Guardians[0].Client.GetJsonAsync<Paged<ParentConsentResponse>>("/api/v1/parent/consents")).Items);

        // Even once an admin approves the program, a consent asked before that review does not count.
        Assert.Equal(HttpStatusCode.OK, (await f.Partner.PostAsync($"{Programs}/{f.Program.Id}/submit")).StatusCode);
        using var admin = await api.LoginAsync("admin@elimu.demo");
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/v1/admin/sponsorship-programs/{f.Program.Id}/approve")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, await ProgressAsync(f));
        var row = await RowAsync(f);
        Assert.Null(row.School);
        Assert.Equal(ChildConsentStatus.not_requested, row.ConsentStatus);
        Assert.Empty((await f.Guardians[0].Client.GetJsonAsync<Paged<ParentConsentResponse>>("/api/v1/parent/consents")).Items);
        var legacyId = await api.WithDbAsync(db => db.SponsorshipConsents.Where(c => c.SponsoredChildId == f.ChildId).Select(c => c.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await f.Guardians[0].Client.PostAsync($"/api/v1/parent/consents/{legacyId}/revoke", new { })).StatusCode);

        // Asked properly now, the guardian sees the request and their answer opens the child.
        await AskAsync(f);
        var asked = Assert.Single((await f.Guardians[0].Client.GetJsonAsync<Paged<ParentConsentResponse>>("/api/v1/parent/consents")).Items);
        Assert.Equal(HttpStatusCode.OK, (await AnswerAsync(f.Guardians[0], asked, true)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, await ProgressAsync(f));
    }

    [Theory]
    [InlineData("cancel", HttpStatusCode.Forbidden)]
    [InlineData("complete", HttpStatusCode.Forbidden)]
    [InlineData("pause", HttpStatusCode.OK)]
    public async Task Only_an_active_or_paused_program_shows_a_consented_child(string action, HttpStatusCode expected)
    {
        var f = await FamilyAsync(1);
        await AskAsync(f);
        Assert.Equal(HttpStatusCode.OK, (await AnswerAsync(f.Guardians[0], await LatestAsync(f.Guardians[0]), true)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, await ProgressAsync(f));
        // The child has no learning yet, so while visible it raises an inactivity alert (stored by the alert watcher's scan).
        await Elimu.Api.Tests.Partners.Alerts.AlertTestKit.ScanAlertsAsync(api, "partner2@elimu.demo");
        var alerts = (await f.Partner.GetJsonAsync<RealtimeCounters>("/api/v1/partner/dashboard/counters")).ChildAlerts;

        Assert.Equal(HttpStatusCode.OK, (await f.Partner.PostAsync($"{Programs}/{f.Program.Id}/{action}")).StatusCode);
        var alertsAfter = (await f.Partner.GetJsonAsync<RealtimeCounters>("/api/v1/partner/dashboard/counters")).ChildAlerts;
        Assert.Equal(expected == HttpStatusCode.OK ? alerts : alerts - 1, alertsAfter);
        var progress = await f.Partner.GetAsync($"{Sponsorships}/children/{f.ChildId}/progress");
        Assert.Equal(expected, progress.StatusCode);
        var row = await RowAsync(f);
        if (expected == HttpStatusCode.OK) { Assert.NotNull(row.School); return; }
        Assert.Equal("program_not_active", await progress.CodeAsync());
        Assert.Equal(ChildConsentStatus.program_not_active, row.ConsentStatus);
        Assert.Null(row.School);
        Assert.Null(row.Progress);
        var header = await f.Partner.GetJsonAsync<ChildHeader>($"{Sponsorships}/children/{f.ChildId}");
        Assert.Null(header.DateOfBirth);
        // The guardian's signed record stays readable, and can still be withdrawn.
        var mine = await LatestAsync(f.Guardians[0]);
        Assert.Equal(ConsentStatus.given, mine.Status);
        Assert.Equal(HttpStatusCode.OK, (await f.Guardians[0].Client.PostAsync($"/api/v1/parent/consents/{mine.Id}/revoke", new { reason = "over" })).StatusCode);
    }

    [Fact]
    public async Task One_guardian_declines_then_the_other_agrees_the_child_stays_hidden_until_the_first_changes_their_mind()
    {
        var f = await FamilyAsync(2);
        await AskAsync(f);
        var declined = await LatestAsync(f.Guardians[0]);
        Assert.Equal(HttpStatusCode.OK, (await AnswerAsync(f.Guardians[0], declined, false)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await AnswerAsync(f.Guardians[1], await LatestAsync(f.Guardians[1]), true)).StatusCode);

        Assert.Equal(HttpStatusCode.Forbidden, await ProgressAsync(f));
        var row = await RowAsync(f);
        Assert.Equal(SponsoredChildStatus.PENDING_CONSENT, row.Status);
        Assert.Equal(ChildConsentStatus.declined, row.ConsentStatus);

        // The guardian who declined may turn it into consent: a new row, the decline stays as it was.
        var mine = await f.Guardians[0].Client.GetJsonAsync<ParentConsentResponse>($"/api/v1/parent/consents/{declined.Id}");
        Assert.True(mine.CanChangeToConsent);
        var changed = await AnswerAsync(f.Guardians[0], declined, true);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var newRow = (await changed.Content.ReadFromJsonAsyncWeb<ParentConsentResponse>())!;
        Assert.NotEqual(declined.Id, newRow.Id);
        Assert.Equal(ConsentStatus.given, newRow.Status);
        Assert.Equal(ConsentStatus.declined, (await f.Guardians[0].Client.GetJsonAsync<ParentConsentResponse>($"/api/v1/parent/consents/{declined.Id}")).Status);
        Assert.Equal(HttpStatusCode.OK, await ProgressAsync(f));
        Assert.Equal(SponsoredChildStatus.ACTIVE, (await RowAsync(f)).Status);

        // The old decline cannot be answered a second time.
        var again = await AnswerAsync(f.Guardians[0], declined, true);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("consent_superseded", await again.CodeAsync());
    }

    [Fact]
    public async Task One_guardian_agrees_then_the_other_declines_the_child_is_hidden_again()
    {
        var f = await FamilyAsync(2);
        await AskAsync(f);
        Assert.Equal(HttpStatusCode.OK, (await AnswerAsync(f.Guardians[0], await LatestAsync(f.Guardians[0]), true)).StatusCode);
        // One consent and no refusal: visible while the other guardian has not answered.
        Assert.Equal(HttpStatusCode.OK, await ProgressAsync(f));
        Assert.Equal(HttpStatusCode.OK, (await AnswerAsync(f.Guardians[1], await LatestAsync(f.Guardians[1]), false)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, await ProgressAsync(f));
        var row = await RowAsync(f);
        Assert.Equal(SponsoredChildStatus.PENDING_CONSENT, row.Status);
        Assert.Equal(ChildConsentStatus.declined, row.ConsentStatus);
        Assert.Null(row.LastName);
    }

    [Fact]
    public async Task Both_agree_one_withdraws_then_consents_again()
    {
        var f = await FamilyAsync(2);
        await AskAsync(f);
        foreach (var g in f.Guardians) Assert.Equal(HttpStatusCode.OK, (await AnswerAsync(g, await LatestAsync(g), true)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, await ProgressAsync(f));

        var given = await LatestAsync(f.Guardians[1]);
        Assert.Equal(HttpStatusCode.OK, (await f.Guardians[1].Client.PostAsync($"/api/v1/parent/consents/{given.Id}/revoke", new { reason = "pause" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, await ProgressAsync(f));
        Assert.Equal(ChildConsentStatus.revoked, (await RowAsync(f)).ConsentStatus);

        var revoked = await f.Guardians[1].Client.GetJsonAsync<ParentConsentResponse>($"/api/v1/parent/consents/{given.Id}");
        Assert.True(revoked.CanChangeToConsent);
        Assert.Equal(HttpStatusCode.OK, (await AnswerAsync(f.Guardians[1], revoked, true)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, await ProgressAsync(f));
        Assert.Equal(SponsoredChildStatus.ACTIVE, (await RowAsync(f)).Status);
        Assert.Equal(ConsentStatus.revoked, (await f.Guardians[1].Client.GetJsonAsync<ParentConsentResponse>($"/api/v1/parent/consents/{given.Id}")).Status);
    }

    [Fact]
    public async Task Two_guardians_answering_at_once_leave_the_child_as_the_rule_says()
    {
        for (var round = 0; round < 3; round++)
        {
            var f = await FamilyAsync(2);
            await AskAsync(f);
            var (yes, no) = (await LatestAsync(f.Guardians[0]), await LatestAsync(f.Guardians[1]));
            var answers = await Task.WhenAll(AnswerAsync(f.Guardians[0], yes, true), AnswerAsync(f.Guardians[1], no, false));
            Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
            Assert.Equal(SponsoredChildStatus.PENDING_CONSENT, (await RowAsync(f)).Status);
            Assert.Equal(HttpStatusCode.Forbidden, await ProgressAsync(f));
        }
    }

    [Fact]
    public async Task A_change_of_mind_sent_ten_times_at_once_is_written_once()
    {
        var f = await FamilyAsync(1);
        await AskAsync(f);
        var declined = await LatestAsync(f.Guardians[0]);
        await AnswerAsync(f.Guardians[0], declined, false);

        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => AnswerAsync(f.Guardians[0], declined, true)));
        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.OK);
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.OK), a => Assert.Equal(HttpStatusCode.Conflict, a.StatusCode));
        Assert.Equal(2, await api.WithDbAsync(db => db.SponsorshipConsents.CountAsync(c => c.SponsoredChildId == f.ChildId)));
        Assert.Equal(HttpStatusCode.OK, await ProgressAsync(f));
    }

    [Fact]
    public async Task A_guardian_of_another_child_can_neither_answer_nor_change_nor_withdraw()
    {
        var f = await FamilyAsync(1);
        await AskAsync(f);
        var declined = await LatestAsync(f.Guardians[0]);
        await AnswerAsync(f.Guardians[0], declined, false);
        var other = await FamilyAsync(1);
        var stranger = new Guardian(other.Guardians[0].Client, f.Guardians[0].Name);

        Assert.Equal(HttpStatusCode.NotFound, (await AnswerAsync(stranger, declined, true)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Client.PostAsync($"/api/v1/parent/consents/{declined.Id}/revoke", new { reason = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Client.GetAsync($"/api/v1/parent/consents/{declined.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, await ProgressAsync(f));
        Assert.Equal(1, await api.WithDbAsync(db => db.SponsorshipConsents.CountAsync(c => c.SponsoredChildId == f.ChildId)));
    }

    [Fact]
    public async Task The_parent_sees_the_program_as_it_was_when_asked()
    {
        var f = await FamilyAsync(1);
        await AskAsync(f);
        await api.WithDbAsync(async db =>
        {
            var p = await db.SponsorshipPrograms.SingleAsync(p => p.Id == f.Program.Id);
            p.Name = "Renamed later"; p.Description = "Changed later";
            await db.SaveChangesAsync();
        });
        var asked = await LatestAsync(f.Guardians[0]);
        Assert.True(asked.ShownAsAsked);
        Assert.Equal(f.Program.Name, asked.ProgramName);
        Assert.Equal("A test program", asked.ProgramDescription);
        Assert.Equal(["Everyone reads fluently"], asked.ProgramGoals);
        Assert.Equal(new DateOnly(2027, 1, 6), asked.ProgramStartDate);
        Assert.Equal("Mwangaza Telecom Foundation", asked.PartnerName);
    }
}
