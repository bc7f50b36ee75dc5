using System.Net;
using System.Net.Http.Json;
using Elimu.Api.Partners.Account.Team;
using Elimu.Api.Platform.Identity;
using Elimu.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Elimu.Api.Tests.Partners.Sponsorships;
using static Elimu.Api.Tests.Partners.Account.TeamTestData;

namespace Elimu.Api.Tests.Partners.Account;

/// <summary>
/// Issue 16, team: an owner invites by email and role; the link joins once, for seven days (the host's clock is a
/// FakeTimeProvider), and is refused with a clear 410 afterwards; every team change is in the audit log.
/// </summary>
public sealed class TeamInvitationTests(TeamApiFactory api) : IClassFixture<TeamApiFactory>
{
    [Fact]
    public async Task An_invitee_joins_with_a_new_account_and_then_sees_the_partners_programs()
    {
        var owner = await api.CreateAsync(Roles.Partner);
        using var ownerClient = await api.LoginAsync(owner.Email!, TestUsers.Password);
        var program = await ownerClient.CreateProgramAsync("Shared with the team");
        var email = NewEmail("viewer");

        var (invitationId, token) = await ownerClient.InviteAsync(email, "viewer");
        var team = await (await ownerClient.GetAsync(Team)).JsonAsync();
        var pending = Assert.Single(team.GetProperty("invitations").EnumerateArray());
        Assert.Equal(email, pending.GetProperty("email").GetString());
        Assert.Equal("pending", pending.GetProperty("status").GetString());
        Assert.Equal(TimeSpan.FromDays(7), pending.GetProperty("expiresAt").GetDateTime() - pending.GetProperty("createdAt").GetDateTime());
        Assert.Equal(JsonValueKindNull, pending.GetProperty("link").ValueKind); // the link is shown once, at creation

        using var anonymous = api.CreateApiClient();
        var preview = await (await anonymous.GetAsync(Preview(token))).JsonAsync();
        Assert.Equal(email, preview.GetProperty("email").GetString());
        Assert.False(preview.GetProperty("hasAccount").GetBoolean());

        var (member, joined) = await api.JoinAsync(token, "Nia Wanjiru");
        using var _ = member;
        Assert.Equal(HttpStatusCode.OK, joined.StatusCode);
        var me = await joined.JsonAsync();
        Assert.Equal("viewer", me.GetProperty("partnerRole").GetString());
        Assert.Equal(["partner"], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).ToArray());

        // The member reads the partner's data, not an empty account of their own.
        var programs = await (await member.GetAsync("/api/v1/partner/sponsorships/programs")).JsonAsync();
        Assert.Contains(programs.GetProperty("items").EnumerateArray(), p => p.GetProperty("id").GetGuid() == program.Id);
        team = await (await member.GetAsync(Team)).JsonAsync();
        Assert.Equal(2, team.GetProperty("members").GetArrayLength());
        Assert.Empty(team.GetProperty("invitations").EnumerateArray());
        Assert.Equal("viewer", team.GetProperty("yourRole").GetString());

