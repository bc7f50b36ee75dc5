using System.Net;
using Elimu.Api.Data;
using Elimu.Api.Platform.Identity;
using Elimu.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Tests.Platform.Hosting;

/// <summary>The keys behind session cookies live with the data, so a restart or a second instance keeps everyone signed in.</summary>
public sealed class DataProtectionKeysTests(ElimuApiFactory api) : IClassFixture<ElimuApiFactory>
{
    [Fact]
    public async Task A_session_from_one_host_is_accepted_by_a_second_host_on_the_same_database()
    {
        var user = await api.CreateAsync(Roles.Parent);
        using var browser = await BrowserSession.SignInAsync(api, user.Email!);

        await using var second = new SecondHostFactory(api);
        using var sameBrowser = browser.CopyTo(second);

        Assert.Equal(HttpStatusCode.OK, (await sameBrowser.Client.GetAsync("/api/v1/auth/me")).StatusCode);
        // The antiforgery token the first host issued passes on the second too.
        Assert.Equal(HttpStatusCode.NoContent, (await sameBrowser.Client.PostAsync("/api/v1/auth/logout")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.Client.GetAsync("/api/v1/auth/me")).StatusCode);
    }

    [Fact]
    public async Task The_keys_are_kept_beside_the_SQLite_file_or_in_the_PostgreSQL_database()
    {
        var user = await api.CreateAsync(Roles.Parent);
        using var _ = await BrowserSession.SignInAsync(api, user.Email!);

        if (api.Database.IsPostgres)
            Assert.NotEqual(0, await api.WithDbAsync(db => db.DataProtectionKeys.AsNoTracking().CountAsync()));
        else
        {
            var folder = DataProtectionKeys.FolderFor(api.Database.ConnectionString)!;
            Assert.Equal(Path.GetDirectoryName(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(api.Database.ConnectionString).DataSource), Path.GetDirectoryName(folder));
            Assert.NotEmpty(Directory.GetFiles(folder, "key-*.xml"));
        }
    }
}
