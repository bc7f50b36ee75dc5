using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Elimu.Api.Partners.Account.Team;
using Elimu.Api.Platform.Identity;
using Elimu.Api.Tests.Infrastructure;
using Elimu.Api.Tests.Partners.Account;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Elimu.Api.Tests.Partners.Account.TeamTestData;

namespace Elimu.Api.Tests.Platform;

/// <summary>
/// The session check answers from memory (SessionStateCache), yet a change to the user still holds from the very next
/// request on the instance that made it, and within SessionCache:MaxStalenessSeconds on another instance. Every test
/// first has the user make requests, so the instance holds their state when the change comes.
/// </summary>
public sealed class SessionStateCacheTests(ElimuApiFactory api) : IClassFixture<ElimuApiFactory>
{
    private const string Me = "/api/v1/auth/me";

    private static async Task WarmAsync(ApiClient client, string path)
    {
        for (var i = 0; i < 2; i++) Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task A_lockout_refuses_the_next_request_of_a_session_the_instance_holds()
    {
        var user = await api.CreateAsync(Roles.Parent);
        using var client = await api.LoginAsync(user.Email!, TestUsers.Password);
        await WarmAsync(client, Me);

        using (var scope = api.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            await users.SetLockoutEndDateAsync((await users.FindByIdAsync(user.Id.ToString()))!, DateTimeOffset.UtcNow.AddDays(1));
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(Me)).StatusCode);
    }

    [Fact]
    public async Task A_password_change_refuses_the_next_request_of_a_copied_session_the_instance_holds()
    {
        var user = await api.CreateAsync(Roles.Partner);
        using var browser = await BrowserSession.SignInAsync(api, user.Email!);
        using var stolen = browser.CopyTo(api);
        await WarmAsync(stolen.Client, Me);

        var changed = await browser.Client.PostAsync("/api/v1/auth/password", new { currentPassword = TestUsers.Password, newPassword = "Brand#New2026" });
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await stolen.Client.GetAsync(Me)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.Client.GetAsync(Me)).StatusCode);
    }

    [Fact]
    public async Task A_removed_member_is_refused_on_their_next_request()
    {
        var owner = await api.CreateAsync(Roles.Partner);
        var member = await api.AddMemberAsync(owner, TeamRole.viewer);
        using var ownerClient = await api.LoginAsync(owner.Email!, TestUsers.Password);
        using var memberClient = await api.LoginAsync(member.Email!, TestUsers.Password);
        await WarmAsync(memberClient, Team);

        Assert.Equal(HttpStatusCode.NoContent, (await ownerClient.DeleteAsync($"{Team}/members/{member.Id}")).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await memberClient.GetAsync(Team)).StatusCode);
    }

    [Fact]
    public async Task A_role_change_holds_from_the_members_next_request()
    {
        var owner = await api.CreateAsync(Roles.Partner);
        var member = await api.AddMemberAsync(owner, TeamRole.owner);
        using var ownerClient = await api.LoginAsync(owner.Email!, TestUsers.Password);
        using var memberClient = await api.LoginAsync(member.Email!, TestUsers.Password);
        await WarmAsync(memberClient, Team);

        var demoted = await ownerClient.Http.PatchAsJsonAsync($"{Team}/members/{member.Id}", new { role = "viewer" });
        Assert.Equal(HttpStatusCode.OK, demoted.StatusCode);

        // A role change keeps the member's session (no new stamp): only the cached membership says what they may do.
        var refused = await memberClient.Http.PatchAsJsonAsync($"{Team}/members/{owner.Id}", new { role = "viewer" });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("partner_role_forbidden", await refused.CodeAsync());
        Assert.Equal(TeamRole.owner, await api.WithDbAsync(db => db.PartnerTeamMembers.Where(m => m.UserId == owner.Id).Select(m => m.Role).SingleAsync()));
    }

    [Fact]
    public async Task Another_instance_refuses_a_session_ended_here_within_the_documented_bound()
    {
        await using var second = new SecondHostFactory(api);
        var bound = TimeSpan.FromSeconds(new SessionCacheOptions().MaxStalenessSeconds);
        var user = await api.CreateAsync(Roles.Parent);
        using var browser = await BrowserSession.SignInAsync(api, user.Email!);
        using var onSecond = browser.CopyTo(second);
        await WarmAsync(onSecond.Client, Me); // the second instance holds the session's state now

        Assert.Equal(HttpStatusCode.NoContent, (await browser.Client.PostAsync("/api/v1/auth/logout")).StatusCode);
        var ended = Stopwatch.StartNew();

        HttpStatusCode status;
        while ((status = (await onSecond.Client.GetAsync(Me)).StatusCode) == HttpStatusCode.OK && ended.Elapsed < bound * 2)
            await Task.Delay(100);
        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.True(ended.Elapsed <= bound + TimeSpan.FromSeconds(1), $"refused after {ended.Elapsed}, bound {bound}");
    }

    [Fact]
    public async Task A_session_started_on_another_instance_works_here_at_once_though_this_instance_holds_the_users_sessions()
    {
        await using var second = new SecondHostFactory(api);
        var user = await api.CreateAsync(Roles.Parent);
        using var laptop = await BrowserSession.SignInAsync(api, user.Email!);
        await WarmAsync(laptop.Client, Me); // this instance holds the user's live sessions: the laptop's only

        using var phone = await BrowserSession.SignInAsync(second, user.Email!); // no eviction reaches this instance
        using var phoneHere = phone.CopyTo(api);
        Assert.Equal(HttpStatusCode.OK, (await phoneHere.Client.GetAsync(Me)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await laptop.Client.GetAsync(Me)).StatusCode);
    }
}