        var stored = await api.WithDbAsync(db => db.PartnerTeamInvitations.SingleAsync(i => i.Id == invitationId));
        Assert.NotEqual(token, stored.TokenHash);
        Assert.DoesNotContain(token, stored.TokenHash);
        Assert.NotNull(stored.AcceptedAt);
    }

    [Fact]
    public async Task A_link_is_used_once()
    {
        var owner = await api.CreateAsync(Roles.Partner);
        using var ownerClient = await api.LoginAsync(owner.Email!, TestUsers.Password);
        var (_, token) = await ownerClient.InviteAsync(NewEmail(), "programs");
        var (first, joined) = await api.JoinAsync(token);
        first.Dispose();
        Assert.Equal(HttpStatusCode.OK, joined.StatusCode);

        var (second, again) = await api.JoinAsync(token, "Someone Else", "Another#Pass2026");
        second.Dispose();
        Assert.Equal(HttpStatusCode.Gone, again.StatusCode);
        Assert.Equal("invitation_accepted", await again.CodeAsync());
        using var anonymous = api.CreateApiClient();
        var preview = await anonymous.GetAsync(Preview(token));
        Assert.Equal(HttpStatusCode.Gone, preview.StatusCode);
        Assert.Contains("already been used", await preview.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_withdrawn_invitation_is_refused_and_an_existing_member_or_pending_address_gets_409()
    {
        var owner = await api.CreateAsync(Roles.Partner);
        using var ownerClient = await api.LoginAsync(owner.Email!, TestUsers.Password);
        var email = NewEmail();
        var (id, token) = await ownerClient.InviteAsync(email, "viewer");

        var twice = await ownerClient.PostAsync(Invitations, new { email = email.ToUpperInvariant(), role = "finance" });
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Equal("invitation_pending", await twice.CodeAsync());
        var self = await ownerClient.PostAsync(Invitations, new { email = owner.Email, role = "viewer" });
        Assert.Equal(HttpStatusCode.Conflict, self.StatusCode);
        Assert.Equal("already_member", await self.CodeAsync());

        Assert.Equal(HttpStatusCode.NoContent, (await ownerClient.DeleteAsync($"{Invitations}/{id}")).StatusCode);
        var (c, refused) = await api.JoinAsync(token);
        c.Dispose();
        Assert.Equal(HttpStatusCode.Gone, refused.StatusCode);
        Assert.Equal("invitation_revoked", await refused.CodeAsync());
        // Withdrawn, the address may be invited again.
        Assert.Equal(HttpStatusCode.Created, (await ownerClient.PostAsync(Invitations, new { email, role = "viewer" })).StatusCode);
    }

    [Fact]
    public async Task Bad_input_is_a_400_per_field()
    {
        var owner = await api.CreateAsync(Roles.Partner);
        using var ownerClient = await api.LoginAsync(owner.Email!, TestUsers.Password);
        var response = await ownerClient.PostAsync(Invitations, new { email = "not-an-email" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.JsonAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("email", out _));
        Assert.True(errors.TryGetProperty("role", out _));
        Assert.Equal(HttpStatusCode.BadRequest, (await ownerClient.PostAsync(Invitations, new { email = NewEmail(), role = "boss" })).StatusCode);

        var (_, token) = await ownerClient.InviteAsync(NewEmail(), "viewer");
        using var invitee = api.CreateApiClient();
        await invitee.GetAsync(Preview(token));
        var noName = await invitee.PostAsync(Accept(token), new { password = "short" });
        Assert.Equal(HttpStatusCode.BadRequest, noName.StatusCode);
        Assert.True((await noName.JsonAsync()).GetProperty("errors").TryGetProperty("fullName", out _));
        var weak = await invitee.PostAsync(Accept(token), new { fullName = "Weak Password", password = "short" });
        Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
        Assert.True((await weak.JsonAsync()).GetProperty("errors").TryGetProperty("password", out _));
        // A refused accept leaves the link unused.
        var (c, joined) = await api.JoinAsync(token);
        c.Dispose();
        Assert.Equal(HttpStatusCode.OK, joined.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await invitee.GetAsync(Preview("not-a-real-token"))).StatusCode);
    }

    [Fact]
    public async Task An_existing_account_joins_with_its_password_but_not_when_it_is_on_another_team()
    {
        var owner = await api.CreateAsync(Roles.Partner);
        using var ownerClient = await api.LoginAsync(owner.Email!, TestUsers.Password);
        var parent = await api.CreateAsync(Roles.Parent);
        var (_, token) = await ownerClient.InviteAsync(parent.Email!, "programs");

        using var browser = api.CreateApiClient();
        var preview = await (await browser.GetAsync(Preview(token))).JsonAsync();
        Assert.True(preview.GetProperty("hasAccount").GetBoolean());
        var wrong = await browser.PostAsync(Accept(token), new { password = "Wrong#Pass2026" });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        var joined = await browser.PostAsync(Accept(token), new { password = TestUsers.Password });
        Assert.Equal(HttpStatusCode.OK, joined.StatusCode);
        Assert.Equal(["parent", "partner"], (await joined.JsonAsync()).GetProperty("roles").EnumerateArray().Select(r => r.GetString()).ToArray());

        var otherOwner = await api.CreateAsync(Roles.Partner);
        using var otherClient = await api.LoginAsync(otherOwner.Email!, TestUsers.Password);
        var (_, second) = await otherClient.InviteAsync(parent.Email!, "viewer");
        using var again = await api.LoginAsync(parent.Email!, TestUsers.Password);
        await again.GetAsync(Preview(second));
        var refused = await again.PostAsync(Accept(second), new { });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("member_of_a_team", await refused.CodeAsync());
    }

    [Fact]
    public async Task Parallel_accepts_of_one_link_make_one_member()
    {
        var owner = await api.CreateAsync(Roles.Partner);
        using var ownerClient = await api.LoginAsync(owner.Email!, TestUsers.Password);
        var email = NewEmail("race");
        var (id, token) = await ownerClient.InviteAsync(email, "viewer");
        var browsers = new List<ApiClient>();
        for (var i = 0; i < 8; i++)
        {
            var b = api.CreateApiClient();
            await b.GetAsync(Preview(token));
            browsers.Add(b);
        }

        var answers = await Task.WhenAll(browsers.Select((b, i) => b.PostAsync(Accept(token), new { fullName = $"Racer {i}", password = TestUsers.Password })));

        foreach (var b in browsers) b.Dispose();
        Assert.Equal(1, answers.Count(a => a.StatusCode == HttpStatusCode.OK));
        foreach (var a in answers.Where(a => a.StatusCode != HttpStatusCode.OK))
            Assert.True(a.StatusCode is HttpStatusCode.Gone or HttpStatusCode.Conflict, $"{(int)a.StatusCode}: {await a.Content.ReadAsStringAsync()}");
        var (members, accounts) = await api.WithDbAsync(async db => (
            await db.PartnerTeamMembers.CountAsync(m => m.User!.NormalizedEmail == email.ToUpperInvariant()),
            await db.Users.CountAsync(u => u.NormalizedEmail == email.ToUpperInvariant())));
        Assert.Equal(1, members);
        Assert.Equal(1, accounts);
    }

    [Fact]
    public async Task Every_team_change_is_audited_with_the_owner_who_made_it()
    {
        var owner = await api.CreateAsync(Roles.Partner);
        using var ownerClient = await api.LoginAsync(owner.Email!, TestUsers.Password);
        var (first, token) = await ownerClient.InviteAsync(NewEmail(), "viewer");
        await ownerClient.PostAsync($"{Invitations}/{first}/renew");
        var (second, _) = await ownerClient.InviteAsync(NewEmail(), "finance");
        await ownerClient.DeleteAsync($"{Invitations}/{second}");
        var renewed = await (await ownerClient.PostAsync($"{Invitations}/{first}/renew")).JsonAsync();
        var (member, joined) = await api.JoinAsync(TokenOf(renewed.GetProperty("link").GetString()!));
        member.Dispose();
        var memberId = (await joined.JsonAsync()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await ownerClient.Http.PatchAsJsonAsync($"{Team}/members/{memberId}", new { role = "finance" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await ownerClient.DeleteAsync($"{Team}/members/{memberId}")).StatusCode);

        var actions = await api.WithDbAsync(db => db.AuditLog.Where(a => a.PartnerId == owner.Id && a.Action.StartsWith("team."))
            .Select(a => new { a.Action, a.UserId }).ToListAsync());
        string[] expected = ["team.invite", "team.invite.renew", "team.invite", "team.invite.revoke", "team.invite.renew", "team.member.join",
            "team.role.change", "team.member.remove"];
        Assert.Equal(expected.Order(), actions.Select(a => a.Action).Order());
        Assert.All(actions.Where(a => a.Action != "team.member.join"), a => Assert.Equal(owner.Id, a.UserId));
        Assert.Equal(memberId, actions.Single(a => a.Action == "team.member.join").UserId);
        _ = token;
    }

    private const System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;
}
