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

/// <summary>The plan's test_consent_api: request, answer, gate, revoke — with a second parent and partner refused.</summary>
public sealed class ConsentApiTests(SeededApiFactory api) : IClassFixture<SeededApiFactory>
{
    private const string Sponsorships = "/api/v1/partner/sponsorships";

    /// <summary>A new parent account and a student in partner2's new program whose only guardian is that parent.</summary>
    private async Task<(ApiClient Partner, ApiClient Parent, Guid ChildId, Guid StudentId, string ParentName)> ChildWithGuardianAsync()
    {
        var partner = await api.LoginAsync("partner2@elimu.demo");
        var program = await api.ActiveProgramWithChildrenAsync(partner, 10, $"Consent test {Guid.NewGuid():N}");
        var parentUser = await api.CreateAsync(Roles.Parent);
        var studentId = (await partner.GetJsonAsync<Paged<SponsoredChildResponse>>($"{Sponsorships}/children?programId={program.Id}")).Items[0].StudentId;
        await api.WithDbAsync(async db =>
        {
            db.Guardianships.RemoveRange(db.Guardianships.Where(g => g.StudentId == studentId));
            db.Guardianships.Add(new Guardianship { ParentId = parentUser.Id, StudentId = studentId, Relationship = GuardianRelationship.mother, IsPrimary = true });
            await db.SaveChangesAsync();
        });
        var childId = (await partner.GetJsonAsync<Paged<SponsoredChildResponse>>($"{Sponsorships}/children?programId={program.Id}&pageSize=100"))
            .Items.Single(c => c.StudentId == studentId).Id;
        var parent = await api.LoginAsync(parentUser.Email!, TestUsers.Password);
        return (partner, parent, childId, studentId, parentUser.FullName);
    }

    private static async Task<ParentConsentResponse> PendingRequestAsync(ApiClient parent) =>
        (await parent.GetJsonAsync<Paged<ParentConsentResponse>>("/api/v1/parent/consents?status=pending")).Items.Single();

    [Fact]
    public async Task The_whole_flow_gate_before_consent_data_after_gone_again_on_revocation()
    {
        var (partner, parent, childId, _, parentName) = await ChildWithGuardianAsync();
        var progress = $"{Sponsorships}/children/{childId}/progress";

        var before = await partner.GetAsync(progress);
        Assert.Equal(HttpStatusCode.Forbidden, before.StatusCode);
        Assert.Equal("consent_required", await before.CodeAsync());

        var request = await partner.PostAsync($"{Sponsorships}/consent/request", new { sponsoredChildId = childId });
        var result = (await request.Content.ReadFromJsonAsyncWeb<ConsentRequestResult>())!;
        Assert.Equal(1, result.Requested);

        var pending = await PendingRequestAsync(parent);
        Assert.Equal(ConsentStatus.pending, pending.Status);
        Assert.Equal(ConsentText.Version, pending.ConsentTextVersion);
        Assert.Contains(parentName, pending.ConsentText);
        Assert.Equal("Mwangaza Telecom Foundation", pending.PartnerName);
        Assert.Contains("revoke", pending.ConsentText.ToLowerInvariant().Replace("withdraw", "revoke"));

        var agreed = await parent.PostAsync($"{Sponsorships}/consent/{pending.Id}/respond",
            new { agree = true, signedName = parentName.ToUpperInvariant() + "  ", consentTextVersion = pending.ConsentTextVersion });
        Assert.Equal(HttpStatusCode.OK, agreed.StatusCode);
        Assert.Equal(ConsentStatus.given, (await agreed.Content.ReadFromJsonAsyncWeb<ParentConsentResponse>())!.Status);

        Assert.Equal(HttpStatusCode.OK, (await partner.GetAsync(progress)).StatusCode);
        foreach (var view in new[] { "activity?period=month", "achievements", "goals", "ai-insights" })
            Assert.Equal(HttpStatusCode.OK, (await partner.GetAsync($"{Sponsorships}/children/{childId}/{view}")).StatusCode);
        var row = await ChildRowAsync(partner, childId);
        Assert.Equal(SponsoredChildStatus.ACTIVE, row.Status);
        Assert.Equal(ChildConsentStatus.given, row.ConsentStatus);
        Assert.NotNull(row.School);

        var revoked = await parent.PostAsync($"/api/v1/parent/consents/{pending.Id}/revoke", new { reason = "We moved schools." });
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        var after = await partner.GetAsync(progress);
        Assert.Equal(HttpStatusCode.Forbidden, after.StatusCode);
        Assert.Equal("consent_required", await after.CodeAsync());
        row = await ChildRowAsync(partner, childId);
        Assert.Equal(SponsoredChildStatus.PENDING_CONSENT, row.Status);
        Assert.Equal(ChildConsentStatus.revoked, row.ConsentStatus);
        Assert.Null(row.School);
        Assert.Null(row.LastName);
        Assert.Null(row.Progress);
        Assert.Matches(@"^\S+ [A-Z]\.$", row.DisplayName);
    }

