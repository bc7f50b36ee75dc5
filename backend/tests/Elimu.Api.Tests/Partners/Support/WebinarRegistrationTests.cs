using System.Net;
using System.Text.Json;
using Elimu.Api.Partners.Account.Team;
using Elimu.Api.Platform.Identity;
using Elimu.Api.Tests.Infrastructure;
using Elimu.Api.Tests.Partners.Account;
using Microsoft.EntityFrameworkCore;
using static Elimu.Api.Tests.Partners.Support.TrainingTestData;

namespace Elimu.Api.Tests.Partners.Support;

/// <summary>Issue 16, training hub: each team member takes (and gives back) their own webinar seat.</summary>
public sealed class WebinarRegistrationTests(ElimuApiFactory api) : IClassFixture<ElimuApiFactory>
{
    private static async Task<JsonElement> FindAsync(ApiClient client, Guid id, string when = "upcoming")
    {
        var page = await client.GetJsonAsync<JsonElement>($"{Training}/webinars?when={when}&pageSize=100");
        return page.GetProperty("items").EnumerateArray().Single(w => w.GetProperty("id").GetGuid() == id);
    }

    private Task<int> SeatsAsync(Guid webinar) => api.WithDbAsync(db => db.WebinarRegistrations.CountAsync(r => r.WebinarId == webinar));

    [Fact]
    public async Task Registering_is_per_member_and_a_second_request_changes_nothing()
    {
        var owner = await api.CreateAsync(Roles.Partner);
        var viewer = await api.AddMemberAsync(owner, TeamRole.viewer);
        using var ownerClient = await api.LoginAsync(owner.Email!, TestUsers.Password);
        using var viewerClient = await api.LoginAsync(viewer.Email!, TestUsers.Password);
        var webinar = await api.WebinarAsync(TimeSpan.FromDays(2), capacity: 10);

        var before = await FindAsync(viewerClient, webinar);
        Assert.False(before.GetProperty("registered").GetBoolean());
        Assert.Equal(JsonValueKind.Null, before.GetProperty("joinUrl").ValueKind); // the link is for those who registered
        Assert.Equal("+03:00", before.GetProperty("startsAt").GetString()![^6..]);

        var first = await viewerClient.Http.PutAsync(Seat(webinar), null);
        var again = await viewerClient.Http.PutAsync(Seat(webinar), null);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var view = await again.JsonAsync();
        Assert.True(view.GetProperty("registered").GetBoolean());
        Assert.Equal("https://meet.example/join", view.GetProperty("joinUrl").GetString());
        Assert.Equal(9, view.GetProperty("seatsLeft").GetInt32());
        Assert.Equal(1, await SeatsAsync(webinar));

        // The owner on the same team holds no seat, but sees the team's one.
        var ownersView = await FindAsync(ownerClient, webinar);
        Assert.False(ownersView.GetProperty("registered").GetBoolean());
        Assert.Equal(1, ownersView.GetProperty("teamRegistrations").GetInt32());

        var cancelled = await viewerClient.DeleteAsync(Seat(webinar));
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.False((await cancelled.JsonAsync()).GetProperty("registered").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, (await viewerClient.DeleteAsync(Seat(webinar))).StatusCode);
        Assert.Equal(0, await SeatsAsync(webinar));
    }

    [Fact]
    public async Task Another_partner_sees_none_of_the_first_partners_seats_and_cannot_give_them_back()
    {
        var first = await api.CreateAsync(Roles.Partner);
        var member = await api.AddMemberAsync(first, TeamRole.programs);
        using var memberClient = await api.LoginAsync(member.Email!, TestUsers.Password);
        using var other = await api.LoginAsync((await api.CreateAsync(Roles.Partner)).Email!, TestUsers.Password);
        var webinar = await api.WebinarAsync(TimeSpan.FromDays(3));
        Assert.Equal(HttpStatusCode.OK, (await memberClient.Http.PutAsync(Seat(webinar), null)).StatusCode);

        var seen = await FindAsync(other, webinar);
        Assert.False(seen.GetProperty("registered").GetBoolean());
        Assert.Equal(0, seen.GetProperty("teamRegistrations").GetInt32());
        Assert.Equal(JsonValueKind.Null, seen.GetProperty("joinUrl").ValueKind);

        Assert.Equal(HttpStatusCode.OK, (await other.DeleteAsync(Seat(webinar))).StatusCode); // gives back its own (none)
        Assert.Equal(1, await SeatsAsync(webinar));
        Assert.True((await FindAsync(memberClient, webinar)).GetProperty("registered").GetBoolean());
    }

    [Fact]
    public async Task A_full_webinar_refuses_the_next_member_and_a_past_one_shows_its_recording_but_takes_no_seat()
    {
        var owner = await api.CreateAsync(Roles.Partner);
        var finance = await api.AddMemberAsync(owner, TeamRole.finance);
        using var ownerClient = await api.LoginAsync(owner.Email!, TestUsers.Password);
        using var financeClient = await api.LoginAsync(finance.Email!, TestUsers.Password);

        var full = await api.WebinarAsync(TimeSpan.FromDays(1), capacity: 1);
        Assert.Equal(HttpStatusCode.OK, (await ownerClient.Http.PutAsync(Seat(full), null)).StatusCode);
        var refused = await financeClient.Http.PutAsync(Seat(full), null);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("webinar_full", await refused.CodeAsync());
        Assert.Equal(HttpStatusCode.OK, (await ownerClient.Http.PutAsync(Seat(full), null)).StatusCode); // the holder again: still fine

        var past = await api.WebinarAsync(TimeSpan.FromDays(-2), recording: "https://recordings.example/1");
        var listed = await FindAsync(ownerClient, past, "past");
        Assert.Equal("past", listed.GetProperty("status").GetString());
        Assert.Equal("https://recordings.example/1", listed.GetProperty("recordingUrl").GetString());
        var late = await ownerClient.Http.PutAsync(Seat(past), null);
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Equal("webinar_over", await late.CodeAsync());

        Assert.Equal(HttpStatusCode.NotFound, (await ownerClient.Http.PutAsync(Seat(Guid.NewGuid()), null)).StatusCode);
    }

    [Fact]
    public async Task Members_registering_at_once_never_take_more_seats_than_the_webinar_has()
    {
        const int capacity = 3, members = 8;
        var owner = await api.CreateAsync(Roles.Partner);
        var clients = new List<ApiClient>();
        for (var i = 0; i < members; i++)
            clients.Add(await api.LoginAsync((await api.AddMemberAsync(owner, TeamRole.viewer)).Email!, TestUsers.Password));
        var webinar = await api.WebinarAsync(TimeSpan.FromDays(5), capacity);

        var responses = await Task.WhenAll(clients.Select(c => c.Http.PutAsync(Seat(webinar), null)));
        var codes = await Task.WhenAll(responses.Select(async r => ((int)r.StatusCode, await r.CodeAsync())));

        Assert.Equal(capacity, codes.Count(c => c.Item1 == 200));
        Assert.All(codes.Where(c => c.Item1 != 200), c => Assert.Equal((409, "webinar_full"), c));
        Assert.Equal(capacity, await SeatsAsync(webinar));
        foreach (var c in clients) c.Dispose();
    }
}
