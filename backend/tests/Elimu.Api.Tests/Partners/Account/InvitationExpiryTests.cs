using System.Net;
using Elimu.Api.Platform.Identity;
using Elimu.Api.Tests.Infrastructure;
using static Elimu.Api.Tests.Partners.Account.TeamTestData;

namespace Elimu.Api.Tests.Partners.Account;

/// <summary>
/// An invitation link works for Team:InvitationLifetime (seven days by default, TeamInvitationTests checks that; thirty
/// minutes here, because stepping a FakeTimeProvider by days fires every periodic background timer thousands of times).
/// </summary>
public sealed class InvitationExpiryTests(InvitationExpiryTests.ShortLinks api) : IClassFixture<InvitationExpiryTests.ShortLinks>
{
    public sealed class ShortLinks : TeamApiFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Team:InvitationLifetime"] = "00:30:00" };
    }

    [Fact]
    public async Task A_link_expires_after_its_lifetime_and_a_new_link_works_again()
    {
        var owner = await api.CreateAsync(Roles.Partner);
        using var ownerClient = await api.LoginAsync(owner.Email!, TestUsers.Password);
        var (id, token) = await ownerClient.InviteAsync(NewEmail(), "finance");

        api.Time.Advance(TimeSpan.FromMinutes(29));
        using (var anonymous = api.CreateApiClient())
            Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(Preview(token))).StatusCode);
        api.Time.Advance(TimeSpan.FromMinutes(2));

        var (late, refused) = await api.JoinAsync(token);
        late.Dispose();
        Assert.Equal(HttpStatusCode.Gone, refused.StatusCode);
        Assert.Equal("invitation_expired", await refused.CodeAsync());
        Assert.Contains("expired", await refused.Content.ReadAsStringAsync());

        // The owner sees it as expired and sends a new link; the old one stays dead.
        using var ownerAgain = await api.LoginAsync(owner.Email!, TestUsers.Password);
        var team = await (await ownerAgain.GetAsync(Team)).JsonAsync();
        Assert.Equal("expired", team.GetProperty("invitations")[0].GetProperty("status").GetString());
        var renewed = await (await ownerAgain.PostAsync($"{Invitations}/{id}/renew")).JsonAsync();
        var newToken = TokenOf(renewed.GetProperty("link").GetString()!);
        var (old, stillDead) = await api.JoinAsync(token);
        old.Dispose();
        Assert.Equal(HttpStatusCode.NotFound, stillDead.StatusCode); // its hash was replaced: the old link names nothing now
        var (fresh, joined) = await api.JoinAsync(newToken);
        fresh.Dispose();
        Assert.Equal(HttpStatusCode.OK, joined.StatusCode);
    }

}
