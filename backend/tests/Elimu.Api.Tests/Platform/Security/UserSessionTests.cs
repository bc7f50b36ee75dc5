using System.Net;
using Elimu.Api.Common;
using Elimu.Api.Partners.Dashboard;
using Elimu.Api.Platform.Identity;
using Elimu.Api.Platform.Identity.Sessions;
using Microsoft.EntityFrameworkCore;
using Elimu.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Elimu.Api.Tests.Platform.Security;

/// <summary>Issue 16 settings: a user sees their signed-in browsers and ends one, or all but this one.</summary>
public sealed class UserSessionTests(ElimuApiFactory api) : IClassFixture<ElimuApiFactory>
{
    private const string Me = "/api/v1/auth/me";
    private const string Sessions = "/api/v1/auth/sessions";

    private static async Task<System.Text.Json.JsonElement[]> ListAsync(ApiClient client) =>
        (await (await client.GetAsync(Sessions)).JsonAsync()).GetProperty("items").EnumerateArray().ToArray();

    [Fact]
    public async Task The_list_names_each_browser_and_this_one_and_an_ended_session_is_refused_at_once()
    {
        var user = await api.CreateAsync(Roles.Partner);
        using var laptop = await BrowserSession.SignInAsync(api, user.Email!);
        using var phone = BrowserSession.Open(api);
        phone.Client.Http.DefaultRequestHeaders.UserAgent.ParseAdd("Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Safari/604.1");
        await phone.Client.LoginAsync(user.Email!, TestUsers.Password);

        var sessions = await ListAsync(laptop.Client);
        Assert.Equal(2, sessions.Length);
        Assert.True(sessions[0].GetProperty("current").GetBoolean()); // this device first
        var phoneRow = Assert.Single(sessions, s => !s.GetProperty("current").GetBoolean());
        Assert.Contains("iPhone", phoneRow.GetProperty("userAgent").GetString());
        Assert.True(phoneRow.TryGetProperty("signedInAt", out _) && phoneRow.TryGetProperty("lastSeenAt", out _));

        Assert.Equal(HttpStatusCode.NoContent, (await laptop.Client.DeleteAsync($"{Sessions}/{phoneRow.GetProperty("id").GetString()}")).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await phone.Client.GetAsync(Me)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await laptop.Client.GetAsync(Me)).StatusCode);
        Assert.Single(await ListAsync(laptop.Client));
    }

    [Fact]
    public async Task Ending_the_other_sessions_keeps_this_one_and_closes_their_hub_connections()
    {
        var user = await api.CreateAsync(Roles.Partner);
        using var laptop = await BrowserSession.SignInAsync(api, user.Email!);
        using var phone = await BrowserSession.SignInAsync(api, user.Email!);
        using var tablet = await BrowserSession.SignInAsync(api, user.Email!);
        var hub = new HubLongPollingClient(phone.Client.Http, PartnerHub.Path);
        await hub.ConnectAsync();
        await hub.NextInvocationAsync(PartnerHub.CountersEvent, TimeSpan.FromSeconds(20));

        var ended = await laptop.Client.PostAsync($"{Sessions}/end-others");
        Assert.Equal(HttpStatusCode.OK, ended.StatusCode);
        Assert.Equal(2, (await ended.JsonAsync()).GetProperty("ended").GetInt32());

        Assert.Equal(HttpStatusCode.Unauthorized, (await phone.Client.GetAsync(Me)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await tablet.Client.GetAsync(Me)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await laptop.Client.GetAsync(Me)).StatusCode);
        Assert.Equal(0, api.Services.GetRequiredService<RealtimeSessions>().OpenConnectionsOf(user.Id));
        Assert.NotEqual(HttpStatusCode.OK, (await hub.PollAsync()).StatusCode);
    }

    [Fact]
    public async Task A_hub_connection_of_a_session_ended_on_another_instance_is_closed_by_the_sweep()
    {
        var user = await api.CreateAsync(Roles.Partner);
        using var phone = await BrowserSession.SignInAsync(api, user.Email!);
        using var laptop = await BrowserSession.SignInAsync(api, user.Email!);
        var hub = new HubLongPollingClient(phone.Client.Http, PartnerHub.Path);
        await hub.ConnectAsync();
        await hub.NextInvocationAsync(PartnerHub.CountersEvent, TimeSpan.FromSeconds(20));
        var realtime = api.Services.GetRequiredService<RealtimeSessions>();
        var sweeper = api.Services.GetRequiredService<HubSessionSweeper>();
        await sweeper.SweepAsync(CancellationToken.None);
        Assert.Equal(1, realtime.OpenConnectionsOf(user.Id)); // a live session is left alone

        // As another instance would: the row is ended in the database, this instance is not told.
        var phoneId = (await ListAsync(phone.Client)).Single(s => s.GetProperty("current").GetBoolean()).GetProperty("id").GetGuid();
        await api.WithDbAsync(db => db.Set<UserSession>().Where(s => s.Id == phoneId)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.RevokedAt, DateTime.UtcNow)));
        await sweeper.SweepAsync(CancellationToken.None);

        Assert.Equal(0, realtime.OpenConnectionsOf(user.Id));
        Assert.Equal(HttpStatusCode.OK, (await laptop.Client.GetAsync(Me)).StatusCode);
    }

    [Fact]
    public async Task Another_user_cannot_see_or_end_my_sessions()
    {
        var me = await api.CreateAsync(Roles.Partner);
        var other = await api.CreateAsync(Roles.Partner);
        using var mine = await BrowserSession.SignInAsync(api, me.Email!);
        using var theirs = await BrowserSession.SignInAsync(api, other.Email!);
        var myId = (await ListAsync(mine.Client)).Single().GetProperty("id").GetString();

        Assert.DoesNotContain(await ListAsync(theirs.Client), s => s.GetProperty("id").GetString() == myId);
        var refused = await theirs.Client.DeleteAsync($"{Sessions}/{myId}");
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        await theirs.Client.PostAsync($"{Sessions}/end-others");

        Assert.Equal(HttpStatusCode.OK, (await mine.Client.GetAsync(Me)).StatusCode);
    }

    [Fact]
    public async Task Ending_this_browsers_own_session_signs_it_out()
    {
        var user = await api.CreateAsync(Roles.Parent);
        using var browser = await BrowserSession.SignInAsync(api, user.Email!);
        using var copy = browser.CopyTo(api);
        var id = (await ListAsync(browser.Client)).Single().GetProperty("id").GetString();

        Assert.Equal(HttpStatusCode.NoContent, (await browser.Client.DeleteAsync($"{Sessions}/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.Client.GetAsync(Me)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await copy.Client.GetAsync(Me)).StatusCode); // every copy of the cookie
    }

    [Fact]
    public async Task The_theme_is_saved_per_user_and_named_in_me()
    {
        var user = await api.CreateAsync(Roles.Parent);
        using var client = await api.LoginAsync(user.Email!, TestUsers.Password);
        Assert.Equal("dark", (await (await client.GetAsync(Me)).JsonAsync()).GetProperty("theme").GetString());
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsync("/api/v1/account/theme", new { theme = "light" })).StatusCode);
        using var other = await api.LoginAsync(user.Email!, TestUsers.Password);
        Assert.Equal("light", (await (await other.GetAsync(Me)).JsonAsync()).GetProperty("theme").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PutAsync("/api/v1/account/theme", new { theme = "neon" })).StatusCode);
    }
}