    [Fact]
    public async Task The_signed_record_keeps_text_signature_ip_and_agent_and_is_audited()
    {
        var (partner, parent, childId, _, parentName) = await ChildWithGuardianAsync();
        await partner.PostAsync($"{Sponsorships}/consent/request", new { sponsoredChildId = childId });
        var pending = await PendingRequestAsync(parent);
        parent.Http.DefaultRequestHeaders.UserAgent.ParseAdd("TestPhone/1.0");
        await parent.PostAsync($"{Sponsorships}/consent/{pending.Id}/respond", new { agree = true, signedName = parentName, consentTextVersion = pending.ConsentTextVersion });
        await partner.GetAsync($"{Sponsorships}/children/{childId}/activity");

        var (row, audits) = await api.WithDbAsync(async db => (
            await db.SponsorshipConsents.SingleAsync(c => c.Id == pending.Id),
            await db.AuditLog.Where(a => a.EntityId == pending.Id.ToString() || a.EntityId == childId.ToString()).Select(a => a.Action).ToListAsync()));
        Assert.True(row.ConsentGiven);
        Assert.Equal(pending.ConsentText, row.ConsentText);
        Assert.Equal(parentName, row.SignedName);
        Assert.Equal("TestPhone/1.0", row.UserAgent);
        Assert.NotNull(row.ConsentedAt);
        Assert.Contains("consent.request", audits);
        Assert.Contains("consent.give", audits);
        Assert.Contains("child.read.activity", audits);
    }

    [Fact]
    public async Task A_signature_that_is_not_the_guardians_name_is_refused_and_changes_nothing()
    {
        var (partner, parent, childId, _, _) = await ChildWithGuardianAsync();
        await partner.PostAsync($"{Sponsorships}/consent/request", new { sponsoredChildId = childId });
        var pending = await PendingRequestAsync(parent);

        var wrongName = await parent.PostAsync($"{Sponsorships}/consent/{pending.Id}/respond", new { agree = true, signedName = "Someone Else", consentTextVersion = pending.ConsentTextVersion });
        Assert.Equal(HttpStatusCode.BadRequest, wrongName.StatusCode);
        Assert.True((await wrongName.JsonAsync()).GetProperty("errors").TryGetProperty("signedName", out _));
        var oldText = await parent.PostAsync($"{Sponsorships}/consent/{pending.Id}/respond", new { agree = true, signedName = "Test parent", consentTextVersion = "1999-01" });
        Assert.True((await oldText.JsonAsync()).GetProperty("errors").TryGetProperty("consentTextVersion", out _));
        Assert.Equal(ConsentStatus.pending, (await PendingRequestAsync(parent)).Status);
    }

