using System.IO.Compression;
using System.Net;
using System.Text;
using Elimu.Api.Common;
using Elimu.Api.Partners.Account.Team;
using Elimu.Api.Partners.ChildData;
using Elimu.Api.Partners.Consent;
using Elimu.Api.Platform.Identity;
using Elimu.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Tests.Partners.Account;

/// <summary>Issue 16 settings: the owner downloads the partner's own records, and nothing of anyone else's.</summary>
public sealed class AccountExportTests(SeededApiFactory api) : IClassFixture<SeededApiFactory>
{
    private const string Export = "/api/v1/partner/account/export";

    private static Dictionary<string, string> Read(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip));
        return archive.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var stream = e.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            var bytes = copy.ToArray();
            if (e.FullName.EndsWith(".csv")) Assert.True(bytes.AsSpan().StartsWith(new byte[] { 0xEF, 0xBB, 0xBF }), $"{e.FullName} has no BOM");
            return Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF');
        });
    }

    [Fact]
    public async Task The_owner_gets_the_partners_own_records_with_details_only_of_consented_children()
    {
        using var partner = await api.LoginAsync("partner@elimu.demo");
        using var other = await api.LoginAsync("partner2@elimu.demo");
        var mine = await partner.GetJsonAsync<Paged<SponsoredChildResponse>>("/api/v1/partner/sponsorships/children?pageSize=100");
        var theirs = await other.GetJsonAsync<Paged<SponsoredChildResponse>>("/api/v1/partner/sponsorships/children?pageSize=100");
        Assert.NotEmpty(theirs.Items);

        var response = await partner.GetAsync(Export);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("elimu-export-", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var files = Read(await response.Content.ReadAsByteArrayAsync());

        Assert.Equal(new[] { "audit_log.csv", "consents.csv", "notifications.csv", "profile.json", "programs.csv", "sponsored_children.csv", "team.csv" },
            files.Keys.Order().ToArray());
        var all = string.Concat(files.Values);
        foreach (var child in theirs.Items)
        {
            Assert.DoesNotContain(child.Id.ToString(), all);
            Assert.DoesNotContain(child.ProgramId.ToString(), all);
        }
        Assert.Contains("partner@elimu.demo", files["team.csv"]);
        Assert.DoesNotContain("partner2@elimu.demo", all);

        var rows = files["sponsored_children.csv"].Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(line => line.Split(',')).ToList();
        Assert.Equal(mine.Total, rows.Count(r => r[3] != "REMOVED"));
        foreach (var child in mine.Items)
        {
            var row = rows.Single(r => r[0] == child.Id.ToString());
            if (child.ConsentStatus == ChildConsentStatus.given)
                Assert.Equal(("yes", child.LastName, child.School), (row[4], row[7], row[10]));
            else
                Assert.Equal(("no", "", ""), (row[4], row[7], row[10]));
        }
        Assert.Contains(mine.Items, c => c.ConsentStatus == ChildConsentStatus.given);
        Assert.Contains(mine.Items, c => c.ConsentStatus != ChildConsentStatus.given);

        var owner = await partner.GetJsonAsync<CurrentUser>("/api/v1/auth/me");
        await AsyncAssert.EventuallyAsync(async () => await api.WithDbAsync(db =>
            db.AuditLog.AnyAsync(a => a.Action == "account.export" && a.UserId == owner.Id)));
        await AsyncAssert.EventuallyAsync(async () => await api.WithDbAsync(db =>
            db.AuditLog.AnyAsync(a => a.Action == "child.read.export" && a.PartnerId == owner.Id)));
    }

    [Fact]
    public async Task Members_who_are_not_the_owner_and_other_roles_are_refused()
    {
        var owner = await api.CreateAsync(Roles.Partner);
        foreach (var role in new[] { TeamRole.finance, TeamRole.programs, TeamRole.viewer })
        {
            var member = await api.AddMemberAsync(owner, role);
            using var client = await api.LoginAsync(member.Email!, TestUsers.Password);
            var refused = await client.GetAsync(Export);
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }
        using var parent = await api.LoginAsync("parent@elimu.demo");
        Assert.Equal(HttpStatusCode.Forbidden, (await parent.GetAsync(Export)).StatusCode);
        using var own = await api.LoginAsync(owner.Email!, TestUsers.Password);
        Assert.Equal(HttpStatusCode.OK, (await own.GetAsync(Export)).StatusCode);
    }
}

internal static class AsyncAssert
{
    /// <summary>For what the API writes off the request path (read audits go through a queue).</summary>
    public static async Task EventuallyAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 100; i++)
        {
            if (await condition()) return;
            await Task.Delay(100);
        }
        Assert.Fail("The condition did not hold within 10 seconds.");
    }
}
