using System.Net;
using Elimu.Api.Common;
using Elimu.Api.Partners.Sponsorships;
using Elimu.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Elimu.Api.Tests.Partners.Sponsorships.SponsorshipScenario;

namespace Elimu.Api.Tests.Partners.Sponsorships;

public sealed class ProgramApiTests(SeededApiFactory api) : IClassFixture<SeededApiFactory>
{
    [Fact]
    public async Task A_created_program_is_a_draft_the_partner_can_read_list_and_edit()
    {
        using var partner = await api.LoginAsync("partner2@elimu.demo");
        var created = await partner.CreateProgramAsync("Coast Readers");
        Assert.Equal(ProgramStatus.DRAFT, created.Status);
        Assert.Equal(10, created.MinChildren);
        Assert.Equal(1500m, created.PricePerChild);
        Assert.Equal("KES", created.Currency);
        Assert.Single(created.Goals);
        Assert.Equal(["submit", "cancel"], created.AllowedActions);

        var read = await partner.GetJsonAsync<ProgramResponse>($"{Programs}/{created.Id}");
        Assert.Equal("Coast Readers", read.Name);
        var list = await partner.GetJsonAsync<Paged<ProgramResponse>>($"{Programs}?status=DRAFT&search=coast");
        Assert.Contains(list.Items, p => p.Id == created.Id);

        var edited = await partner.PutAsync($"{Programs}/{created.Id}", ProgramBody("Coast Readers 2027", maxChildren: 40));
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        var after = await partner.GetJsonAsync<ProgramResponse>($"{Programs}/{created.Id}");
        Assert.Equal("Coast Readers 2027", after.Name);
        Assert.Equal(40, after.MaxChildren);
    }

    [Theory]
    [InlineData("minChildren", 9)]
    [InlineData("pricePerChild", 0)]
    [InlineData("currency", "KSH")]
    [InlineData("endDate", "2026-01-01")]
    [InlineData("name", "")]
    public async Task Invalid_programs_are_refused_with_the_field_named(string field, object value)
    {
        using var partner = await api.LoginAsync("partner2@elimu.demo");
        var body = new Dictionary<string, object?>
        {
            ["name"] = "Bad program", ["programType"] = "direct", ["minChildren"] = 10, ["billingPeriod"] = "termly",
            ["pricePerChild"] = 4000, ["currency"] = "KES", ["startDate"] = "2027-01-06", ["endDate"] = "2027-11-27",
        };
        body[field] = value;
        var before = await api.WithDbAsync(db => db.SponsorshipPrograms.CountAsync());

        var response = await partner.PostAsync(Programs, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty(field, out _), $"errors.{field} expected");
        Assert.Equal(before, await api.WithDbAsync(db => db.SponsorshipPrograms.CountAsync()));
    }

