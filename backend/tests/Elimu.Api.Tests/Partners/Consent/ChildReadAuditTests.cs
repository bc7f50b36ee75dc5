using System.Net;
using Elimu.Api.Common;
using Elimu.Api.Partners.ChildData;
using Elimu.Api.Partners.Consent;
using Elimu.Api.Partners.Sponsorships;
using Elimu.Api.Platform.Audit;
using Elimu.Api.Tests.Infrastructure;
using Elimu.Api.Tests.Partners.Sponsorships;
using Microsoft.EntityFrameworkCore;
using static Elimu.Api.Tests.Partners.Sponsorships.SponsorshipScenario;

namespace Elimu.Api.Tests.Partners.Consent;

/// <summary>Every partner read of consented child data is audited once per request, and an admin can search the log.</summary>
public sealed class ChildReadAuditTests(SeededApiFactory api) : IClassFixture<SeededApiFactory>
{
    private const string Sponsorships = "/api/v1/partner/sponsorships";

    private Task<Guid> PartnerIdAsync(string email) => api.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    private Task<List<AuditLogEntry>> ReadsSinceAsync(Guid partnerId, DateTime since) => api.WithDbAsync(db =>
        db.AuditLog.Include(a => a.Students).Where(a => a.UserId == partnerId && a.Action.StartsWith("child.read.") && a.At >= since).ToListAsync());

    [Fact]
    public async Task The_children_list_writes_one_audit_entry_naming_every_consented_child_it_showed()
    {
        using var partner = await api.LoginAsync("partner@elimu.demo");
        var partnerId = await PartnerIdAsync("partner@elimu.demo");
        var since = DateTime.UtcNow;
        var list = await partner.GetJsonAsync<Paged<SponsoredChildResponse>>($"{Sponsorships}/children?pageSize=100");
        var shown = list.Items.Where(c => c.ConsentStatus == ChildConsentStatus.given).Select(c => c.StudentId).Order().ToList();
        Assert.True(shown.Count >= 5);

        var reads = await ReadsSinceAsync(partnerId, since);
        var entry = Assert.Single(reads);
        Assert.Equal("child.read.list", entry.Action);
        Assert.Equal(partnerId, entry.PartnerId);
        Assert.Equal(shown, entry.Students.Select(s => s.StudentId).Order().ToList());
    }

    [Fact]
    public async Task The_child_header_with_school_and_birth_date_is_audited_and_a_hidden_child_is_not()
    {
        using var partner = await api.LoginAsync("partner@elimu.demo");
        var partnerId = await PartnerIdAsync("partner@elimu.demo");
        var list = await partner.GetJsonAsync<Paged<SponsoredChildResponse>>($"{Sponsorships}/children?pageSize=100");
        var visible = list.Items.First(c => c.ConsentStatus == ChildConsentStatus.given);
        var hidden = list.Items.First(c => c.ConsentStatus != ChildConsentStatus.given);
        var since = DateTime.UtcNow;

        var header = await partner.GetJsonAsync<ChildHeader>($"{Sponsorships}/children/{visible.Id}");
        Assert.NotNull(header.DateOfBirth);
        await partner.GetJsonAsync<ChildHeader>($"{Sponsorships}/children/{hidden.Id}");

        var entry = Assert.Single(await ReadsSinceAsync(partnerId, since));
        Assert.Equal("child.read.header", entry.Action);
        Assert.Equal(visible.Id.ToString(), entry.EntityId);
        Assert.Equal([visible.StudentId], entry.Students.Select(s => s.StudentId).ToList());
    }

    [Fact]
    public async Task Auditing_a_list_costs_the_request_no_query_more_for_more_children()
    {
        using var partner = await api.LoginAsync("partner@elimu.demo");
        var partnerId = await PartnerIdAsync("partner@elimu.demo");
        async Task<(int Queries, int Shown, List<AuditLogEntry> Audits)> ListAsync(int size)
        {
            await api.CountQueriesOfNextRequestAsync(partner);
            var since = DateTime.UtcNow;
            var page = await partner.GetJsonAsync<Paged<SponsoredChildResponse>>($"{Sponsorships}/children?pageSize={size}&status=ACTIVE");
            // Less what the page's content asks for (a quiet child's last session), which is not the audit's doing.
            var queries = api.Queries.Count - ChildViewCostTests.ListQueriesForContent(page.Items);
            await api.ReadAuditsWrittenAsync(); // written off the request path by a background writer, not counted above
            return (queries, page.Items.Count(c => c.ConsentStatus == ChildConsentStatus.given), await ReadsSinceAsync(partnerId, since));
        }
        await ListAsync(2);
        var (few, fewShown, fewAudits) = await ListAsync(2);
        var (many, manyShown, manyAudits) = await ListAsync(100);
        Assert.True(manyShown > fewShown);
        Assert.Equal(few, many);
        // One entry per list, naming every consented child it showed.
        Assert.Equal(fewShown, Assert.Single(fewAudits).Students.Count);
        Assert.Equal(manyShown, Assert.Single(manyAudits).Students.Count);
    }

