using System.Net;
using Elimu.Api.Common;
using Elimu.Api.Platform.Identity;
using Elimu.Api.Tests.Infrastructure;
using Elimu.Api.Tests.Partners.Sponsorships;

namespace Elimu.Api.Tests.Platform;

/// <summary>PUT /api/v1/auth/preferences: the language is kept on the account, /me returns it, and only the user's own.</summary>
public sealed class PreferencesTests(ElimuApiFactory api) : IClassFixture<ElimuApiFactory>
{
    private const string Preferences = "/api/v1/auth/preferences";

    [Fact]
    public async Task The_language_chosen_is_saved_and_returned_by_me_in_every_later_session()
    {
        var parent = await api.CreateAsync(Roles.Parent);
        using var client = await api.LoginAsync(parent.Email!, TestUsers.Password);
        Assert.Equal(Language.en, (await client.GetJsonAsync<CurrentUser>("/api/v1/auth/me")).PreferredLanguage);

        var put = await client.PutAsync(Preferences, new { language = "sw" });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(Language.sw, (await put.Content.ReadFromJsonAsyncWeb<CurrentUser>())!.PreferredLanguage);
        Assert.Equal(Language.sw, (await client.GetJsonAsync<CurrentUser>("/api/v1/auth/me")).PreferredLanguage);

        using var later = await api.LoginAsync(parent.Email!, TestUsers.Password);
        Assert.Equal(Language.sw, (await later.GetJsonAsync<CurrentUser>("/api/v1/auth/me")).PreferredLanguage);

        // Leaving the language out changes nothing.
        Assert.Equal(Language.sw, (await (await later.PutAsync(Preferences, new { })).Content.ReadFromJsonAsyncWeb<CurrentUser>())!.PreferredLanguage);
    }

    [Fact]
    public async Task Another_parent_changes_only_their_own_preference_whatever_id_they_send()
    {
        var mine = await api.CreateAsync(Roles.Parent);
        var theirs = await api.CreateAsync(Roles.Parent);
        using var me = await api.LoginAsync(mine.Email!, TestUsers.Password);
        using var other = await api.LoginAsync(theirs.Email!, TestUsers.Password);
        await me.PutAsync(Preferences, new { language = "sw" });

        // The body has no user to name; an id slipped in is ignored, and the change lands on the caller's account.
        var attempt = await other.PutAsync(Preferences, new { language = "en", id = mine.Id, userId = mine.Id });
        Assert.Equal(HttpStatusCode.OK, attempt.StatusCode);
        Assert.Equal(theirs.Id, (await attempt.Content.ReadFromJsonAsyncWeb<CurrentUser>())!.Id);
        Assert.Equal(Language.sw, (await me.GetJsonAsync<CurrentUser>("/api/v1/auth/me")).PreferredLanguage);
        Assert.Equal(Language.sw, await api.WithDbAsync(async db => (await db.Users.FindAsync(mine.Id))!.PreferredLanguage));

        await other.PutAsync(Preferences, new { language = "sw" });
        await me.PutAsync(Preferences, new { language = "en" });
        Assert.Equal(Language.sw, (await other.GetJsonAsync<CurrentUser>("/api/v1/auth/me")).PreferredLanguage);
    }

    [Fact]
    public async Task Signed_out_the_preference_cannot_be_changed()
    {
        using var anonymous = api.CreateApiClient();
        await anonymous.GetAsync("/api/v1/auth/me"); // the antiforgery cookie, so the refusal is about the session
        var put = await anonymous.PutAsync(Preferences, new { language = "sw" });
        Assert.Equal(HttpStatusCode.Unauthorized, put.StatusCode);
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("SW")]
    [InlineData("1")]
    [InlineData("Kiswahili")]
    [InlineData("")]
    public async Task A_language_that_is_not_en_or_sw_is_a_400_on_the_field_and_changes_nothing(string language)
    {
        var parent = await api.CreateAsync(Roles.Parent);
        using var client = await api.LoginAsync(parent.Email!, TestUsers.Password);
        var put = await client.PutAsync(Preferences, new { language });
        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
        Assert.True((await put.JsonAsync()).GetProperty("errors").TryGetProperty("language", out _));
        Assert.Equal(Language.en, (await client.GetJsonAsync<CurrentUser>("/api/v1/auth/me")).PreferredLanguage);
    }
}
