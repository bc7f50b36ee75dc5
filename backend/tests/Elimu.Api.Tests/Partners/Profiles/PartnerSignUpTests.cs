using System.Net;
using Elimu.Api.Platform.Identity;
using Elimu.Api.Tests.Infrastructure;
using Elimu.Api.Tests.Partners.Account;
using Microsoft.EntityFrameworkCore;
using static Elimu.Api.Tests.Partners.Profiles.ProfileTestData;

namespace Elimu.Api.Tests.Partners.Profiles;

/// <summary>Issue 16: a partner signs up on its own, pending verification; an admin verifies it before it can reach children.</summary>
public sealed class PartnerSignUpTests(ElimuApiFactory api) : IClassFixture<ElimuApiFactory>
{
    private const string AdminPartners = "/api/v1/admin/partners";

    private async Task<(ApiClient Client, Guid UserId)> SignUpAsync(string? email = null)
    {
        var client = await api.AnonymousAsync();
        var response = await client.PostAsync(SignUp, SignUpBody(email ?? TeamTestData.NewEmail("signup")));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (client, (await response.JsonAsync()).GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task Sign_up_creates_a_signed_in_owner_of_a_pending_partner_who_can_set_up_but_not_create_programs()
    {
        var email = TeamTestData.NewEmail("signup");
        var client = await api.AnonymousAsync();
        var response = await client.PostAsync(SignUp, SignUpBody(email));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var me = await response.JsonAsync();
        Assert.Contains("partner", me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal("owner", me.GetProperty("partnerRole").GetString());

        // Signed in by the sign-up itself: the profile answers, pending.
        var profile = await (await client.GetAsync(Profile)).JsonAsync();
        Assert.Equal("pending", profile.GetProperty("verificationStatus").GetString());
        Assert.Equal("Jua Kali Foundation", profile.GetProperty("organizationName").GetString());
        Assert.Equal("Foundation", profile.GetProperty("organizationType").GetString());
        Assert.Equal("+254712000111", profile.GetProperty("contactPhone").GetString());
        Assert.Equal(email, profile.GetProperty("contactEmail").GetString());
        Assert.Equal(HttpStatusCode.OK, (await client.PatchAsync(Profile, new { tagline = "Setting up" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync(TeamTestData.Invitations, new { email = TeamTestData.NewEmail(), role = "programs" })).StatusCode);

        var program = await client.PostAsync(Elimu.Api.Tests.Partners.Sponsorships.SponsorshipScenario.Programs, Elimu.Api.Tests.Partners.Sponsorships.SponsorshipScenario.ProgramBody());
        Assert.Equal(HttpStatusCode.Forbidden, program.StatusCode);
        Assert.Equal("partner_not_verified", await program.CodeAsync());
        Assert.Contains("verification", (await program.JsonAsync()).GetProperty("detail").GetString());
        var consent = await client.PostAsync("/api/v1/partner/sponsorships/consent/request", new { sponsoredChildId = Guid.NewGuid() });
        Assert.Equal("partner_not_verified", await consent.CodeAsync());
        Assert.Equal(0, await api.WithDbAsync(db => db.SponsorshipPrograms.CountAsync(p => p.Partner!.Email == email)));

        // The same person signs in later with the password they chose.
        using var again = await api.LoginAsync(email, TestUsers.Password);
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync(Profile)).StatusCode);
    }

    [Fact]
    public async Task An_address_that_already_has_an_account_is_refused_in_any_case()
    {
        var email = TeamTestData.NewEmail("taken");
        await SignUpAsync(email);
        using var other = await api.AnonymousAsync();
        var response = await other.PostAsync(SignUp, SignUpBody(email.ToUpperInvariant(), organization: "Copycat Ltd"));
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("email_taken", await response.CodeAsync());
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty("email", out _));
        Assert.Equal(0, await api.WithDbAsync(db => db.PartnerProfiles.CountAsync(p => p.OrganizationName == "Copycat Ltd")));
    }

    [Fact]
    public async Task Bad_input_names_its_fields_and_a_weak_password_follows_identity_s_rules()
    {
        using var client = await api.AnonymousAsync();
        var response = await client.PostAsync(SignUp, new { organizationName = "", email = "nope", password = "", contactPhone = "12" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.JsonAsync()).GetProperty("errors");
        foreach (var field in new[] { "organizationName", "organizationType", "fullName", "email", "password", "contactPhone" })
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}: {errors}");

        var email = TeamTestData.NewEmail("weak");
        var weak = await client.PostAsync(SignUp, SignUpBody(email, password: "short"));
        Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
        Assert.True((await weak.JsonAsync()).GetProperty("errors").TryGetProperty("password", out _));
        Assert.Equal(0, await api.WithDbAsync(db => db.Users.CountAsync(u => u.Email == email)));
    }

    [Fact]
    public async Task Parallel_sign_ups_with_one_address_make_exactly_one_account()
    {
        var email = TeamTestData.NewEmail("race");
        var clients = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => api.AnonymousAsync()));
        var responses = await Task.WhenAll(clients.Select((c, i) => c.PostAsync(SignUp, SignUpBody(email, organization: $"Racer {i}"))));
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        foreach (var r in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
        {
            Assert.Equal(HttpStatusCode.Conflict, r.StatusCode);
            Assert.Equal("email_taken", await r.CodeAsync());
        }
        var normalized = email.ToUpperInvariant();
        Assert.Equal(1, await api.WithDbAsync(db => db.Users.CountAsync(u => u.NormalizedEmail == normalized)));
        Assert.Equal(1, await api.WithDbAsync(db => db.PartnerProfiles.CountAsync(p => p.User!.NormalizedEmail == normalized)));
        Assert.Equal(1, await api.WithDbAsync(db => db.PartnerProfiles.CountAsync(p => p.OrganizationName.StartsWith("Racer ") && p.ContactEmail == email)));
        foreach (var c in clients) c.Dispose();
    }

    [Fact]
    public async Task An_admin_verifies_a_pending_partner_who_is_told_and_may_then_create_programs()
    {
        var (partner, userId) = await SignUpAsync();
        var profileId = (await (await partner.GetAsync(Profile)).JsonAsync()).GetProperty("id").GetGuid();
        using var admin = await api.LoginAsync((await api.CreateAsync(Roles.Admin)).Email!, TestUsers.Password);

        var pending = await (await admin.GetAsync($"{AdminPartners}?pageSize=100&status=pending")).JsonAsync();
        Assert.Contains(pending.GetProperty("items").EnumerateArray(), i => i.GetProperty("profileId").GetGuid() == profileId);

        // Not for partners, and not twice.
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.PostAsync($"{AdminPartners}/{profileId}/verify")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.GetAsync(AdminPartners)).StatusCode);

