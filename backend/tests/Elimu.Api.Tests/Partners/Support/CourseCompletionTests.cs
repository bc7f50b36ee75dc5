using System.Net;
using System.Text.Json;
using Elimu.Api.Partners.Account.Team;
using Elimu.Api.Platform.Identity;
using Elimu.Api.Tests.Infrastructure;
using Elimu.Api.Tests.Partners.Account;
using static Elimu.Api.Tests.Partners.Support.TrainingTestData;

namespace Elimu.Api.Tests.Partners.Support;

/// <summary>Issue 16, training hub: certification courses with completion tracked per team member, and the owner's table.</summary>
public sealed class CourseCompletionTests(ElimuApiFactory api) : IClassFixture<ElimuApiFactory>
{
    private const string Course = "safeguarding-and-data";

    private static string Module(string module) => $"{Training}/courses/{Course}/modules/{module}/completion";

    private static async Task<List<string>> ModulesAsync(ApiClient client) =>
        (await client.GetJsonAsync<JsonElement>($"{Training}/courses/{Course}")).GetProperty("modules").EnumerateArray()
            .Select(m => m.GetProperty("slug").GetString()!).ToList();

    private static async Task<JsonElement> SummaryAsync(ApiClient client) =>
        (await client.GetJsonAsync<JsonElement>($"{Training}/courses")).GetProperty("items").EnumerateArray().Single(c => c.GetProperty("slug").GetString() == Course);

    [Fact]
    public async Task Completion_is_each_members_own_and_every_module_done_is_a_certificate()
    {
        var owner = await api.CreateAsync(Roles.Partner);
        var viewer = await api.AddMemberAsync(owner, TeamRole.viewer);
        using var ownerClient = await api.LoginAsync(owner.Email!, TestUsers.Password);
        using var viewerClient = await api.LoginAsync(viewer.Email!, TestUsers.Password);
        var modules = await ModulesAsync(viewerClient);
        Assert.True(modules.Count >= 3);

        var first = await viewerClient.Http.PutAsync(Module(modules[0]), null);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await viewerClient.Http.PutAsync(Module(modules[0]), null)).StatusCode); // again: no change
        var view = await first.JsonAsync();
        Assert.Equal(1, view.GetProperty("completedModules").GetInt32());
        Assert.NotEqual(JsonValueKind.Null, view.GetProperty("modules")[0].GetProperty("completedAt").ValueKind);
        Assert.Equal(1, (await SummaryAsync(viewerClient)).GetProperty("completedModules").GetInt32());
        Assert.Equal(0, (await SummaryAsync(ownerClient)).GetProperty("completedModules").GetInt32()); // the owner's own progress

        JsonElement last = default;
        foreach (var m in modules.Skip(1)) last = await (await viewerClient.Http.PutAsync(Module(m), null)).JsonAsync();
        Assert.Equal(modules.Count, last.GetProperty("completedModules").GetInt32());
        Assert.Equal("+03:00", last.GetProperty("certifiedAt").GetString()![^6..]);
        Assert.Equal(viewer.DisplayName, last.GetProperty("certificateHolder").GetString());

        var undone = await (await viewerClient.DeleteAsync(Module(modules[1]))).JsonAsync();
        Assert.Equal(modules.Count - 1, undone.GetProperty("completedModules").GetInt32());
        Assert.Equal(JsonValueKind.Null, undone.GetProperty("certifiedAt").ValueKind);

        Assert.Equal(HttpStatusCode.NotFound, (await viewerClient.Http.PutAsync(Module("no-such-module"), null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await viewerClient.Http.PutAsync($"{Training}/courses/no-such-course/modules/x/completion", null)).StatusCode);
    }

    [Fact]
    public async Task The_owner_sees_the_teams_table_another_partner_sees_only_its_own_and_a_viewer_none()
    {
        var owner = await api.CreateAsync(Roles.Partner);
        var programs = await api.AddMemberAsync(owner, TeamRole.programs);
        using var ownerClient = await api.LoginAsync(owner.Email!, TestUsers.Password);
        using var programsClient = await api.LoginAsync(programs.Email!, TestUsers.Password);
        var modules = await ModulesAsync(programsClient);
        foreach (var m in modules) Assert.Equal(HttpStatusCode.OK, (await programsClient.Http.PutAsync(Module(m), null)).StatusCode);

        var table = await ownerClient.GetJsonAsync<JsonElement>($"{Training}/team-progress");
        var rows = table.GetProperty("members").EnumerateArray().ToList();
        Assert.Equal(new[] { owner.Id, programs.Id }.Order(), rows.Select(r => r.GetProperty("userId").GetGuid()).Order());
        var row = rows.Single(r => r.GetProperty("userId").GetGuid() == programs.Id).GetProperty("courses").EnumerateArray()
            .Single(c => c.GetProperty("courseSlug").GetString() == Course);
        Assert.Equal(modules.Count, row.GetProperty("completedModules").GetInt32());
        Assert.NotEqual(JsonValueKind.Null, row.GetProperty("certifiedAt").ValueKind);

        var other = await api.CreateAsync(Roles.Partner);
        using var otherClient = await api.LoginAsync(other.Email!, TestUsers.Password);
        var theirs = (await otherClient.GetJsonAsync<JsonElement>($"{Training}/team-progress")).GetProperty("members").EnumerateArray().ToList();
        Assert.Equal(other.Id, Assert.Single(theirs).GetProperty("userId").GetGuid());
        Assert.All(theirs[0].GetProperty("courses").EnumerateArray(), c => Assert.Equal(0, c.GetProperty("completedModules").GetInt32()));

        var refused = await programsClient.GetAsync($"{Training}/team-progress");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("partner_role_forbidden", await refused.CodeAsync());
    }
}
