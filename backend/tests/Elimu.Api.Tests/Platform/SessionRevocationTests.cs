using System.Net;
using Elimu.Api.Common;
using Elimu.Api.Partners.Dashboard;
using Elimu.Api.Platform.Identity;
using Elimu.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Elimu.Api.Tests.Platform;

/// <summary>Logout, a password change and an operator's lockout end every copy of every session of the user.</summary>
public sealed class SessionRevocationTests(ElimuApiFactory api) : IClassFixture<ElimuApiFactory>
{
    private const string Me = "/api/v1/auth/me";

    [Fact]
    public async Task A_cookie_copied_before_logout_is_refused_afterwards_for_reads_and_writes()
    {
        var user = await api.CreateAsync(Roles.Parent);
        using var browser = await BrowserSession.SignInAsync(api, user.Email!);
        using var stolen = browser.CopyTo(api);
        Assert.Equal(HttpStatusCode.OK, (await stolen.Client.GetAsync(Me)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await browser.Client.PostAsync("/api/v1/auth/logout")).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await stolen.Client.GetAsync(Me)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await stolen.Client.GetAsync("/api/v1/parent/consents")).StatusCode);
        // Its antiforgery token was bound to the ended session, so unsafe requests are refused too.
        var write = await stolen.Client.PostAsync("/api/v1/auth/password", new { currentPassword = TestUsers.Password, newPassword = "Taken#Over2026" });
        Assert.Contains(write.StatusCode, new[] { HttpStatusCode.BadRequest, HttpStatusCode.Unauthorized });
        Assert.NotEqual("validation_failed", (await write.JsonAsync()).GetProperty("code").GetString());
        await api.LoginAsync(user.Email!, TestUsers.Password); // the password was not changed by the thief
    }

    [Fact]
    public async Task Logout_in_one_browser_ends_the_sessions_of_the_other_browsers_of_the_user()
    {
        var user = await api.CreateAsync(Roles.Partner);
        using var laptop = await BrowserSession.SignInAsync(api, user.Email!);
        using var phone = await BrowserSession.SignInAsync(api, user.Email!);

        Assert.Equal(HttpStatusCode.NoContent, (await laptop.Client.PostAsync("/api/v1/auth/logout")).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await phone.Client.GetAsync(Me)).StatusCode);
    }

    [Fact]
    public async Task An_antiforgery_token_from_before_logout_is_refused_in_the_next_session()
    {
        var user = await api.CreateAsync(Roles.Parent);
        using var browser = await BrowserSession.SignInAsync(api, user.Email!);
        var oldToken = browser.Cookie(Antiforgery.CookieName)!;
        Assert.Equal(HttpStatusCode.NoContent, (await browser.Client.PostAsync("/api/v1/auth/logout")).StatusCode);
        await browser.Client.LoginAsync(user.Email!, TestUsers.Password);

        browser.Handler.SendXsrfHeader = false;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/logout");
        request.Headers.Add(Antiforgery.HeaderName, oldToken);
        var refused = await browser.Client.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("antiforgery_failed", (await refused.JsonAsync()).GetProperty("code").GetString());
        browser.Handler.SendXsrfHeader = true;
        Assert.Equal(HttpStatusCode.NoContent, (await browser.Client.PostAsync("/api/v1/auth/logout")).StatusCode);
    }

    [Fact]
    public async Task A_password_change_ends_every_other_session_and_keeps_this_one()
    {
        var user = await api.CreateAsync(Roles.Partner);
        using var browser = await BrowserSession.SignInAsync(api, user.Email!);
        using var stolen = browser.CopyTo(api);

        var changed = await browser.Client.PostAsync("/api/v1/auth/password", new { currentPassword = TestUsers.Password, newPassword = "Brand#New2026" });
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await stolen.Client.GetAsync(Me)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.Client.GetAsync(Me)).StatusCode);
        // This browser got a fresh antiforgery token with its new cookie.
        Assert.Equal(HttpStatusCode.NoContent, (await browser.Client.PostAsync("/api/v1/auth/logout")).StatusCode);

        using var old = api.CreateApiClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await old.PostAsync("/api/v1/auth/login", new { email = user.Email, password = TestUsers.Password })).StatusCode);
        await api.LoginAsync(user.Email!, "Brand#New2026");
    }

    [Fact]
    public async Task A_password_change_needs_the_current_password_and_a_valid_new_one()
    {
        var user = await api.CreateAsync(Roles.Parent);
        using var client = await api.LoginAsync(user.Email!, TestUsers.Password);

        var wrong = await client.PostAsync("/api/v1/auth/password", new { currentPassword = "not-my-password", newPassword = "Brand#New2026" });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.True((await wrong.JsonAsync()).GetProperty("errors").TryGetProperty("currentPassword", out _));

        var weak = await client.PostAsync("/api/v1/auth/password", new { currentPassword = TestUsers.Password, newPassword = "short" });
        Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
        Assert.True((await weak.JsonAsync()).GetProperty("errors").TryGetProperty("newPassword", out _));

        var empty = await client.PostAsync("/api/v1/auth/password", new { currentPassword = "", newPassword = "" });
        var errors = (await empty.JsonAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("currentPassword", out _) && errors.TryGetProperty("newPassword", out _));

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Me)).StatusCode); // nothing changed: the session lives on
        using var anonymous = api.CreateApiClient();
        await anonymous.GetAsync(Me); // picks up an antiforgery token, as the SPA does on load
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("/api/v1/auth/password",
            new { currentPassword = TestUsers.Password, newPassword = "Brand#New2026" })).StatusCode);
    }

    [Fact]
    public async Task An_operators_lockout_ends_the_users_sessions()
    {
        var user = await api.CreateAsync(Roles.Parent);
        using var client = await api.LoginAsync(user.Email!, TestUsers.Password);
        using (var scope = api.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            await users.SetLockoutEndDateAsync((await users.FindByIdAsync(user.Id.ToString()))!, DateTimeOffset.UtcNow.AddDays(1));
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(Me)).StatusCode);
    }

    [Fact]
    public async Task A_hub_connection_opened_before_logout_is_closed_and_cannot_poll_again()
    {
        var user = await api.CreateAsync(Roles.Partner);
        using var browser = await BrowserSession.SignInAsync(api, user.Email!);
        using var stolen = browser.CopyTo(api);
        var hub = new HubLongPollingClient(stolen.Client.Http, PartnerHub.Path);
        await hub.ConnectAsync();
        await hub.NextInvocationAsync(PartnerHub.CountersEvent, TimeSpan.FromSeconds(20));
        var realtime = api.Services.GetRequiredService<RealtimeSessions>();
        Assert.Equal(1, realtime.OpenConnectionsOf(user.Id));

        Assert.Equal(HttpStatusCode.NoContent, (await browser.Client.PostAsync("/api/v1/auth/logout")).StatusCode);

        Assert.Equal(0, realtime.OpenConnectionsOf(user.Id));
        Assert.NotEqual(HttpStatusCode.OK, (await hub.PollAsync()).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await stolen.Client.PostAsync($"{PartnerHub.Path}/negotiate?negotiateVersion=1")).StatusCode);
    }

    [Fact]
    public async Task A_hub_connection_whose_session_ended_elsewhere_is_closed_by_the_sweep()
    {
        var user = await api.CreateAsync(Roles.Partner);
        using var client = await api.LoginAsync(user.Email!, TestUsers.Password);
        var hub = new HubLongPollingClient(client.Http, PartnerHub.Path);
        await hub.ConnectAsync();
        await hub.NextInvocationAsync(PartnerHub.CountersEvent, TimeSpan.FromSeconds(20));
        var realtime = api.Services.GetRequiredService<RealtimeSessions>();
        var sweeper = api.Services.GetRequiredService<HubSessionSweeper>();

        await sweeper.SweepAsync(CancellationToken.None);
        Assert.Equal(1, realtime.OpenConnectionsOf(user.Id)); // a live session is left alone

        // As another instance's logout would: the stamp changes in the database, this instance is not told.
        using (var scope = api.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            await users.UpdateSecurityStampAsync((await users.FindByIdAsync(user.Id.ToString()))!);
        }
        Assert.Equal(1, realtime.OpenConnectionsOf(user.Id));
        await sweeper.SweepAsync(CancellationToken.None);

        Assert.Equal(0, realtime.OpenConnectionsOf(user.Id));
        Assert.NotEqual(HttpStatusCode.OK, (await hub.PollAsync()).StatusCode);
    }

    [Fact]
    public async Task A_hub_connection_token_is_of_no_use_to_another_partner()
    {
        var owner = await api.CreateAsync(Roles.Partner);
        var other = await api.CreateAsync(Roles.Partner);
        using var ownerClient = await api.LoginAsync(owner.Email!, TestUsers.Password);
        using var otherClient = await api.LoginAsync(other.Email!, TestUsers.Password);
        var hub = new HubLongPollingClient(ownerClient.Http, PartnerHub.Path);
        await hub.ConnectAsync();

        var borrowed = new HubLongPollingClient(otherClient.Http, PartnerHub.Path, hub.ConnectionToken);
        Assert.NotEqual(HttpStatusCode.OK, (await borrowed.PollAsync()).StatusCode);
        await hub.NextInvocationAsync(PartnerHub.CountersEvent, TimeSpan.FromSeconds(20)); // the owner's connection is unharmed
    }
}