    [Fact]
    public async Task Declining_keeps_the_child_hidden_and_cannot_be_repeated()
    {
        var (partner, parent, childId, _, _) = await ChildWithGuardianAsync();
        await partner.PostAsync($"{Sponsorships}/consent/request", new { sponsoredChildId = childId });
        var pending = await PendingRequestAsync(parent);

        var declined = await parent.PostAsync($"{Sponsorships}/consent/{pending.Id}/respond", new { agree = false, consentTextVersion = pending.ConsentTextVersion });
        Assert.Equal(ConsentStatus.declined, (await declined.Content.ReadFromJsonAsyncWeb<ParentConsentResponse>())!.Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.GetAsync($"{Sponsorships}/children/{childId}/progress")).StatusCode);
        // Declining twice is refused; only a change to consent is a new answer (see ConsentGateTests).
        var again = await parent.PostAsync($"{Sponsorships}/consent/{pending.Id}/respond", new { agree = false, consentTextVersion = pending.ConsentTextVersion });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("consent_already_answered", await again.CodeAsync());
        Assert.Equal(ChildConsentStatus.declined, (await ChildRowAsync(partner, childId)).ConsentStatus);
    }

    [Fact]
    public async Task A_parent_who_is_not_the_guardian_gets_404_and_a_partner_cannot_answer()
    {
        var (partner, _, childId, _, _) = await ChildWithGuardianAsync();
        await partner.PostAsync($"{Sponsorships}/consent/request", new { sponsoredChildId = childId });
        var consentId = await api.WithDbAsync(db => db.SponsorshipConsents.Where(c => c.SponsoredChildId == childId).Select(c => c.Id).SingleAsync());
        using var otherParent = await api.LoginAsync("parent8@elimu.demo");

        Assert.Equal(HttpStatusCode.NotFound, (await otherParent.GetAsync($"/api/v1/parent/consents/{consentId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherParent.PostAsync($"{Sponsorships}/consent/{consentId}/respond",
            new { agree = true, signedName = "x", consentTextVersion = ConsentText.Version })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherParent.PostAsync($"/api/v1/parent/consents/{consentId}/revoke", new { reason = "x" })).StatusCode);
        var theirs = await otherParent.GetJsonAsync<Paged<ParentConsentResponse>>("/api/v1/parent/consents?pageSize=100");
        Assert.DoesNotContain(theirs.Items, c => c.Id == consentId);
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.PostAsync($"{Sponsorships}/consent/{consentId}/respond",
            new { agree = true, signedName = "x", consentTextVersion = ConsentText.Version })).StatusCode);
    }

    [Fact]
    public async Task Another_partner_cannot_see_request_or_read_the_child()
    {
        var (owner, parent, childId, _, parentName) = await ChildWithGuardianAsync();
        await owner.PostAsync($"{Sponsorships}/consent/request", new { sponsoredChildId = childId });
        var pending = await PendingRequestAsync(parent);
        await parent.PostAsync($"{Sponsorships}/consent/{pending.Id}/respond", new { agree = true, signedName = parentName, consentTextVersion = pending.ConsentTextVersion });
        using var stranger = await api.LoginAsync("partner@elimu.demo");

        foreach (var view in new[] { "", "/progress", "/activity", "/achievements", "/goals", "/ai-insights" })
            Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"{Sponsorships}/children/{childId}{view}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsync($"{Sponsorships}/consent/request", new { sponsoredChildId = childId })).StatusCode);
        var list = await stranger.GetJsonAsync<Paged<SponsoredChildResponse>>($"{Sponsorships}/children?pageSize=100");
        Assert.DoesNotContain(list.Items, c => c.Id == childId);
    }

    [Fact]
    public async Task Requesting_for_a_program_asks_every_guardian_once_and_counts_update()
    {
        using var partner = await api.LoginAsync("partner@elimu.demo");
        var program = await api.ActiveProgramWithChildrenAsync(partner, 10, $"Ask everyone {Guid.NewGuid():N}");
        var guardian = await api.CreateAsync(Roles.Parent);
        await api.WithDbAsync(async db =>
        {
            var students = await db.SponsoredChildren.Where(c => c.ProgramId == program.Id).Select(c => c.StudentId).ToListAsync();
            db.Guardianships.AddRange(students.Select(s => new Guardianship { ParentId = guardian.Id, StudentId = s, Relationship = GuardianRelationship.guardian }));
            await db.SaveChangesAsync();
        });
        var countersBefore = await partner.GetJsonAsync<RealtimeCounters>("/api/v1/partner/dashboard/counters");

        var first = (await (await partner.PostAsync($"{Sponsorships}/consent/request", new { programId = program.Id })).Content.ReadFromJsonAsyncWeb<ConsentRequestResult>())!;
        var second = (await (await partner.PostAsync($"{Sponsorships}/consent/request", new { programId = program.Id })).Content.ReadFromJsonAsyncWeb<ConsentRequestResult>())!;

        Assert.True(first.Requested > 0);
        Assert.Equal(0, second.Requested);
        Assert.Equal(first.Requested, second.AlreadyPending);
        var countersAfter = await partner.GetJsonAsync<RealtimeCounters>("/api/v1/partner/dashboard/counters");
        Assert.Equal(countersBefore.PendingConsents + first.Children - first.WithoutGuardian.Count, countersAfter.PendingConsents);
        // One notification per guardian asked (a guardian of two children hears once), leading to the request itself.
        var guardians = await api.WithDbAsync(db => (from c in db.SponsorshipConsents
                join k in db.SponsoredChildren on c.SponsoredChildId equals k.Id
                where k.ProgramId == program.Id
                select c.ParentId).Distinct().CountAsync());
        var notes = await api.WithDbAsync(db => db.Notifications.CountAsync(n => n.Category == Elimu.Api.Platform.Notifications.NotificationCategory.consent
            && n.Link!.StartsWith("/dashboard/parent/consents/") && n.Title.Contains("Tumaini")));
        Assert.True(notes >= guardians);

        var status = await partner.GetJsonAsync<Paged<ChildConsentResponse>>($"{Sponsorships}/consent/status?programId={program.Id}");
        Assert.All(status.Items, s => Assert.Equal(ChildConsentStatus.pending, s.Status));
    }

    [Fact]
    public async Task The_partners_hub_pushes_new_counters_when_a_guardian_agrees_and_revokes()
    {
        var (partner, parent, childId, _, parentName) = await ChildWithGuardianAsync();
        await partner.PostAsync($"{Sponsorships}/consent/request", new { sponsoredChildId = childId });
        var hub = new HubLongPollingClient(partner.Http, PartnerHub.Path);
        await hub.ConnectAsync();
        var onConnect = await hub.NextInvocationAsync(PartnerHub.CountersEvent, TimeSpan.FromSeconds(20));
        var active = onConnect.GetProperty("childrenWithConsent").GetInt32();

        var pending = await PendingRequestAsync(parent);
        await parent.PostAsync($"{Sponsorships}/consent/{pending.Id}/respond", new { agree = true, signedName = parentName, consentTextVersion = pending.ConsentTextVersion });
        var afterAgree = await hub.NextInvocationAsync(PartnerHub.CountersEvent, TimeSpan.FromSeconds(20));
        Assert.Equal(active + 1, afterAgree.GetProperty("childrenWithConsent").GetInt32());
        Assert.Equal(onConnect.GetProperty("pendingConsents").GetInt32() - 1, afterAgree.GetProperty("pendingConsents").GetInt32());

        await parent.PostAsync($"/api/v1/parent/consents/{pending.Id}/revoke", new { reason = "changed my mind" });
        var afterRevoke = await hub.NextInvocationAsync(PartnerHub.CountersEvent, TimeSpan.FromSeconds(20));
        Assert.Equal(active, afterRevoke.GetProperty("childrenWithConsent").GetInt32());
    }

    [Fact]
    public async Task Only_partners_may_open_the_hub()
    {
        using var parent = await api.LoginAsync("parent@elimu.demo");
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await parent.Http.PostAsync($"{PartnerHub.Path}/negotiate?negotiateVersion=1", null)).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await api.CreateClient().PostAsync($"{PartnerHub.Path}/negotiate?negotiateVersion=1", null)).StatusCode);
    }

    [Fact]
    public async Task Only_a_given_consent_can_be_revoked()
    {
        var (partner, parent, childId, _, _) = await ChildWithGuardianAsync();
        await partner.PostAsync($"{Sponsorships}/consent/request", new { sponsoredChildId = childId });
        var pending = await PendingRequestAsync(parent);
        var response = await parent.PostAsync($"/api/v1/parent/consents/{pending.Id}/revoke", new { reason = "no" });
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("consent_not_given", await response.CodeAsync());
    }

    private static async Task<SponsoredChildResponse> ChildRowAsync(ApiClient partner, Guid childId) =>
        (await partner.GetJsonAsync<Paged<SponsoredChildResponse>>($"{Sponsorships}/children?pageSize=100")).Items.Single(c => c.Id == childId);
}
