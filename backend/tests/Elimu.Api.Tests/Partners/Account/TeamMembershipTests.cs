using System.Net;
using System.Net.Http.Json;
using Elimu.Api.Partners.Account.Team;
using Elimu.Api.Platform.Identity;
using Elimu.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Elimu.Api.Tests.Partners.Sponsorships;
using static Elimu.Api.Tests.Partners.Account.TeamTestData;

namespace Elimu.Api.Tests.Partners.Account;

/// <summary>Owners change roles and remove members; a team keeps an owner; another partner's owner reaches none of it.</summary>
public sealed class TeamMembershipTests(TeamApiFactory api) : IClassFixture<TeamApiFactory>
{
    [Fact]
    public async Task The_last_owner_can_be_neither_removed_nor_demoted_until_another_owner_exists()
    {
        var owner = await api.CreateAsync(Roles.Partner);
        var finance = await api.AddMemberAsync(owner, TeamRole.finance);
        using var client = await api.LoginAsync(owner.Email!, TestUsers.Password);

        var remove = await client.DeleteAsync($"{Team}/members/{owner.Id}");
        Assert.Equal(HttpStatusCode.Conflict, remove.StatusCode);
        Assert.Equal("last_owner", await remove.CodeAsync());
        var demote = await client.Http.PatchAsJsonAsync($"{Team}/members/{owner.Id}", new { role = "viewer" });
        Assert.Equal(HttpStatusCode.Conflict, demote.StatusCode);
        Assert.Equal("last_owner", await demote.CodeAsync());

        Assert.Equal(HttpStatusCode.OK, (await client.Http.PatchAsJsonAsync($"{Team}/members/{finance.Id}", new { role = "owner" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"{Team}/members/{owner.Id}")).StatusCode);
        var owners = await api.WithDbAsync(db => db.PartnerTeamMembers.Where(m => m.UserId == owner.Id || m.UserId == finance.Id)
            .Select(m => new { m.UserId, m.Role }).ToListAsync());
        Assert.Equal(finance.Id, Assert.Single(owners).UserId);
    }

    [Fact]
    public async Task Two_owners_demoting_each_other_at_once_leave_one_owner()
    {
        var first = await api.CreateAsync(Roles.Partner);
        var second = await api.AddMemberAsync(first, TeamRole.owner);
        using var a = await api.LoginAsync(first.Email!, TestUsers.Password);
        using var b = await api.LoginAsync(second.Email!, TestUsers.Password);

        var answers = await Task.WhenAll(
            a.Http.PatchAsJsonAsync($"{Team}/members/{second.Id}", new { role = "viewer" }),
            b.Http.PatchAsJsonAsync($"{Team}/members/{first.Id}", new { role = "viewer" }));

        Assert.Contains(answers, r => r.StatusCode == HttpStatusCode.OK);
        Assert.All(answers, r => Assert.True(r.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict or HttpStatusCode.Forbidden, r.StatusCode.ToString()));
        var owners = await api.WithDbAsync(db => db.PartnerTeamMembers.CountAsync(m => (m.UserId == first.Id || m.UserId == second.Id) && m.Role == TeamRole.owner));
        Assert.Equal(1, owners);
    }

    [Fact]
    public async Task A_removed_member_loses_the_partner_at_once()
    {
        var owner = await api.CreateAsync(Roles.Partner);
        var viewer = await api.AddMemberAsync(owner, TeamRole.viewer);
        using var ownerClient = await api.LoginAsync(owner.Email!, TestUsers.Password);
        using var viewerClient = await api.LoginAsync(viewer.Email!, TestUsers.Password);
        Assert.Equal(HttpStatusCode.OK, (await viewerClient.GetAsync("/api/v1/partner/dashboard/counters")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await ownerClient.DeleteAsync($"{Team}/members/{viewer.Id}")).StatusCode);

        var after = await viewerClient.GetAsync("/api/v1/partner/dashboard/counters");
        Assert.True(after.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden, after.StatusCode.ToString());
        using var again = await api.LoginAsync(viewer.Email!, TestUsers.Password);
        Assert.Equal(HttpStatusCode.Forbidden, (await again.GetAsync("/api/v1/partner/dashboard/counters")).StatusCode);
    }

    [Fact]
    public async Task A_role_change_holds_from_the_next_request()
    {
        var owner = await api.CreateAsync(Roles.Partner);
        var member = await api.AddMemberAsync(owner, TeamRole.programs);
        using var ownerClient = await api.LoginAsync(owner.Email!, TestUsers.Password);
        using var memberClient = await api.LoginAsync(member.Email!, TestUsers.Password);
        var body = SponsorshipScenario.ProgramBody("Role change");
        Assert.Equal(HttpStatusCode.Created, (await memberClient.PostAsync("/api/v1/partner/sponsorships/programs", body)).StatusCode);

        await ownerClient.Http.PatchAsJsonAsync($"{Team}/members/{member.Id}", new { role = "viewer" });

        var refused = await memberClient.PostAsync("/api/v1/partner/sponsorships/programs", body);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("partner_role_forbidden", await refused.CodeAsync());
    }

    [Fact]
    public async Task Another_partners_owner_neither_sees_nor_changes_this_team()
    {
        var owner = await api.CreateAsync(Roles.Partner);
        var finance = await api.AddMemberAsync(owner, TeamRole.finance);
        using var ownerClient = await api.LoginAsync(owner.Email!, TestUsers.Password);
        var (invitation, _) = await ownerClient.InviteAsync(NewEmail(), "viewer");
        var stranger = await api.CreateAsync(Roles.Partner);
        using var other = await api.LoginAsync(stranger.Email!, TestUsers.Password);

        var theirs = await (await other.GetAsync(Team)).JsonAsync();
        var seen = theirs.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("userId").GetGuid()).ToList();
        Assert.Equal([stranger.Id], seen);
        Assert.Empty(theirs.GetProperty("invitations").EnumerateArray());

        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.PatchAsJsonAsync($"{Team}/members/{finance.Id}", new { role = "owner" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.DeleteAsync($"{Team}/members/{finance.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.DeleteAsync($"{Invitations}/{invitation}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync($"{Invitations}/{invitation}/renew")).StatusCode);

        var unchanged = await api.WithDbAsync(async db => (
            await db.PartnerTeamMembers.Where(m => m.UserId == finance.Id).Select(m => m.Role).SingleAsync(),
            await db.PartnerTeamInvitations.Where(i => i.Id == invitation).Select(i => i.RevokedAt).SingleAsync()));
        Assert.Equal(TeamRole.finance, unchanged.Item1);
        Assert.Null(unchanged.Item2);
    }

    [Fact]
    public async Task A_partner_user_on_no_team_is_refused_every_partner_route()
    {
        var owner = await api.CreateAsync(Roles.Partner);
        var member = await api.AddMemberAsync(owner, TeamRole.owner);
        await api.WithDbAsync(async db => await db.PartnerTeamMembers.Where(m => m.UserId == member.Id).ExecuteDeleteAsync());
        using var client = await api.LoginAsync(member.Email!, TestUsers.Password);
        var refused = await client.GetAsync(Team);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("not_a_team_member", await refused.CodeAsync());
    }
}