    [Fact]
    public async Task An_admin_searches_the_log_by_child_partner_actor_and_date_and_others_are_refused()
    {
        using var partner = await api.LoginAsync("partner@elimu.demo");
        var partnerId = await PartnerIdAsync("partner@elimu.demo");
        var list = await partner.GetJsonAsync<Paged<SponsoredChildResponse>>($"{Sponsorships}/children?pageSize=100");
        var child = list.Items.First(c => c.ConsentStatus == ChildConsentStatus.given);
        var from = DateTimeOffset.UtcNow.AddMinutes(-1);
        await partner.GetAsync($"{Sponsorships}/children/{child.Id}/progress");
        await api.ReadAuditsWrittenAsync();

        using var admin = await api.LoginAsync("admin@elimu.demo");
        var byChild = await admin.GetJsonAsync<Paged<AuditEntryResponse>>($"/api/v1/admin/audit?studentId={child.StudentId}&pageSize=100");
        Assert.Contains(byChild.Items, a => a.Action == "child.read.progress" && a.ActorId == partnerId);
        Assert.Contains(byChild.Items, a => a.Action == "child.read.list");
        Assert.All(byChild.Items, a => Assert.Contains(child.StudentId, a.StudentIds));

        var window = $"from={Uri.EscapeDataString(from.ToString("O"))}&to={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddMinutes(1).ToString("O"))}";
        var byPartner = await admin.GetJsonAsync<Paged<AuditEntryResponse>>($"/api/v1/admin/audit?partnerId={partnerId}&action=child.read.&{window}&pageSize=2");
        Assert.Equal(2, byPartner.Items.Count);
        Assert.True(byPartner.Total >= 2);
        Assert.All(byPartner.Items, a => Assert.StartsWith("child.read.", a.Action));
        Assert.True(byPartner.Items[0].At >= byPartner.Items[1].At);

        var byActor = await admin.GetJsonAsync<Paged<AuditEntryResponse>>($"/api/v1/admin/audit?actorId={partnerId}&{window}");
        Assert.All(byActor.Items, a => Assert.Equal(partnerId, a.ActorId));
        var past = await admin.GetJsonAsync<Paged<AuditEntryResponse>>($"/api/v1/admin/audit?studentId={child.StudentId}&to=2000-01-01T00:00:00Z");
        Assert.Equal(0, past.Total);
        var badRange = await admin.GetAsync($"/api/v1/admin/audit?from=2027-01-02T00:00:00Z&to=2027-01-01T00:00:00Z");
        Assert.Equal(HttpStatusCode.BadRequest, badRange.StatusCode);

        Assert.Equal(HttpStatusCode.Forbidden, (await partner.GetAsync($"/api/v1/admin/audit?partnerId={partnerId}")).StatusCode);
        using var parent = await api.LoginAsync("parent@elimu.demo");
        Assert.Equal(HttpStatusCode.Forbidden, (await parent.GetAsync($"/api/v1/admin/audit?studentId={child.StudentId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.CreateClient().GetAsync("/api/v1/admin/audit")).StatusCode);
    }

    [Fact]
    public async Task Every_program_change_is_audited_and_approved_terms_are_refused_with_the_fields_named()
    {
        using var partner = await api.LoginAsync("partner2@elimu.demo");
        var program = await api.ProgramWithChildrenAsync(partner, 10, $"Terms {Guid.NewGuid():N}");
        var draftEdit = await partner.PutAsync($"{Programs}/{program.Id}", ProgramBody(program.Name, maxChildren: 30));
        Assert.Equal(HttpStatusCode.OK, draftEdit.StatusCode);
        await partner.PostAsync($"{Programs}/{program.Id}/submit");
        using var admin = await api.LoginAsync("admin@elimu.demo");
        await admin.PostAsync($"/api/v1/admin/sponsorship-programs/{program.Id}/approve");

        var body = ProgramBody(program.Name, maxChildren: 30);
        var same = await partner.PutAsync($"{Programs}/{program.Id}", body); // changes nothing
        Assert.True(same.StatusCode == HttpStatusCode.OK, await same.Content.ReadAsStringAsync());
        foreach (var (field, changed) in new (string, object)[]
        {
            ("maxChildren", ProgramBody(program.Name, maxChildren: 40)),
            ("customPricingNotes", Merge(body, "customPricingNotes", "Half price")),
            ("startDate", Merge(body, "startDate", "2027-02-01")),
            ("endDate", Merge(body, "endDate", "2027-12-01")),
            ("name", ProgramBody("Another name", maxChildren: 30)),
        })
        {
            var refused = await partner.PutAsync($"{Programs}/{program.Id}", changed);
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            Assert.Equal("program_terms_locked", await refused.CodeAsync());
            Assert.Contains(field, (await refused.JsonAsync()).GetProperty("fields").EnumerateArray().Select(e => e.GetString()));
        }
        var stored = await partner.GetJsonAsync<ProgramResponse>($"{Programs}/{program.Id}");
        Assert.Equal(30, stored.MaxChildren);
        Assert.Null(stored.CustomPricingNotes);

        var audit = await api.WithDbAsync(db => db.AuditLog.Where(a => a.EntityId == program.Id.ToString()).OrderBy(a => a.At).ToListAsync());
        Assert.Equal("program.create, program.children.add, program.update, program.submit, program.approve",
            string.Join(", ", audit.Select(a => a.Action)));
        Assert.All(audit, a => Assert.NotNull(a.PartnerId ?? a.UserId));
        var update = audit.Single(a => a.Action == "program.update");
        Assert.Contains("\"maxChildren\":[null,30]", update.Details);
    }

    private static Dictionary<string, object?> Merge(object body, string key, object? value)
    {
        var dict = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, object?>>(System.Text.Json.JsonSerializer.Serialize(body, ApiClient.Json))!;
        dict[key] = value;
        return dict;
    }
}
