using System.Net;
using Elimu.Api.Common;
using Elimu.Api.Partners.Sponsorships;
using Elimu.Api.Platform.Identity;
using Elimu.Api.Platform.Students;
using Elimu.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Elimu.Api.Tests.Partners.Sponsorships.SponsorshipScenario;

namespace Elimu.Api.Tests.Partners.Sponsorships;

/// <summary>Issue 20: the admin sets how long a child may wait before every partner is offered them first.</summary>
public sealed class SponsorshipPolicyTests(SeededApiFactory api) : IClassFixture<SeededApiFactory>
{
    private const string Route = "/api/v1/admin/sponsorship-policy";

    [Fact]
    public async Task Only_an_admin_reads_or_sets_the_policy()
    {
        using var admin = await api.LoginAsync("admin@elimu.demo");
        var before = await admin.GetJsonAsync<SponsorshipPolicyResponse>(Route);
        foreach (var email in new[] { "partner@elimu.demo", "partner2@elimu.demo", "parent@elimu.demo" })
        {
            using var other = await api.LoginAsync(email);
            Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync(Route)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await other.PutAsync(Route, new { offerToAllAfterDays = 30 })).StatusCode);
        }
        using var anonymous = api.CreateApiClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(Route)).StatusCode);
        Assert.Equal(before, await admin.GetJsonAsync<SponsorshipPolicyResponse>(Route));
    }

    [Fact]
    public async Task The_admins_policy_replaces_the_default_moves_a_waiting_child_first_and_is_audited()
    {
        using var admin = await api.LoginAsync("admin@elimu.demo");
        using var partner = await api.LoginAsync("partner2@elimu.demo");
        var program = await partner.CreateProgramAsync($"Policy {Guid.NewGuid():N}");
        await partner.PutAsync($"{Programs}/{program.Id}/preferences", new { grades = new[] { "Grade5" } });
        // 0 meets the preference and joined 5 days ago; 1 meets none and has waited 100 days.
        var (school, ids) = await api.HandBuiltStudentsAsync((CbcGrade.Grade5, "Nairobi", Gender.female, 5), (CbcGrade.Grade3, "Kisumu", Gender.male, 100));
        var ranking = $"/api/v1/partner/sponsorships/available-students?school={Uri.EscapeDataString(school)}&rankFor={program.Id}";

        var before = await admin.GetJsonAsync<SponsorshipPolicyResponse>(Route);
        Assert.Equal(SponsorshipPolicies.BuiltInOfferToAllAfterDays, before.OfferToAllAfterDays);
        Assert.Null(before.UpdatedAt);
        var ranked = await partner.GetJsonAsync<Paged<StudentPreview>>(ranking);
        Assert.Equal([ids[0], ids[1]], ranked.Items.Select(s => s.StudentId).ToList());

        foreach (var bad in new object[] { new { offerToAllAfterDays = 3 }, new { offerToAllAfterDays = 5000 }, new { } })
        {
            var refused = await admin.PutAsync(Route, bad);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.True((await refused.JsonAsync()).GetProperty("errors").TryGetProperty("offerToAllAfterDays", out _));
        }
        var set = await admin.PutAsync(Route, new { offerToAllAfterDays = 60 });
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        var after = await admin.GetJsonAsync<SponsorshipPolicyResponse>(Route);
        Assert.Equal(60, after.OfferToAllAfterDays);
        Assert.Equal(SponsorshipPolicies.BuiltInOfferToAllAfterDays, after.DefaultOfferToAllAfterDays);
        Assert.NotNull(after.UpdatedAt);
        Assert.False(string.IsNullOrEmpty(after.UpdatedBy));

        ranked = await partner.GetJsonAsync<Paged<StudentPreview>>(ranking);
        Assert.Equal([ids[1], ids[0]], ranked.Items.Select(s => s.StudentId).ToList());
        Assert.Contains(ranked.Items[0].MatchReasons!, r => r == "Waiting 100 days: offered to every partner first");
        Assert.Equal(["180 -> 60"], await api.WithDbAsync(db => db.AuditLog.AsNoTracking()
            .Where(e => e.Action == "sponsorship_policy.update").Select(e => e.Details!.Replace("offerToAllAfterDays ", "")).ToListAsync()));
    }

    [PostgresFact]
    public async Task Parallel_first_saves_keep_one_policy_and_never_answer_500()
    {
        // A database of its own, where no policy was saved yet: the race is for the first row.
        await using var fresh = new ElimuApiFactory();
        await fresh.InitializeAsync();
        var admin = await fresh.CreateAsync(Roles.Admin);
        // Signed in one after another: the race under test is the first save, not eight sign-ins of one account at once
        // (which the sign-in throttle may answer 429).
        var admins = new List<ApiClient>();
        for (var i = 0; i < 8; i++) admins.Add(await fresh.LoginAsync(admin.Email!, TestUsers.Password));
        var answers = await Task.WhenAll(admins.Select((a, i) => a.PutAsync(Route, new { offerToAllAfterDays = 30 + i })));
        Assert.All(answers, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.Conflict }));
        Assert.Contains(answers, r => r.StatusCode == HttpStatusCode.OK);
        Assert.Equal(1, await fresh.WithDbAsync(db => db.SponsorshipPolicies.CountAsync()));
        foreach (var a in admins) a.Dispose();
    }
}