    [Fact]
    public async Task An_unknown_enum_value_is_a_400_not_a_500()
    {
        using var partner = await api.LoginAsync("partner2@elimu.demo");
        var response = await partner.PostAsync(Programs, new { name = "X", programType = "weekly", billingPeriod = "monthly", pricePerChild = 10 });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty("programType", out _));
    }

    [Fact]
    public async Task Submit_needs_the_minimum_then_admin_approval_makes_it_active()
    {
        using var partner = await api.LoginAsync("partner2@elimu.demo");
        var program = await partner.CreateProgramAsync("Submit test");
        var nine = await api.FreeStudentsAsync(9);
        Assert.Equal(HttpStatusCode.OK, (await partner.PostAsync($"{Programs}/{program.Id}/children", new { studentIds = nine })).StatusCode);

        var refused = await partner.PostAsync($"{Programs}/{program.Id}/submit");
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var problem = await refused.JsonAsync();
        Assert.Equal("min_children_not_met", problem.GetProperty("code").GetString());
        Assert.Equal(1, problem.GetProperty("missing").GetInt32());

        var tenth = (await api.FreeStudentsAsync(1)).Single();
        await partner.PostAsync($"{Programs}/{program.Id}/children", new { studentIds = new[] { tenth } });
        var submitted = await partner.PostAsync($"{Programs}/{program.Id}/submit");
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        Assert.Equal(ProgramStatus.PENDING_APPROVAL, (await submitted.Content.ReadFromJsonAsyncWeb<ProgramResponse>())!.Status);

        // The partner cannot approve itself; the admin can.
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.PostAsync($"/api/v1/admin/sponsorship-programs/{program.Id}/approve")).StatusCode);
        using var admin = await api.LoginAsync("admin@elimu.demo");
        var pending = await admin.GetJsonAsync<Paged<PendingProgramResponse>>("/api/v1/admin/sponsorship-programs");
        var row = Assert.Single(pending.Items, p => p.Program.Id == program.Id);
        Assert.Equal("Mwangaza Telecom Foundation", row.PartnerName);
        Assert.NotNull(row.Program.SubmittedAt);
        var approved = await admin.PostAsync($"/api/v1/admin/sponsorship-programs/{program.Id}/approve");
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        var active = (await approved.Content.ReadFromJsonAsyncWeb<ProgramResponse>())!;
        Assert.Equal(ProgramStatus.ACTIVE, active.Status);
        Assert.NotNull(active.ApprovedBy);
        Assert.NotNull(active.ApprovedAt);
    }

    [Fact]
    public async Task Admin_rejection_needs_a_reason_and_sends_the_program_back_to_draft()
    {
        using var partner = await api.LoginAsync("partner2@elimu.demo");
        var program = await api.ProgramWithChildrenAsync(partner, 10, "Reject test");
        await partner.PostAsync($"{Programs}/{program.Id}/submit");
        using var admin = await api.LoginAsync("admin@elimu.demo");

        var noReason = await admin.PostAsync($"/api/v1/admin/sponsorship-programs/{program.Id}/reject", new { reason = " " });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);

        var rejected = await admin.PostAsync($"/api/v1/admin/sponsorship-programs/{program.Id}/reject", new { reason = "Add an end date." });
        var back = (await rejected.Content.ReadFromJsonAsyncWeb<ProgramResponse>())!;
        Assert.Equal(ProgramStatus.DRAFT, back.Status);
        Assert.Equal("Add an end date.", back.RejectionReason);
        var notified = await api.WithDbAsync(db => db.Notifications.AnyAsync(n => n.Body == "Add an end date." && n.Link!.EndsWith(program.Id.ToString())));
        Assert.True(notified);
    }

    [Fact]
    public async Task Every_lifecycle_transition_is_allowed_or_refused_as_the_state_machine_says()
    {
        using var partner = await api.LoginAsync("partner2@elimu.demo");
        using var admin = await api.LoginAsync("admin@elimu.demo");
        var program = await api.ProgramWithChildrenAsync(partner, 10, "Lifecycle test");
        var url = $"{Programs}/{program.Id}";

        async Task Expect(string action, HttpStatusCode status, ProgramStatus? after = null)
        {
            var response = await partner.PostAsync($"{url}/{action}");
            Assert.Equal(status, response.StatusCode);
            if (status == HttpStatusCode.Conflict) Assert.Equal("invalid_transition", await response.CodeAsync());
            if (after is { } expected) Assert.Equal(expected, (await partner.GetJsonAsync<ProgramResponse>(url)).Status);
        }

        await Expect("pause", HttpStatusCode.Conflict, ProgramStatus.DRAFT);
        await Expect("resume", HttpStatusCode.Conflict);
        await Expect("complete", HttpStatusCode.Conflict);
        await Expect("submit", HttpStatusCode.OK, ProgramStatus.PENDING_APPROVAL);
        await Expect("submit", HttpStatusCode.Conflict);
        await Expect("pause", HttpStatusCode.Conflict);
        await admin.PostAsync($"/api/v1/admin/sponsorship-programs/{program.Id}/approve");
        await Expect("resume", HttpStatusCode.Conflict, ProgramStatus.ACTIVE);
        await Expect("pause", HttpStatusCode.OK, ProgramStatus.PAUSED);
        await Expect("pause", HttpStatusCode.Conflict);
        await Expect("resume", HttpStatusCode.OK, ProgramStatus.ACTIVE);
        await Expect("complete", HttpStatusCode.OK, ProgramStatus.COMPLETED);
        await Expect("cancel", HttpStatusCode.Conflict);
        await Expect("resume", HttpStatusCode.Conflict, ProgramStatus.COMPLETED);

        var other = await partner.CreateProgramAsync("Cancel test");
        Assert.Equal(HttpStatusCode.OK, (await partner.PostAsync($"{Programs}/{other.Id}/cancel")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await partner.PostAsync($"{Programs}/{other.Id}/submit")).StatusCode);
        var audit = await api.WithDbAsync(db => db.AuditLog.CountAsync(a => a.EntityId == program.Id.ToString() && a.Action.StartsWith("program.")));
        Assert.True(audit >= 5);
    }

    [Fact]
    public async Task Terms_are_fixed_once_submitted()
    {
        using var partner = await api.LoginAsync("partner2@elimu.demo");
        var program = await api.ProgramWithChildrenAsync(partner, 10, "Terms test");
        await partner.PostAsync($"{Programs}/{program.Id}/submit");
        // Every term is fixed, the name and description too: they are what the admin reviews (docs/adr/0004).
        var body = ProgramBody("Terms test, renamed");
        var renamed = await partner.PutAsync($"{Programs}/{program.Id}", body);
        Assert.Equal(HttpStatusCode.Conflict, renamed.StatusCode);
        Assert.Equal("program_terms_locked", await renamed.CodeAsync());
        Assert.Equal(HttpStatusCode.OK, (await partner.PutAsync($"{Programs}/{program.Id}", ProgramBody("Terms test"))).StatusCode);

        var repriced = await partner.PutAsync($"{Programs}/{program.Id}", new
        {
            name = "Terms test", programType = "cohort", minChildren = 10, billingPeriod = "monthly", pricePerChild = 999m, currency = "KES",
        });
        Assert.Equal(HttpStatusCode.Conflict, repriced.StatusCode);
        Assert.Equal("program_terms_locked", await repriced.CodeAsync());
    }

    [Fact]
    public async Task Another_partners_program_is_not_found()
    {
        using var owner = await api.LoginAsync("partner2@elimu.demo");
        using var stranger = await api.LoginAsync("partner@elimu.demo");
        var program = await owner.CreateProgramAsync("Private program");
        var url = $"{Programs}/{program.Id}";

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PutAsync(url, ProgramBody("Hijacked"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsync($"{url}/submit")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsync($"{url}/children", new { studentIds = new[] { Guid.NewGuid() } })).StatusCode);
        var list = await stranger.GetJsonAsync<Paged<ProgramResponse>>($"{Programs}?pageSize=100");
        Assert.DoesNotContain(list.Items, p => p.Id == program.Id);
        Assert.Equal("Private program", (await owner.GetJsonAsync<ProgramResponse>(url)).Name);
    }

    [Fact]
    public async Task Anonymous_and_parents_are_refused()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.CreateApiClient().GetAsync(Programs)).StatusCode);
        using var parent = await api.LoginAsync("parent@elimu.demo");
        Assert.Equal(HttpStatusCode.Forbidden, (await parent.GetAsync(Programs)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await parent.GetAsync("/api/v1/admin/sponsorship-programs")).StatusCode);
    }
}