        var verified = await admin.PostAsync($"{AdminPartners}/{profileId}/verify");
        Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
        Assert.Equal("verified", (await verified.JsonAsync()).GetProperty("verificationStatus").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsync($"{AdminPartners}/{profileId}/verify")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync($"{AdminPartners}/{Guid.NewGuid()}/verify")).StatusCode);
        var lateReject = await admin.PostAsync($"{AdminPartners}/{profileId}/reject", new { reason = "Changed our mind." });
        Assert.Equal(HttpStatusCode.Conflict, lateReject.StatusCode);

        Assert.Equal(1, await api.WithDbAsync(db => db.Notifications.CountAsync(n => n.UserId == userId && n.Title == "Your organisation is verified")));
        Assert.Equal(HttpStatusCode.Created, (await partner.PostAsync(Elimu.Api.Tests.Partners.Sponsorships.SponsorshipScenario.Programs, Elimu.Api.Tests.Partners.Sponsorships.SponsorshipScenario.ProgramBody())).StatusCode);
        Assert.Equal(1, await api.WithDbAsync(db => db.AuditLog.CountAsync(a => a.Action == "partner.verify" && a.EntityId == profileId.ToString())));
        partner.Dispose();
    }

    [Fact]
    public async Task A_rejected_partner_hears_why_and_still_cannot_create_programs()
    {
        var (partner, userId) = await SignUpAsync();
        var profileId = (await (await partner.GetAsync(Profile)).JsonAsync()).GetProperty("id").GetGuid();
        using var admin = await api.LoginAsync((await api.CreateAsync(Roles.Admin)).Email!, TestUsers.Password);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsync($"{AdminPartners}/{profileId}/reject", new { reason = " " })).StatusCode);
        var rejected = await admin.PostAsync($"{AdminPartners}/{profileId}/reject", new { reason = "The registration number does not match." });
        Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);

        var program = await partner.PostAsync(Elimu.Api.Tests.Partners.Sponsorships.SponsorshipScenario.Programs, Elimu.Api.Tests.Partners.Sponsorships.SponsorshipScenario.ProgramBody());
        Assert.Equal("partner_not_verified", await program.CodeAsync());
        Assert.Contains("registration number", (await program.JsonAsync()).GetProperty("detail").GetString());
        var profile = await (await partner.GetAsync(Profile)).JsonAsync();
        Assert.Equal("rejected", profile.GetProperty("verificationStatus").GetString());
        Assert.Equal(1, await api.WithDbAsync(db => db.Notifications.CountAsync(n => n.UserId == userId && n.Title.Contains("could not be verified"))));
        partner.Dispose();
    }
}
